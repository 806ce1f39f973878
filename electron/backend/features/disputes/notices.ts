import { sql as rawSql, type SqlBool } from 'kysely';
import type { DeadlineCandidate, DeadlineNotices } from '../../ledger/registry';
import type { NotificationDraft } from '../../ledger/notifications/notify';
import { qb } from '../../db/sql';
import { clockParams, stageSql, SUPERVISED, type DisputeTableRow } from './repo';

/** Not told yet of this stage and due date: the day's later scans skip what they wrote. */
const NOT_NOTIFIED = rawSql<SqlBool>`NOT EXISTS (SELECT 1 FROM notifications n WHERE n.ledger = 'dispute'
  AND n.record_id = d.id AND n.kind = ${stageSql} AND n.due_date = d.due_date)`;

/**
 * Routed or handled disputes whose 办理时限 is 临期 or 超期 today, on the ledger's stage
 * (`stageSql`), read through the partial index `disputes_due`. A notice goes to the unit it was
 * routed to and to the officer who took it in.
 */
export const disputeDeadlines: DeadlineNotices = {
  ledger: 'dispute',
  due: (sql, clock) =>
    sql
      .shaped('notifications.disputeDeadlines', () =>
        qb
          .selectFrom('disputes as d')
          .select([
            'd.id',
            'd.dispute_no as number',
            'd.summary as title',
            'd.township_code as townshipCode',
            'd.unit_id as unitId',
            'd.created_by as userId',
          ])
          .select(rawSql<string>`d.due_date`.as('dueDate'))
          .select(stageSql.as('stage'))
          .where(SUPERVISED)
          .where('d.voided_at', 'is', null)
          .where(NOT_NOTIFIED),
      )
      .all(clockParams(clock)) as DeadlineCandidate[],
};

const cut = (text: string, length: number) => (text.length > length ? `${text.slice(0, length)}…` : text);

/** 分流's notice: to the unit or mediation body the dispute was routed to, with its 办理时限. */
export const routeNotice = (row: DisputeTableRow, unitId: string, dueDate: string | null): NotificationDraft => ({
  kind: 'assigned',
  ledger: 'dispute',
  recordId: row.id,
  recordNo: row.dispute_no,
  townshipCode: row.township_code,
  userId: null,
  unitId,
  text: `矛盾纠纷 ${row.dispute_no}「${cut(row.summary, 24)}」已分流你单位办理${dueDate ? `，办理时限 ${dueDate}` : ''}`,
});
