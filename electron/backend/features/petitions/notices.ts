import { sql as rawSql, type SqlBool } from 'kysely';
import type { DeadlineCandidate, DeadlineNotices } from '../../ledger/registry';
import type { NotificationDraft } from '../../ledger/notifications/notify';
import { OPEN_CASE_SQL } from '../../db/status-lists';
import { named, qb } from '../../db/sql';
import { clockParams, stageSql, type PetitionTableRow } from './repo';

const OPEN = rawSql<SqlBool>`p.status IN ${rawSql.raw(OPEN_CASE_SQL)}`;
const DUE_BY = rawSql<SqlBool>`p.due_date <= date(${named('today')}, '+' || ${named('dueSoonDays')} || ' days')`;

/** Not told yet of this stage and due date: the day's later scans skip what they wrote. */
const NOT_NOTIFIED = rawSql<SqlBool>`NOT EXISTS (SELECT 1 FROM notifications n WHERE n.ledger = 'petition'
  AND n.record_id = p.id AND n.kind = ${stageSql} AND n.due_date = p.due_date)`;

/**
 * Open cases whose 办理时限 is 临期 or 超期 today, on the ledger's own stage (`stageSql`), read
 * through the partial index `petitions_open_due`. A notice goes to the handling unit and to the
 * officer who registered the case.
 */
export const petitionDeadlines: DeadlineNotices = {
  ledger: 'petition',
  due: (sql, clock) =>
    sql
      .shaped('notifications.petitionDeadlines', () =>
        qb
          .selectFrom('petitions as p')
          .select([
            'p.id',
            'p.case_no as number',
            'p.summary as title',
            'p.township_code as townshipCode',
            'p.handling_unit_id as unitId',
            'p.created_by as userId',
          ])
          .select(rawSql<string>`p.due_date`.as('dueDate'))
          .select(stageSql.as('stage'))
          .where(OPEN)
          .where('p.due_date', 'is not', null)
          .where('p.voided_at', 'is', null)
          .where(DUE_BY)
          .where(rawSql<SqlBool>`${stageSql} IN ('due_soon', 'overdue')`)
          .where(NOT_NOTIFIED),
      )
      .all(clockParams(clock)) as DeadlineCandidate[],
};

const cut = (text: string, length: number) => (text.length > length ? `${text.slice(0, length)}…` : text);

/** A case's notice addressed to its unit and its registering officer, on its number and summary. */
export const petitionNotice = (
  row: PetitionTableRow,
  kind: NotificationDraft['kind'],
  unitId: string | null,
  text: string,
  toOfficer = true,
): NotificationDraft => ({
  kind,
  ledger: 'petition',
  recordId: row.id,
  recordNo: row.case_no,
  townshipCode: row.township_code,
  userId: toOfficer ? row.created_by : null,
  unitId,
  text: `积案 ${row.case_no}「${cut(row.summary, 24)}」${text}`,
});

/** The step's input as far as its notice needs it. */
interface StepInput {
  action: string;
  handlingUnitId?: string | null;
  dueDate?: string | null;
  reason?: string | null;
}

/**
 * The notice a workflow step gives, or null: 交办 and 转办 to the new unit, 异议退回 to the officer
 * who registered the case, 退回未化解 to the unit and the officer.
 */
export function stepNotice(input: StepInput, row: PetitionTableRow): NotificationDraft | null {
  const reason = cut(input.reason?.trim() ?? '', 40);
  const due = input.dueDate ? `，办理时限 ${input.dueDate}` : '';
  switch (input.action) {
    case 'assign':
      return petitionNotice(row, 'assigned', input.handlingUnitId ?? null, `已交办你单位办理${due}`, false);
    case 'transfer':
      return petitionNotice(row, 'assigned', input.handlingUnitId ?? null, `已转办你单位办理${due}`, false);
    case 'object':
      return petitionNotice(row, 'returned', null, `被承办单位异议退回：${reason}`);
    case 'sendBack':
      return petitionNotice(row, 'returned', row.handling_unit_id, `退回未化解：${reason}`);
    default:
      return null;
  }
}
