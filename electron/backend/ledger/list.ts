import { sql as rawSql, type Compilable, type RawBuilder, type SelectQueryBuilder, type SqlBool } from 'kysely';
import {
  applyFilters,
  figureShape,
  listShape,
  listTotal,
  listValues,
  shapedList,
  type ListFilters,
  type ListPaging,
  type VoidedMode,
} from '../db/list-filters';
import { pageBounds } from '../db/paging';
import type { NamedParams, Sql } from '../db/sql';
import { voidedCondition } from './live';

/**
 * A ledger's list: its filters, the user's scope, voided records left out (or alone under
 * 已作废), a figure's records (a click on a numerator or denominator), and the page picked on the
 * bare table before only its rows are joined. A ledger declares its table, filters, scope, figures,
 * order and row columns; the kernel builds each statement once per shape (db/list-filters.ts).
 */

export type FigurePart = 'numerator' | 'denominator';

/**
 * The records behind one figure as conditions on the ledger's row: its denominator's, and among
 * them its numerator's. A breakdown names its row by the parameter `@figureKey`; `@today` dates.
 */
export interface FigureCases {
  denominator: string;
  numerator: string;
}

/** What a list's input says to the kernel beyond its own filters. */
export interface LedgerListInput<F extends string> {
  keyword?: string | undefined;
  voided?: 'exclude' | 'only';
  figure?: F | undefined;
  figurePart?: FigurePart | undefined;
  figureKey?: string | undefined;
}

export interface LedgerList<DB, TB extends keyof DB & string, K extends string, F extends string, I, R> {
  /** The ledger's name in the statements' cache and its table's alias in the SQL (`p`). */
  ledger: string;
  alias: string;
  from(): SelectQueryBuilder<DB, TB, object>;
  filters: ListFilters<SelectQueryBuilder<DB, TB, object>, K>;
  /** Narrows to the user's township, by the parameter `@scopePrefix`. */
  inScope(query: SelectQueryBuilder<DB, TB, object>): SelectQueryBuilder<DB, TB, object>;
  figures: Readonly<Record<F, FigureCases>>;
  /** The list's ORDER BY for the input's sort; the id breaks ties. */
  order(input: I): RawBuilder<unknown>;
  /** The rows' columns of the records `picked` selects, in `order`. */
  rows(picked: RawBuilder<SqlBool>, order: RawBuilder<unknown>): Compilable<R>;
}

/** A ledger's list declared over its selection's type (`ReturnType<typeof allCases>`). */
export type LedgerListOf<Q, K extends string, F extends string, I, R> =
  Q extends SelectQueryBuilder<infer DB, infer TB, object>
    ? TB extends keyof DB & string
      ? LedgerList<DB, TB, K, F, I, R>
      : never
    : never;

/** The records behind a figure's numerator (by default) or denominator. */
function figureCondition<F extends string>(
  figures: Readonly<Record<F, FigureCases>>,
  figure: F,
  part: FigurePart = 'numerator',
): RawBuilder<SqlBool> {
  const { denominator, numerator } = figures[figure];
  return rawSql<SqlBool>`${rawSql.raw(part === 'denominator' ? `(${denominator})` : `(${denominator}) AND (${numerator})`)}`;
}

/** The records a list's filters, scope, figure and voided filter leave (unordered, unpaged). */
export function selection<DB, TB extends keyof DB & string, K extends string, F extends string, I, R>(
  list: LedgerList<DB, TB, K, F, I, R>,
  input: Partial<Record<K, unknown>> & LedgerListInput<F>,
  scope: string | null,
  voided: VoidedMode = input.voided ?? 'exclude',
): SelectQueryBuilder<DB, TB, object> {
  let query = applyFilters(list.from(), list.filters, input);
  if (voided !== 'any') query = query.where(rawSql<SqlBool>`${rawSql.raw(voidedCondition(voided, list.alias))}`);
  if (scope) query = list.inScope(query);
  if (input.figure) query = query.where(figureCondition(list.figures, input.figure, input.figurePart));
  return query;
}

/** The rows of a page picked from a selection (ordered and limited), joined only for those rows. */
export function pageOf<DB, TB extends keyof DB & string, K extends string, F extends string, I, R>(
  list: LedgerList<DB, TB, K, F, I, R>,
  page: SelectQueryBuilder<DB, TB, object>,
  order: RawBuilder<unknown>,
): Compilable<R> {
  const rowid = rawSql.raw(`${list.alias}.rowid`);
  return list.rows(rawSql<SqlBool>`${rowid} IN (${page.select(rawSql<number>`${rowid}`.as('rid'))})`, order);
}

/** `count(*) AS n` of a selection, its type given by hand: Kysely cannot resolve it over a generic table. */
const countOf = <DB, TB extends keyof DB & string>(query: SelectQueryBuilder<DB, TB, object>) =>
  query.select(rawSql<number>`count(*)`.as('n')) as unknown as SelectQueryBuilder<DB, TB, { n: number }>;

/** How many records a selection holds; `params` binds its named values. */
export const countSelection = <DB, TB extends keyof DB & string>(
  sql: Sql,
  query: SelectQueryBuilder<DB, TB, object>,
  params: NamedParams,
): number => sql.get(countOf(query), params)?.n ?? 0;

/**
 * One page of a ledger's list and its total. `params` are the ledger's own named values (its
 * clock); the kernel binds the filters', the scope's and the figure's.
 */
export function listPage<DB, TB extends keyof DB & string, K extends string, F extends string, I, R>(
  sql: Sql,
  list: LedgerList<DB, TB, K, F, I, R>,
  input: I & Partial<Record<K, unknown>> & LedgerListInput<F> & ListPaging,
  scope: string | null,
  params: NamedParams,
): { total: number; rows: R[] } {
  const shape = listShape(list.filters, input, scope, figureShape(input.figure, input.figurePart));
  const values = { ...listValues(input, scope), figureKey: input.figureKey ?? '', ...params };
  return shapedList(sql, list.ledger, shape, input, values, {
    count: () => listTotal(input.voided, (voided) => countOf(selection(list, input, scope, voided))),
    page: () => {
      const order = list.order(input);
      const bounds = pageBounds(input.pageSize);
      return pageOf(
        list,
        selection(list, input, scope).orderBy(order).limit(bounds.limit).offset(bounds.offset),
        order,
      );
    },
  });
}
