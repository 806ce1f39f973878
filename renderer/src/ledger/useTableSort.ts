import { computed } from 'vue';

type Direction = 'asc' | 'desc';
type TableOrder = 'ascending' | 'descending';

/** A ledger table's sort: the column's prop and its order (none when cleared). */
export interface TableSort {
  prop: string;
  order: TableOrder | null;
}

/**
 * A ledger table's server-side sort over its search form's `sort` and `direction`: the table's
 * `default-sort` follows the form; a header click on a whitelisted column sorts by it (anything
 * else, or clearing the sort, falls back to `fallback`, newest first) and searches again.
 */
export function useTableSort<S extends string>(
  model: { sort: S; direction: Direction },
  sorts: readonly S[],
  fallback: S,
  search: () => unknown,
) {
  function changeSort({ prop, order }: TableSort): void {
    model.sort = order && (sorts as readonly string[]).includes(prop) ? (prop as S) : fallback;
    model.direction = order === 'ascending' ? 'asc' : 'desc';
    void search();
  }

  const defaultSort = computed(() => ({
    prop: model.sort,
    order: model.direction === 'asc' ? ('ascending' as const) : ('descending' as const),
  }));

  return { changeSort, defaultSort };
}
