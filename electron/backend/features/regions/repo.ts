import type { ExpressionBuilder, RawBuilder } from 'kysely';
import type { z } from 'zod';
import type { Page } from '../../../../shared/contract';
import type { Region, regionsListInput } from '../../../../shared/contract/regions';
import { containsNamed, containsPattern, pageBounds } from '../../db/paging';
import { referencePage, type ReferenceList } from '../../db/reference-list';
import type { Schema } from '../../db/schema';
import { named, qb, type Sql } from '../../db/sql';

type ListInput = z.output<typeof regionsListInput>;

type RegionQuery = ReturnType<typeof selection>;
type RegionRow = Omit<Region, 'enabled' | 'childCount'> & { childCount: number | null; enabled: unknown };

/**
 * `r` is the region `code` or lies below it, by the recorded parents (a moved village keeps the
 * code of its old township, so the code's prefix does not tell).
 */
export const inSubtree = (
  eb: ExpressionBuilder<Schema & { r: Schema['regions'] }, 'r'>,
  code: string | RawBuilder<string>,
) =>
  eb.or([
    eb('r.code', '=', code),
    eb('r.parent_code', '=', code),
    eb('r.parent_code', 'in', eb.selectFrom('regions as p').select('p.code').where('p.parent_code', '=', code)),
  ]);

const selection = (includeDisabled: boolean) => {
  const query = qb.selectFrom('regions as r');
  return includeDisabled ? query : query.where('r.disabled_at', 'is', null);
};

const withColumns = (query: RegionQuery) =>
  query.select((eb) => [
    'r.code',
    'r.name',
    'r.level',
    'r.parent_code as parentCode',
    eb
      .selectFrom('regions as c')
      .whereRef('c.parent_code', '=', 'r.code')
      .select(eb.fn.countAll<number>().as('n'))
      .as('childCount'),
    eb('r.disabled_at', 'is', null).as('enabled'),
  ]);

/** `scope`: the user's township (only its subtree is visible), unset for the whole county. */
const REGIONS: ReferenceList<RegionQuery, 'scope' | 'parentCode' | 'level' | 'keyword', RegionRow> = {
  name: 'regions',
  base: selection,
  filters: {
    scope: (query) => query.where((eb) => inSubtree(eb, named<string>('scope'))),
    parentCode: (query) => query.where('r.parent_code', '=', named('parentCode')),
    level: (query) => query.where('r.level', '=', named('level')),
    keyword: (query) => query.where(containsNamed('r.name', 'keyword')),
  },
  count: (query) => query.select((eb) => eb.fn.countAll<number>().as('n')),
  page: (query, pageSize) => {
    const { limit, offset } = pageBounds(pageSize);
    return withColumns(query).orderBy('r.sort').orderBy('r.code').limit(limit).offset(offset);
  },
};

export function listRegions(sql: Sql, input: ListInput, scope: string | null): Page<Region> {
  const page = referencePage(sql, REGIONS, input, {
    scope: scope ?? undefined,
    parentCode: input.parentCode,
    level: input.level,
    keyword: input.keyword ? containsPattern(input.keyword) : undefined,
  });
  return { ...page, items: page.items.map(regionOf) };
}

/** SQLite answers a condition with 0 or 1; a count is never null. */
const regionOf = (row: RegionRow): Region => ({
  ...row,
  childCount: row.childCount ?? 0,
  enabled: !!row.enabled,
});

/** A region whether in use or disabled (a record may name a disabled one). */
export function findRegion(sql: Sql, code: string, scope: string | null): Region | undefined {
  let query = withColumns(selection(true)).where('r.code', '=', code);
  if (scope) query = query.where((eb) => inSubtree(eb, scope));
  const row = sql.get(query);
  return row && regionOf(row);
}
