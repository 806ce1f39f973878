import { v7 as uuidv7 } from 'uuid';
import { sql as rawSql, type Compilable, type RawBuilder, type SqlBool } from 'kysely';
import type { z } from 'zod';
import type { Page } from '../../../../shared/contract';
import type {
  PetitionDetail,
  PetitionerMasked,
  PetitionRow,
  petitionsListInput,
} from '../../../../shared/contract/petitions';
import { maskAddress, maskIdNumber, maskName, maskPhone } from '../../../../shared/domain/masking';
import type { DeadlineStage } from '../../../../shared/domain/ledger/deadlines';
import { townshipPrefix } from '../../../../shared/domain/scope';
import { changesOf } from '../../ledger/changes';
import { CASE_CLOCK, clockStageSql, type DeadlineClock } from '../../db/clock-sql';
import { inList, OPEN_CASE_SQL, UNDER_REVIEW_CASE_SQL } from '../../db/status-lists';
import { STATUTORY_LIMITS } from '../../../../shared/domain/petitions/clocks';
import { AWAITING_ASSIGNMENT, WITH_UNIT } from '../../../../shared/domain/petitions/procedure';
import { listValues, type ListFilters } from '../../db/list-filters';
import { listPage, pageOf, selection, type LedgerListOf } from '../../ledger/list';
import type { Schema } from '../../db/schema';
import { nextSerial } from '../../db/serial';
import { named, qb, type NamedParams, type Sql } from '../../db/sql';
import { METRIC_CASES } from './tallies';
import { limitsOf } from './limits';
import { displayNameOf } from '../../db/display-name';
import { cipherOf } from '../../db/personal-cipher';
import type { PetitionMetricCode } from '../../../../shared/domain/petitions/metrics';

/**
 * Queries of the petition ledger. Deadline stages are computed in SQL from the due date and the
 * county's `today` and the 临期 setting, by the same rules as the domain's `deadlineStage` (tested
 * against it).
 */
export type PetitionTableRow = Schema['petitions'];

const NAME_SEPARATOR = '\u001f';

const OPEN = rawSql<SqlBool>`p.status IN ${rawSql.raw(OPEN_CASE_SQL)}`;
const clockValues = { today: named<string>('today'), dueSoonDays: named<number>('dueSoonDays') };
const statusIn = (statuses: readonly string[]) => rawSql.raw(inList(statuses));

/**
 * The domain's `deadlineStage` in SQL on the internal 办理时限 (the kernel's `CASE_CLOCK`). The
 * clock's values are the named parameters `@today` and `@dueSoonDays` (`clockParams`).
 */
export const stageSql = clockStageSql(CASE_CLOCK, clockValues);

const days = (limit: number) => rawSql.raw(`'+${limit} days'`);
const { registration, reviewDecision, reReviewDecision } = STATUTORY_LIMITS;

/**
 * The domain's `statutoryDueOf` in SQL: Art. 22 (receipt + 15 days) before assignment, Art. 34's
 * stored date after it until the written reply, the 复查 / 复核 opinion's date while one is pending.
 */
export const statutoryDueSql = rawSql<string | null>`CASE
  WHEN p.status IN ${statusIn(AWAITING_ASSIGNMENT)} THEN date(p.received_date, ${days(registration.days)})
  WHEN p.status IN ${statusIn(WITH_UNIT)} AND p.reply_date IS NULL THEN p.conclusion_due_date
  WHEN p.status = 'reviewing' THEN date(p.review_requested_date, ${days(reviewDecision.days)})
  WHEN p.status = 're_reviewing' THEN date(p.re_review_requested_date,
    '+' || (${rawSql.lit(reReviewDecision.days)} + coalesce(p.re_review_hearing_days, 0)) || ' days') END`;

/** The organ still owes something with a statutory date: the reply, or a 复查 / 复核 opinion. */
export const OWED = rawSql<SqlBool>`(${OPEN} OR p.status IN ${rawSql.raw(UNDER_REVIEW_CASE_SQL)})`;

/**
 * The stage of the statutory clock, from receipt before assignment, from acceptance after it, and
 * from the request during 复查 / 复核.
 */
