import type { Compilable } from 'kysely';
import type { Page } from '../../../shared/contract';
import { setFilters, shapedList, type ListFilters } from './list-filters';
import type { NamedParams, Sql } from './sql';

/**
 * A reference list (regions, units, people: the lists pickers search as the user types): only
 * what is in use unless `includeDisabled`, narrowed by the filters `values` sets, each bound by
 * name, so each combination is built and compiled once (`Sql.shaped`) like a ledger's list.
 */
export interface ReferenceList<Q, K extends string, R> {
  /** The key of its statements in the cache. */
  name: string;
  /** The selection: every row, or only those in use. */
  base: (includeDisabled: boolean) => Q;
  filters: ListFilters<Q, K>;
  count: (query: Q) => Compilable<{ n: number }>;
  /** The page of the selection in the list's order, from `@offset` (db/paging.ts `pageBounds`). */
  page: (query: Q, pageSize: number) => Compilable<R>;
}

export function referencePage<Q, K extends string, R>(
  sql: Sql,
  list: ReferenceList<Q, K, R>,
  input: { includeDisabled?: boolean; page: number; pageSize: number },
  values: Partial<Record<K, unknown>> & NamedParams,
): Page<R> {
  const includeDisabled = input.includeDisabled ?? false;
  const keys = setFilters(list.filters, values);
  const selection = () => keys.reduce((query, key) => list.filters[key](query), list.base(includeDisabled));
  const { total, rows } = shapedList(
    sql,
    list.name,
    [includeDisabled ? 'all' : 'live', ...keys].join(' '),
    { page: input.page, pageSize: input.pageSize, sort: 'sort', direction: 'asc' },
    values,
    { count: () => list.count(selection()), page: () => list.page(selection(), input.pageSize) },
  );
  return { items: rows, total, page: input.page, pageSize: input.pageSize };
}
