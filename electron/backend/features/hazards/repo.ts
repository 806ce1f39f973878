import { voidedCondition } from '../../ledger/live';
import { sql as rawSql, type RawBuilder, type SqlBool } from 'kysely';
import type { z } from 'zod';
import type { Page } from '../../../../shared/contract';
import type { HazardRow, hazardsListInput } from '../../../../shared/contract/hazards';
import {
  applyFilters,
  figureShape,
  listShape,
  listTotal,
  listValues,
  shapedList,
  type ListFilters,
  type VoidedMode,
} from '../../db/list-filters';
import { pageBounds } from '../../db/paging';
import { OPEN_HAZARD_SQL } from '../../db/status-lists';
import type { Schema } from '../../db/schema';
import { nextSerial } from '../../db/serial';
import { named, qb, type NamedParams, type Sql } from '../../db/sql';
import { figureFilter } from './figure-cases';

/**
 * Queries of the hazard ledger, in the petitions' shape (petitions/repo.ts): one `filtered` query
 * for count and page, the page picked on the bare table and only its rows joined (deferred join).
 */
export type HazardTableRow = Schema['hazards'];
export type ListInput = z.output<typeof hazardsListInput>;

export const findHazard = (sql: Sql, id: string): HazardTableRow | undefined =>
  sql.get(qb.selectFrom('hazards').selectAll().where('id', '=', id));

type Selection = ReturnType<typeof allHazards>;
const allHazards = () => qb.selectFrom('hazards as h');

type FilterKey = Extract<
  keyof ListInput,
  'keyword' | 'townshipCode' | 'category' | 'level' | 'status' | 'open' | 'leaderId' | 'foundFrom' | 'foundTo'
>;

/**
 * The list's filters, each by the named parameter of its key (db/list-filters.ts). The keyword
 * matches the number, title, description or an involved person's name (db/search-text.ts).
 */
const FILTERS: ListFilters<Selection, FilterKey> = {
  keyword: (q) =>
    q.where(rawSql<SqlBool>`h.rowid IN (SELECT rowid FROM hazards_search WHERE hazards_search MATCH @keyword)`),
  townshipCode: (q) => q.where('h.township_code', '=', named('townshipCode')),
  category: (q) => q.where('h.category', '=', named('category')),
  level: (q) => q.where('h.level', '=', named('level')),
  status: (q) => q.where('h.status', '=', named('status')),
  open: (q) => q.where(rawSql<SqlBool>`h.status IN ${rawSql.raw(OPEN_HAZARD_SQL)}`),
  leaderId: (q) => q.where('h.leader_id', '=', named('leaderId')),
  foundFrom: (q) => q.where('h.found_on', '>=', named('foundFrom')),
  foundTo: (q) => q.where('h.found_on', '<=', named('foundTo')),
};

type Filters = Partial<ListInput>;

/** The hazards matching the list's filters within the user's scope. */
function filtered(input: Filters, scope: string | null, voided: VoidedMode = input.voided ?? 'exclude'): Selection {
  let query = applyFilters(allHazards(), FILTERS, input);
  if (voided !== 'any') query = query.where(rawSql<SqlBool>`${rawSql.raw(voidedCondition(voided, 'h'))}`);
  if (scope) query = query.where('h.township_code', 'like', named('scopePrefix'));
  if (input.figure) query = query.where(figureFilter(input.figure, input.figurePart ?? 'numerator'));
  return query;
}

/** The values of `filtered`'s named parameters; `today` dates the overdue measures. */
const listParams = (input: Filters, scope: string | null, today: string): NamedParams => ({
  ...listValues(input, scope),
  figureKey: input.figureKey ?? '',
  today,
});

export type HazardQuery = Selection;

export const withColumns = (query: HazardQuery) =>
  query
    .innerJoin('regions as g', 'g.code', 'h.township_code')
    .leftJoin('regions as v', 'v.code', 'h.village_code')
    .leftJoin('people as l', 'l.id', 'h.leader_id')
    .leftJoin('people as r', 'r.id', 'h.responsible_id')
    .selectAll('h')
    .select([
      'g.name as township_name',
      'v.name as village_name',
      'l.name as leader_name',
      'r.name as responsible_name',
    ]);

export type JoinedRow = HazardTableRow & {
  township_name: string;
  village_name: string | null;
  leader_name: string | null;
  responsible_name: string | null;
};

export const toRow = (row: JoinedRow): HazardRow => ({
  id: row.id,
  hazardNo: row.hazard_no,
  title: row.title,
  category: row.category,
  source: row.source,
  level: row.level,
  status: row.status,
  foundOn: row.found_on,
  townshipCode: row.township_code,
  townshipName: row.township_name,
  villageName: row.village_name,
  peopleInvolved: row.people_involved,
  leaderId: row.leader_id,
  leaderName: row.leader_name,
  responsibleName: row.responsible_name,
  updatedAt: row.updated_at,
});

/**
 * Red first when sorting by level descending: the rank 3 (红) … 0 (蓝). Index `hazards_level_rank`
 * (migrations 0006, 0012) is on this very expression: change both together.
 */
const LEVEL_RANK = `CASE h.level WHEN 'red' THEN 3 WHEN 'orange' THEN 2 WHEN 'yellow' THEN 1 ELSE 0 END`;

const SORT_COLUMNS = {
  foundOn: 'h.found_on',
  level: LEVEL_RANK,
  hazardNo: 'h.hazard_no',
  updatedAt: 'h.updated_at',
} as const;

/** The list's ORDER BY from the whitelisted sort and direction; the id breaks ties. */
function orderOf(input: Pick<ListInput, 'sort' | 'direction'>): RawBuilder<unknown> {
  const direction = input.direction === 'asc' ? 'ASC' : 'DESC';
  const then = input.sort === 'level' ? `, h.found_on ${direction}` : '';
  return rawSql.raw(`${SORT_COLUMNS[input.sort]} ${direction}${then}, h.id ${direction}`);
}

export function listHazards(sql: Sql, input: ListInput, scope: string | null, today: string): Page<HazardRow> {
  const shape = listShape(FILTERS, input, scope, figureShape(input.figure, input.figurePart));
  const { total, rows } = shapedList(sql, 'hazards', shape, input, listParams(input, scope, today), {
    count: () =>
      listTotal(input.voided, (voided) =>
        filtered(input, scope, voided).select((eb) => eb.fn.countAll<number>().as('n')),
      ),
    page: () => {
      // The page is picked on the bare table, then only its rows are joined.
      const order = orderOf(input);
      const bounds = pageBounds(input.pageSize);
      const picked = filtered(input, scope)
        .orderBy(order)
        .limit(bounds.limit)
        .offset(bounds.offset)
        .select(rawSql<number>`h.rowid`.as('rid'));
      return withColumns(allHazards())
        .where(rawSql<SqlBool>`h.rowid IN (${picked})`)
        .orderBy(order);
    },
  });
  return { items: (rows as JoinedRow[]).map(toRow), total, page: input.page, pageSize: input.pageSize };
}

/** The next `FX2026-000123` of the year, allocated inside the write transaction. */
export const nextHazardNo = (sql: Sql, year: string): string => nextSerial(sql, 'hazards', `FX${year}-`, 6);