export const statutoryStageSql = clockStageSql(
  {
    concluded: rawSql<SqlBool>`NOT ${OWED}`,
    start: rawSql<string>`CASE WHEN p.status IN ${statusIn(AWAITING_ASSIGNMENT)} THEN p.received_date
      WHEN p.status = 'reviewing' THEN p.review_requested_date
      WHEN p.status = 're_reviewing' THEN p.re_review_requested_date
      ELSE coalesce(p.accepted_date, p.received_date) END`,
    due: statutoryDueSql,
  },
  clockValues,
);

/** What the deadline stages are computed against: the county's date and the 临期 setting. */
export type CaseClock = DeadlineClock;

export const clockParams = (clock: CaseClock): NamedParams => ({ today: clock.today, dueSoonDays: clock.dueSoonDays });

export const findPetition = (sql: Sql, id: string): PetitionTableRow | undefined =>
  sql.get(qb.selectFrom('petitions').selectAll().where('id', '=', id));

export type ListInput = z.output<typeof petitionsListInput>;

type CaseSelection = ReturnType<typeof allCases>;
const allCases = () => qb.selectFrom('petitions as p');

type FilterKey = Extract<
  keyof ListInput,
  | 'keyword'
  | 'townshipCode'
  | 'category'
  | 'itemType'
  | 'status'
  | 'handlingUnitId'
  | 'leaderId'
  | 'receivedFrom'
  | 'receivedTo'
  | 'unassigned'
  | 'stage'
>;

/**
 * The list's filters, each narrowing by the named parameter of its own name (the kernel's list
 * binds them), so a list's SQL depends only on which filters are set (`Sql.shaped`). The keyword
 * matches the case number, summary or a petitioner's name (see db/search-text.ts).
 */
const FILTERS: ListFilters<CaseSelection, FilterKey> = {
  keyword: (q: CaseSelection) =>
    q.where(rawSql<SqlBool>`p.rowid IN (SELECT rowid FROM petitions_search WHERE petitions_search MATCH @keyword)`),
  townshipCode: (q: CaseSelection) => q.where('p.township_code', '=', named('townshipCode')),
  category: (q: CaseSelection) => q.where('p.category', '=', named('category')),
  itemType: (q: CaseSelection) => q.where('p.item_type', '=', named('itemType')),
  status: (q: CaseSelection) => q.where('p.status', '=', named('status')),
  handlingUnitId: (q: CaseSelection) => q.where('p.handling_unit_id', '=', named('handlingUnitId')),
  leaderId: (q: CaseSelection) => q.where('p.leader_id', '=', named('leaderId')),
  receivedFrom: (q: CaseSelection) => q.where('p.received_date', '>=', named('receivedFrom')),
  receivedTo: (q: CaseSelection) => q.where('p.received_date', '<=', named('receivedTo')),
  unassigned: (q: CaseSelection) => q.where('p.handling_unit_id', 'is', null),
  stage: (q: CaseSelection) => q.where(rawSql<SqlBool>`${stageSql} = @stage`),
};

/** The case columns a list row shows (the wide text columns stay out of lists). */
const LIST_COLUMNS = [
  'p.id',
  'p.case_no',
  'p.item_type',
  'p.category',
  'p.township_code',
  'p.summary',
  'p.received_date',
  'p.petition_count',
  'p.highest_level',
  'p.status',
  'p.handling_unit_id',
  'p.leader_id',
  'p.due_date',
] as const;

const withColumns = (query: CaseSelection) =>
  query
    .innerJoin('regions as g', 'g.code', 'p.township_code')
    .leftJoin('units as u', 'u.id', 'p.handling_unit_id')
    .leftJoin('people as l', 'l.id', 'p.leader_id')
    .select(LIST_COLUMNS)
    .select([
      'g.name as township_name',
      'u.name as unit_name',
      'l.name as leader_name',
      stageSql.as('stage'),
      statutoryDueSql.as('statutory_due_date'),
      statutoryStageSql.as('statutory_stage'),
      rawSql<
        string | null
      >`(SELECT group_concat(n.name, ${rawSql.lit(NAME_SEPARATOR)} ORDER BY n.is_primary DESC, n.sort)
        FROM petitioners n WHERE n.petition_id = p.id)`.as('names'),
    ]);

