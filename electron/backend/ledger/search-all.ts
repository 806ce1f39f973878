import type { SearchGroup, SearchHit } from '../../../shared/contract/search';
import { maskName } from '../../../shared/domain/masking';
import { hasAccess } from '../../../shared/domain/roles';
import { townshipPrefix } from '../../../shared/domain/scope';
import { principalOf, type HandlerContext } from '../api/types';
import { searchPhrase } from '../db/search-text';
import type { NamedParams } from '../db/sql';
import { excerpt, holds } from './excerpt';
import type { LedgerSearch } from './registry';

/**
 * The one search box across the ledgers (`search.all`): each ledger that declares a `LedgerSearch`
 * (ledger/registry.ts; gathered in api/ledgers.ts) answers with its newest few matches and how many
 * there are, for a caller who may read it, within their township, voided records left out. A keyword that starts
 * with the ledger's number prefix (`XF2026-0001`) is a number, matched from its start through the
 * number's unique index (the keyword index would hold a year's every case for `XF2026`); any other
 * keyword goes to the ledger's keyword index (db/search-text.ts). Names are shown masked.
 */

/** Characters of a title or excerpt shown around the keyword. */
const WIDTH = 60;
/** Joins the people's names in one column; no name holds it. */
const SEPARATOR = '\u001f';

type Row = { id: string; number: string; people: string | null } & Record<`t${number}`, string | null>;

const byNumber = (search: LedgerSearch, keyword: string) =>
  keyword.toUpperCase().startsWith(search.number.prefix.toUpperCase());

/** The WHERE of one ledger's search: its match, live records only, and the scope when bound. */
function conditions(search: LedgerSearch, numbered: boolean, scoped: boolean): string {
  const match = numbered
    ? `r.${search.number.column} >= @low AND r.${search.number.column} < @high`
    : `r.rowid IN (SELECT rowid FROM ${search.index} WHERE ${search.index} MATCH @phrase)`;
  return [match, 'r.voided_at IS NULL', ...(scoped ? [`(${search.scope})`] : [])].join(' AND ');
}

/** The two statements of one ledger's search (the count and the first rows), fixed per shape. */
export function searchStatements(search: LedgerSearch, numbered: boolean, scoped: boolean) {
  const where = conditions(search, numbered, scoped);
  const people = search.people
    ? `(SELECT group_concat(${search.people.value}, char(31) ORDER BY ${search.people.orderBy})
        FROM ${search.people.table} WHERE ${search.people.key} = r.id)`
    : 'NULL';
  const texts = search.texts.map((column, i) => `r.${column} AS t${i}`).join(', ');
  const order = numbered ? `r.${search.number.column} DESC` : 'r.rowid DESC';
  return {
    count: `SELECT count(*) AS n FROM ${search.ledger} r WHERE ${where}`,
    rows: `SELECT r.id, r.${search.number.column} AS number, ${texts}, ${people} AS people
      FROM ${search.ledger} r WHERE ${where} ORDER BY ${order} LIMIT @limit`,
  };
}

/** The named values of one ledger's search. */
export function searchValues(search: LedgerSearch, keyword: string, scope: string | null, limit: number) {
  const numbered = byNumber(search, keyword);
  const low = keyword.toUpperCase();
  const values: NamedParams = numbered
    ? { low, high: `${low}\uffff`, limit }
    : { phrase: searchPhrase(keyword) ?? '""', limit };
  if (scope) values.scopePrefix = `${townshipPrefix(scope)}%`;
  return { numbered, values };
}

function hitOf(search: LedgerSearch, row: Row, keyword: string): SearchHit {
  const [title, ...rest] = search.texts.map((_, i) => row[`t${i}`] ?? '');
  const other = holds(title ?? '', keyword) ? undefined : rest.find((text) => holds(text, keyword));
  return {
    id: row.id,
    number: row.number,
    title: excerpt(title ?? '', keyword, WIDTH),
    excerpt: other === undefined ? null : excerpt(other, keyword, WIDTH),
    people: row.people ? row.people.split(SEPARATOR).map(maskName) : [],
  };
}

/** Every readable ledger's part of a search, in the registry's order. */
export function searchAll(ctx: HandlerContext, keyword: string, limit: number): { groups: SearchGroup[] } {
  const { roles, regionCode } = principalOf(ctx);
  const groups = ctx.ledgers.searches
    .filter((search) => hasAccess(roles, search.read))
    .map((search): SearchGroup => {
      const { numbered, values } = searchValues(search, keyword, regionCode, limit);
      const statements = searchStatements(search, numbered, regionCode !== null);
      const { limit: _limit, ...counted } = values;
      const total = (ctx.sql.prepare(statements.count).get(counted) as { n: number }).n;
      const rows = total === 0 ? [] : (ctx.sql.prepare(statements.rows).all(values) as Row[]);
      return { ledger: search.key, title: search.title, total, items: rows.map((row) => hitOf(search, row, keyword)) };
    });
  return { groups };
}
