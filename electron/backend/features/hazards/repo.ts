import { sql as rawSql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { z } from 'zod';
import type { Page } from '../../../../shared/contract';
import type { HazardRow, hazardsListInput } from '../../../../shared/contract/hazards';
import { OPEN_HAZARD_STATUSES } from '../../../../shared/domain/risks/hazard-statuses';
import { townshipPrefix } from '../../../../shared/domain/scope';
import { pageBounds } from '../../db/paging';
import { searchPhrase } from '../../db/search-text';
import type { Schema } from '../../db/schema';
import { nextSerial } from '../../db/serial';
import { qb, type Sql } from '../../db/sql';

/**
 * Queries of the hazard ledger, in the petitions' shape (petitions/repo.ts): one `filtered` query
 * for count and page, the page picked on the bare table and only its rows joined (deferred join).
 */
export type HazardTableRow = Schema['hazards'];
export type ListInput = z.output<typeof hazardsListInput>;

export const findHazard = (sql: Sql, id: string): HazardTableRow | undefined =>
  sql.get(qb.selectFrom('hazards').selectAll().where('id', '=', id));

/** Number, title, description or an involved person's name contains the keyword (db/search-text.ts). */
function keywordFilter(keyword: string): Expression<SqlBool> {
  const phrase = searchPhrase(keyword) ?? '""';
  return rawSql<SqlBool>`h.rowid IN (SELECT rowid FROM hazards_search WHERE hazards_search MATCH ${phrase})`;
}

export function filtered(input: Partial<ListInput>, scope: string | null) {
  let query = qb.selectFrom('hazards as h');
  if (scope) query = query.where('h.township_code', 'like', `${townshipPrefix(scope)}%`);
  if (input.keyword) query = query.where(keywordFilter(input.keyword));
  if (input.townshipCode) query = query.where('h.township_code', '=', input.townshipCode);
  if (input.category) query = query.where('h.category', '=', input.category);
  if (input.level) query = query.where('h.level', '=', input.level);
  if (input.status) query = query.where('h.status', '=', input.status);
  if (input.open) query = query.where('h.status', 'in', OPEN_HAZARD_STATUSES);
  if (input.leaderId) query = query.where('h.leader_id', '=', input.leaderId);
  if (input.foundFrom) query = query.where('h.found_on', '>=', input.foundFrom);
  if (input.foundTo) query = query.where('h.found_on', '<=', input.foundTo);
  return query;
}

export type HazardQuery = ReturnType<typeof filtered>;

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
 * (migration 0006) is on this very expression: change both together.
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

export function listHazards(sql: Sql, input: ListInput, scope: string | null): Page<HazardRow> {
  const total = sql.get(filtered(input, scope).select((eb) => eb.fn.countAll<number>().as('n')))?.n ?? 0;
  const order = orderOf(input);
  const bounds = pageBounds(input.page, input.pageSize);
  const picked = filtered(input, scope)
    .orderBy(order)
    .limit(bounds.limit)
    .offset(bounds.offset)
    .select(rawSql<number>`h.rowid`.as('rid'));
  const query = withColumns(qb.selectFrom('hazards as h'))
    .where(rawSql<SqlBool>`h.rowid IN (${picked})`)
    .orderBy(order);
  return { items: (sql.all(query) as JoinedRow[]).map(toRow), total, page: input.page, pageSize: input.pageSize };
}

/** The next `FX2026-000123` of the year, allocated inside the write transaction. */
export const nextHazardNo = (sql: Sql, year: string): string => nextSerial(sql, 'hazards', `FX${year}-`, 6);