type ListColumn = (typeof LIST_COLUMNS)[number] extends `p.${infer C}` ? C : never;
type JoinedRow = Pick<PetitionTableRow, ListColumn> & {
  township_name: string;
  unit_name: string | null;
  leader_name: string | null;
  stage: DeadlineStage | null;
  statutory_due_date: string | null;
  statutory_stage: DeadlineStage | null;
  names: string | null;
};

export function toRow(row: JoinedRow): PetitionRow {
  const names = row.names ? row.names.split(NAME_SEPARATOR) : [];
  return {
    id: row.id,
    caseNo: row.case_no,
    itemType: row.item_type,
    category: row.category,
    townshipCode: row.township_code,
    townshipName: row.township_name,
    summary: row.summary,
    receivedDate: row.received_date,
    petitionCount: row.petition_count,
    highestLevel: row.highest_level,
    status: row.status,
    handlingUnitId: row.handling_unit_id,
    handlingUnitName: row.unit_name,
    leaderId: row.leader_id,
    leaderName: row.leader_name,
    dueDate: row.due_date,
    stage: row.stage,
    statutoryDueDate: row.statutory_due_date,
    statutoryStage: row.statutory_stage,
    petitionerNames: names.map(maskName),
    petitionerCount: names.length,
  };
}

const SORT_COLUMNS = {
  receivedDate: 'p.received_date',
  dueDate: 'p.due_date',
  caseNo: 'p.case_no',
  petitionCount: 'p.petition_count',
} as const;

/**
 * The list's ORDER BY, from the whitelisted sort and direction; the id breaks ties. Cases
 * without a due date come last in either direction (indexes petitions_due_first/_last).
 */
function orderOf(input: Pick<ListInput, 'sort' | 'direction'>): RawBuilder<unknown> {
  const direction = input.direction === 'asc' ? 'ASC' : 'DESC';
  const column = SORT_COLUMNS[input.sort];
  const undatedLast =
    input.sort !== 'dueDate' ? '' : direction === 'ASC' ? 'p.due_date IS NULL, ' : 'p.due_date IS NOT NULL DESC, ';
  return rawSql.raw(`${undatedLast}${column} ${direction}, p.id ${direction}`);
}

/**
 * The petition list through the kernel (ledger/list.ts). A page's rows get the joined columns and
 * petitioners' names only once picked on the bare table: otherwise SQLite would build them for
 * every matching row before sorting (thousands for a common keyword). Its figures are the metrics'
 * cases (tallies.ts).
 */
const PETITION_LIST: LedgerListOf<CaseSelection, FilterKey, PetitionMetricCode, ListInput, JoinedRow> = {
  ledger: 'petitions',
  alias: 'p',
  from: allCases,
  filters: FILTERS,
  inScope: (q) => q.where('p.township_code', 'like', named('scopePrefix')),
  figures: METRIC_CASES,
  order: orderOf,
  rows: (picked, order) => withColumns(allCases()).where(picked).orderBy(order) as Compilable<JoinedRow>,
};

/** One page of a selection built per call (the supervision queue); `params` binds its named values. */
export const pageRows = (sql: Sql, page: CaseSelection, order: RawBuilder<unknown>, params: NamedParams) =>
  sql.all(pageOf(PETITION_LIST, page, order), params).map(toRow);

export function listPetitions(sql: Sql, input: ListInput, scope: string | null, clock: CaseClock): Page<PetitionRow> {
  const { total, rows } = listPage(
    sql,
    PETITION_LIST,
    { ...input, figure: input.metric, figurePart: input.metricPart },
    scope,
    clockParams(clock),
  );
  return { items: rows.map(toRow), total, page: input.page, pageSize: input.pageSize };
}

/** The cases in scope, narrowed by the caller (the supervision queue), and their parameters. */
export const casesInScope = (scope: string | null, clock: CaseClock) => ({
  cases: selection(PETITION_LIST, {}, scope),
  params: { ...listValues({}, scope), ...clockParams(clock) },
});

type Petitioner = Omit<Schema['petitioners'], 'id_number_bi' | 'phone_bi'>;

