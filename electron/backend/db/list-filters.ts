/**
 * A ledger list's filters as a table: each narrows a selection by the named parameter of its own
 * key (db/sql.ts `named`), so the SQL depends only on which filters are set. Those keys, with
 * whatever else decides the SQL (scope, a figure, the order, the page), are the shape under which
 * `Sql.shaped` keeps the compiled statement.
 */
export type ListFilter<Q> = (query: Q) => Q;

export type ListFilters<Q, K extends string> = Record<K, ListFilter<Q>>;

const isSet = (value: unknown) => value !== undefined && value !== null && value !== '' && value !== false;

/** The keys of the filters `input` sets, in the table's order. */
export const setFilters = <K extends string>(
  filters: Record<K, unknown>,
  input: Partial<Record<NoInfer<K>, unknown>>,
): K[] => (Object.keys(filters) as K[]).filter((key) => isSet(input[key]));

/** `query` narrowed by the filters `input` sets. */
export const applyFilters = <Q, K extends string>(
  query: Q,
  filters: ListFilters<Q, K>,
  input: Partial<Record<NoInfer<K>, unknown>>,
): Q => setFilters(filters, input).reduce((narrowed, key) => filters[key](narrowed), query);
