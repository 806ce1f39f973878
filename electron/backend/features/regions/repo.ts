import type { z } from 'zod';
import type { Page } from '../../../../shared/contract';
import type { Region, regionsListInput } from '../../../../shared/contract/regions';
import { townshipPrefix } from '../../../../shared/domain/scope';
import { contains, offsetOf } from '../../db/paging';
import { qb, type Sql } from '../../db/sql';

type ListInput = z.output<typeof regionsListInput>;

/** `scope`: the user's township (only its subtree is visible), or null for the whole county. */
function filtered(
  input: Pick<ListInput, 'parentCode' | 'level' | 'keyword'> & { includeDisabled?: boolean },
  scope: string | null,
) {
  let query = qb.selectFrom('regions as r');
  if (!input.includeDisabled) query = query.where('r.disabled_at', 'is', null);
  if (scope) query = query.where('r.code', 'like', `${townshipPrefix(scope)}%`);
  if (input.parentCode) query = query.where('r.parent_code', '=', input.parentCode);
  if (input.level) query = query.where('r.level', '=', input.level);
  if (input.keyword) query = query.where(contains('r.name', input.keyword));
  return query;
}

const withColumns = (query: ReturnType<typeof filtered>) =>
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

export function listRegions(sql: Sql, input: ListInput, scope: string | null): Page<Region> {
  const total = sql.get(filtered(input, scope).select((eb) => eb.fn.countAll<number>().as('n')))?.n ?? 0;
  const items = sql
    .all(
      withColumns(filtered(input, scope))
        .orderBy('r.sort')
        .orderBy('r.code')
        .limit(input.pageSize)
        .offset(offsetOf(input.page, input.pageSize)),
    )
    .map(regionOf);
  return { items, total, page: input.page, pageSize: input.pageSize };
}

/** SQLite answers a condition with 0 or 1; a count is never null. */
const regionOf = (
  row: Omit<Region, 'enabled' | 'childCount'> & { childCount: number | null; enabled: unknown },
): Region => ({
  ...row,
  childCount: row.childCount ?? 0,
  enabled: !!row.enabled,
});

/** A region whether in use or disabled (a record may name a disabled one). */
export function findRegion(sql: Sql, code: string, scope: string | null): Region | undefined {
  const row = sql.get(withColumns(filtered({ includeDisabled: true }, scope)).where('r.code', '=', code));
  return row && regionOf(row);
}
