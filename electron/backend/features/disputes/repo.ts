import { sql as rawSql, type Compilable, type RawBuilder, type SqlBool } from 'kysely';
import type { z } from 'zod';
import type { Page } from '../../../../shared/contract';
import type { DisputeRow, disputesListInput } from '../../../../shared/contract/disputes';
import type { DisputeFigureCode } from '../../../../shared/domain/disputes/figures';
import { DISPUTE_RESULTS, OPEN_DISPUTE_STATUSES } from '../../../../shared/domain/disputes/statuses';
import type { DeadlineStage } from '../../../../shared/domain/ledger/deadlines';
import { clockStageSql, type DeadlineClock } from '../../db/clock-sql';
import type { ListFilters } from '../../db/list-filters';
import type { Schema } from '../../db/schema';
import { nextSerial } from '../../db/serial';
import { named, qb, type NamedParams, type Sql } from '../../db/sql';
import { inList } from '../../db/status-lists';
import { listPage, type LedgerListOf } from '../../ledger/list';
import { FIGURE_CASES } from './figure-cases';

/** Queries of the dispute ledger; its list is the kernel's (ledger/list.ts). */
export type DisputeTableRow = Schema['disputes'];
export type ListInput = z.output<typeof disputesListInput>;

export const OPEN_DISPUTE_SQL = inList(OPEN_DISPUTE_STATUSES);

/**
 * The kernel's deadline stage (`clockStageSql`) on the 办理时限: the clock starts at 分流 and runs
 * while the dispute is open; before 分流 it has no due date (no stage), after a result it is done.
 * The clock's values are the named parameters `@today` and `@dueSoonDays` (`clockParams`).
 */
export const stageSql = clockStageSql(
  {
    concluded: rawSql<SqlBool>`d.status NOT IN ${rawSql.raw(OPEN_DISPUTE_SQL)}`,
    start: rawSql<string>`coalesce(d.routed_on, d.received_on)`,
    due: rawSql<string | null>`d.due_date`,
  },
  { today: named<string>('today'), dueSoonDays: named<number>('dueSoonDays') },
);

export const clockParams = (clock: DeadlineClock): NamedParams => ({
  today: clock.today,
  dueSoonDays: clock.dueSoonDays,
});

/** Open, routed or being handled, and 临期 or 超期: the supervision queue (督办). */
export const SUPERVISED = rawSql<SqlBool>`d.status IN ('routed', 'mediating')
  AND d.due_date <= date(@today, '+' || @dueSoonDays || ' days')`;

export const findDispute = (sql: Sql, id: string): DisputeTableRow | undefined =>
  sql.get(qb.selectFrom('disputes').selectAll().where('id', '=', id));

type Selection = ReturnType<typeof allDisputes>;
const allDisputes = () => qb.selectFrom('disputes as d');

type FilterKey = Extract<
  keyof ListInput,
  | 'keyword'
  | 'townshipCode'
  | 'category'
  | 'channel'
  | 'status'
  | 'level'
  | 'unitId'
  | 'open'
  | 'overdue'
  | 'supervision'
  | 'toVisit'
  | 'stage'
  | 'receivedFrom'
  | 'receivedTo'
>;

/** The list's filters, each by the named parameter of its key (db/list-filters.ts). */
const FILTERS: ListFilters<Selection, FilterKey> = {
  keyword: (q) =>
    q.where(rawSql<SqlBool>`d.rowid IN (SELECT rowid FROM disputes_search WHERE disputes_search MATCH @keyword)`),
  townshipCode: (q) => q.where('d.township_code', '=', named('townshipCode')),
  category: (q) => q.where('d.category', '=', named('category')),
  channel: (q) => q.where('d.channel', '=', named('channel')),
  status: (q) => q.where('d.status', '=', named('status')),
  level: (q) => q.where('d.level', '=', named('level')),
  unitId: (q) => q.where('d.unit_id', '=', named('unitId')),
  open: (q) => q.where(rawSql<SqlBool>`d.status IN ${rawSql.raw(OPEN_DISPUTE_SQL)}`),
  // The supervision queue: routed or being handled, past the time limit.
  overdue: (q) => q.where(rawSql<SqlBool>`d.status IN ('routed', 'mediating') AND d.due_date < @today`),
  supervision: (q) => q.where(SUPERVISED),
  // A result recorded, awaiting 回访.
  toVisit: (q) => q.where(rawSql<SqlBool>`d.status IN ${rawSql.raw(inList(DISPUTE_RESULTS))}`),
  stage: (q) => q.where(rawSql<SqlBool>`${stageSql} = @stage`),
  receivedFrom: (q) => q.where('d.received_on', '>=', named('receivedFrom')),
  receivedTo: (q) => q.where('d.received_on', '<=', named('receivedTo')),
};

