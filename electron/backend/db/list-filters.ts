import { sql as rawSql, type Compilable, type Expression, type SelectQueryNode } from 'kysely';
import { townshipPrefix } from '../../../shared/domain/scope';
import { offsetOf } from './paging';
import { searchPhrase } from './search-text';
import { qb, type NamedParams, type Sql } from './sql';

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

/**
 * The named values every ledger list binds: its filters as given (keys no statement names are
 * ignored), the keyword as the search index's phrase, the user's township as a LIKE prefix.
 */
export const listValues = (input: { keyword?: string }, scope: string | null): NamedParams => ({
  ...input,
  keyword: input.keyword ? (searchPhrase(input.keyword) ?? '""') : undefined,
  scopePrefix: scope ? `${townshipPrefix(scope)}%` : undefined,
});

/**
 * What makes one list query's SQL differ from another's, the key of `Sql.shaped`: voided records
 * left out or listed alone, the scope, the filters set and the figure asked for (its code and
 * part), if any.
 */
export const listShape = <K extends string>(
  filters: Record<K, unknown>,
  input: Partial<Record<NoInfer<K>, unknown>> & { voided?: string },
  scope: string | null,
  figure: string | undefined,
): string => [input.voided ?? 'exclude', scope ? 'scope' : '', ...setFilters(filters, input), figure ?? ''].join(' ');

/** The figure part of `listShape`: `code.part`, the numerator when no part is named. */
export const figureShape = (code: string | undefined, part: string | undefined): string | undefined =>
  code ? `${code}.${part ?? 'numerator'}` : undefined;

export interface ListPaging {
  page: number;
  pageSize: number;
  sort: string;
  direction: string;
}

/**
 * A ledger list's total and page rows, each statement built and compiled once per shape (and, for
 * the page, per order and page size: its LIMIT is literal, its OFFSET bound, db/paging.ts).
 */
export function shapedList<R>(
  sql: Sql,
  ledger: string,
  shape: string,
  paging: ListPaging,
  params: NamedParams,
  query: { count: () => Compilable<{ n: number }>; page: () => Compilable<R> },
): { total: number; rows: R[] } {
  const { page, pageSize, sort, direction } = paging;
  return {
    total: sql.shaped(`${ledger}.count ${shape}`, query.count).get(params)?.n ?? 0,
    rows: sql
      .shaped(`${ledger}.page ${shape} ${sort} ${direction} ${pageSize}`, query.page)
      .all({ ...params, offset: offsetOf(page, pageSize) }),
  };
}

/** Which records a list holds (its `voided` filter): not voided, voided only, or either. */
export type VoidedMode = 'exclude' | 'only' | 'any';

/** A count over a list's selection, with the selection's conditions still readable. */
type CountQuery = { toOperationNode(): SelectQueryNode } & Expression<{ n: number }> & Compilable<{ n: number }>;

/**
 * A list's total, `count` being its selection's count under each voided mode. A filtered selection
 * is counted as it is: its `voided_at IS NULL` is answered by the filter's index, as every index of
 * a ledger ends with voided_at (migration 0012). An unfiltered one is the table's count less the
 * voided ones': without a condition SQLite counts the table from its pages without reading a row,
 * and the voided rows have their own small index.
 */
export function listTotal(voided: VoidedMode | undefined, count: (voided: VoidedMode) => CountQuery) {
  if (voided === 'only') return count('only');
  const all = count('any');
  if (all.toOperationNode().where) return count('exclude');
  return qb.selectNoFrom(rawSql<number>`(${all}) - (${count('only')})`.as('n'));
}