/** A case's petitioners, primary first, their personal values opened (they stay in the backend). */
export function petitionerRows(sql: Sql, petitionId: string): Petitioner[] {
  const cipher = cipherOf(sql.db);
  return sql
    .all(
      qb
        .selectFrom('petitioners')
        .select(['id', 'petition_id', 'name', 'id_number', 'phone', 'address', 'is_primary', 'sort'])
        .where('petition_id', '=', petitionId)
        .orderBy('is_primary', 'desc')
        .orderBy('sort'),
    )
    .map((row) => ({
      ...row,
      id_number: cipher.open(row.id_number),
      phone: cipher.open(row.phone),
      address: cipher.open(row.address),
    }));
}

/**
 * Stores a case's petitioners, the first the primary one: ID number, phone and address sealed,
 * the blind indexes the matches use beside them.
 */
export function insertPetitioners(
  sql: Sql,
  petitionId: string,
  people: readonly { name: string; idNumber: string | null; phone: string | null; address: string | null }[],
): void {
  const cipher = cipherOf(sql.db);
  people.forEach((p, index) =>
    sql.run(
      qb.insertInto('petitioners').values({
        id: uuidv7(),
        petition_id: petitionId,
        name: p.name,
        id_number: cipher.seal(p.idNumber),
        phone: cipher.seal(p.phone),
        address: cipher.seal(p.address),
        id_number_bi: cipher.blind('id', p.idNumber),
        phone_bi: cipher.blind('phone', p.phone),
        is_primary: index === 0 ? 1 : 0,
        sort: index,
      }),
    ),
  );
}

export const maskPetitioner = (row: Petitioner): PetitionerMasked => ({
  id: row.id,
  nameMasked: maskName(row.name),
  idNumberMasked: row.id_number ? maskIdNumber(row.id_number) : null,
  phoneMasked: row.phone ? maskPhone(row.phone) : null,
  addressMasked: row.address ? maskAddress(row.address) : null,
  isPrimary: row.is_primary === 1,
});

export function findDetail(sql: Sql, id: string, clock: CaseClock): PetitionDetail | undefined {
  const row = sql.get(withColumns(allCases()).selectAll('p').where('p.id', '=', id), clockParams(clock)) as
    (JoinedRow & PetitionTableRow) | undefined;
  if (!row) return undefined;
  const responsible = row.responsible_id
    ? sql.get(qb.selectFrom('people').select('name').where('id', '=', row.responsible_id))
    : undefined;
  const userName = displayNameOf('t.by_user');
  return {
    ...toRow(row),
    firstPetitionDate: row.first_petition_date,
    responsibleId: row.responsible_id,
    responsibleName: responsible?.name ?? null,
    assignedDate: row.assigned_date,
    extension:
      row.extension_days !== null
        ? { days: row.extension_days, reason: row.extension_reason ?? '', approvedBy: row.extension_approved_by ?? '' }
        : null,
    resolutionPlan: row.resolution_plan,
    stabilityMeasures: row.stability_measures,
    outcome: row.outcome,
    resolvedDate: row.resolved_date,
    closedDate: row.closed_date,
    acceptedDate: row.accepted_date,
    refusedDate: row.refused_date,
    objectionDate: row.objection_date,
    replyDate: row.reply_date,
    replyKind: row.reply_kind,
    reviewRequestedDate: row.review_requested_date,
    reviewDecidedDate: row.review_decided_date,
    reReviewRequestedDate: row.re_review_requested_date,
    reReviewHearingDays: row.re_review_hearing_days,
    reReviewDecidedDate: row.re_review_decided_date,
    conclusionDueDate: row.conclusion_due_date,
    finalCase: row.final_case_id
      ? (sql.get(qb.selectFrom('petitions').select(['id', 'case_no as caseNo']).where('id', '=', row.final_case_id)) ??
        null)
      : null,
    limits: limitsOf(sql, row, clock),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
    voidedAt: row.voided_at,
    voidReason: row.void_reason,
    changes: changesOf(sql, 'petition', id),
    petitioners: petitionerRows(sql, id).map(maskPetitioner),
    events: sql
      .all(
        qb
          .selectFrom('petition_events as t')
          .leftJoin('units as u', 'u.id', 't.unit_id')
          .select([
            't.id',
            't.kind',
            't.action',
            't.from_status',
            't.to_status',
            't.unit_id',
            'u.name as unit_name',
            't.reason',
            't.at',
            userName.as('by_name'),
          ])
          .where('t.petition_id', '=', id)
          .orderBy('t.at')
          .orderBy('t.id'),
      )
      .map((e) => ({
        id: e.id,
        kind: e.kind,
        action: e.action,
        fromStatus: e.from_status,
        toStatus: e.to_status,
        unitId: e.unit_id,
        unitName: e.unit_name,
        reason: e.reason,
        byName: e.by_name,
        at: e.at,
      })),
    progress: sql.all(
      qb
        .selectFrom('petition_progress as t')
        .select(['t.id', 't.date', 't.content', 't.at', userName.as('byName')])
        .where('t.petition_id', '=', id)
        .orderBy('t.date')
        .orderBy('t.id'),
    ),
    supervisions: sql.all(
      qb
        .selectFrom('petition_supervisions as t')
        .select(['t.id', 't.kind', 't.reason', 't.at', userName.as('byName')])
        .where('t.petition_id', '=', id)
        .orderBy('t.at')
        .orderBy('t.id'),
    ),
    closeOuts: sql.all(
      qb
        .selectFrom('petition_closeouts as t')
        .select(['t.id', 't.evidence', 't.at', displayNameOf('t.approved_by').as('approvedByName')])
        .where('t.petition_id', '=', id)
        .orderBy('t.at'),
    ),
  };
}