export const withColumns = (query: Selection) =>
  query
    .innerJoin('regions as g', 'g.code', 'd.township_code')
    .leftJoin('regions as v', 'v.code', 'd.village_code')
    .leftJoin('units as u', 'u.id', 'd.unit_id')
    .leftJoin('dict_entries as c', (join) =>
      join.onRef('c.code', '=', 'd.category').on(rawSql<SqlBool>`c.dict_code = 'dispute_category'`),
    )
    .selectAll('d')
    .select(['g.name as township_name', 'v.name as village_name', 'u.name as unit_name', 'c.label as category_label'])
    .select(stageSql.as('stage'));

export type JoinedRow = DisputeTableRow & {
  township_name: string;
  village_name: string | null;
  unit_name: string | null;
  category_label: string | null;
  stage: DeadlineStage | null;
};

export const toRow = (row: JoinedRow): DisputeRow => ({
  id: row.id,
  disputeNo: row.dispute_no,
  channel: row.channel,
  category: row.category,
  categoryLabel: row.category_label ?? row.category,
  summary: row.summary,
  receivedOn: row.received_on,
  townshipCode: row.township_code,
  townshipName: row.township_name,
  villageName: row.village_name,
  level: row.level,
  urgency: row.urgency,
  riskColour: row.risk_colour,
  status: row.status,
  result: row.result,
  handlingKind: row.handling_kind,
  unitId: row.unit_id,
  unitName: row.unit_name,
  dueDate: row.due_date,
  stage: row.stage,
  updatedAt: row.updated_at,
});

const SORT_COLUMNS = {
  receivedOn: 'd.received_on',
  dueDate: 'd.due_date',
  disputeNo: 'd.dispute_no',
  updatedAt: 'd.updated_at',
} as const;

const orderOf = (input: Pick<ListInput, 'sort' | 'direction'>): RawBuilder<unknown> => {
  const direction = input.direction === 'asc' ? 'ASC' : 'DESC';
  return rawSql.raw(`${SORT_COLUMNS[input.sort]} ${direction}, d.id ${direction}`);
};

const DISPUTE_LIST: LedgerListOf<Selection, FilterKey, DisputeFigureCode, ListInput, JoinedRow> = {
  ledger: 'disputes',
  alias: 'd',
  from: allDisputes,
  filters: FILTERS,
  inScope: (q) => q.where('d.township_code', 'like', named('scopePrefix')),
  figures: FIGURE_CASES,
  order: orderOf,
  rows: (picked, order) => withColumns(allDisputes()).where(picked).orderBy(order) as Compilable<JoinedRow>,
};

/** The clock dates the stages and the supervision queue. */
export function listDisputes(sql: Sql, input: ListInput, scope: string | null, clock: DeadlineClock): Page<DisputeRow> {
  const { total, rows } = listPage(sql, DISPUTE_LIST, input, scope, clockParams(clock));
  return { items: rows.map(toRow), total, page: input.page, pageSize: input.pageSize };
}

/** The next `JF2026-000123` of the year (一案一码), allocated inside the write transaction. */
export const nextDisputeNo = (sql: Sql, year: string): string => nextSerial(sql, 'disputes', `JF${year}-`, 6);