/** The most recent case in scope with a petitioner of this ID number, else of this name and phone. */
export function findRepeatCase(
  sql: Sql,
  petitioner: { name: string; idNumber: string | null; phone: string | null },
  scope: string | null,
): PetitionTableRow | undefined {
  // A voided case is no case: a petitioner who comes back opens a new one.
  let query = qb
    .selectFrom('petitions as p')
    .innerJoin('petitioners as n', 'n.petition_id', 'p.id')
    .selectAll('p')
    .where('p.voided_at', 'is', null);
  if (scope) query = query.where('p.township_code', 'like', `${townshipPrefix(scope)}%`);
  const latest = (q: typeof query) => sql.get(q.orderBy('p.received_date', 'desc').orderBy('p.id', 'desc').limit(1));
  const cipher = cipherOf(sql.db);
  if (petitioner.idNumber) {
    const byId = latest(query.where('n.id_number_bi', '=', cipher.blind('id', petitioner.idNumber)));
    if (byId) return byId;
  }
  if (petitioner.phone) {
    return latest(
      query.where('n.phone_bi', '=', cipher.blind('phone', petitioner.phone)).where('n.name', '=', petitioner.name),
    );
  }
  return undefined;
}

/**
 * The final case (复核 decided) in scope of a petitioner with this ID number on the same category:
 * a new petition on its facts is 不再受理 (Art. 36), linked to it. The most recent one.
 */
export function findFinalCase(
  sql: Sql,
  match: { idNumber: string; category: string },
  scope: string | null,
): Pick<PetitionTableRow, 'id' | 'case_no'> | undefined {
  let query = qb
    .selectFrom('petitions as p')
    .innerJoin('petitioners as n', 'n.petition_id', 'p.id')
    .select(['p.id', 'p.case_no'])
    .where('p.voided_at', 'is', null)
    .where('p.re_review_decided_date', 'is not', null)
    .where('p.category', '=', match.category)
    .where('n.id_number_bi', '=', cipherOf(sql.db).blind('id', match.idNumber));
  if (scope) query = query.where('p.township_code', 'like', `${townshipPrefix(scope)}%`);
  return sql.get(query.orderBy('p.re_review_decided_date', 'desc').orderBy('p.id', 'desc').limit(1));
}

/** The next `XF2026-000123` of the year: per-year sequence, allocated inside the write transaction. */
export const nextCaseNo = (sql: Sql, year: string): string => nextSerial(sql, 'petitions', `XF${year}-`, 6);
