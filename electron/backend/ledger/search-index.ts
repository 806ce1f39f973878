import type { Db } from '../db/connection';
import { searchableText } from '../db/search-text';
import type { Sql } from '../db/sql';

/**
 * A ledger's keyword index: an FTS5 trigram table whose rowid is the ledger row's rowid, holding
 * each indexed value spaced by `searchableText` (so one- and two-character keywords are answered
 * from the index). The spacing is done in code, so the index is kept in step by the write paths
 * (registration, the kernel's corrections) rather than by triggers. VACUUM could renumber the
 * ledgers' rowids; the app never runs it (backups use the backup API), and `rebuild` restores an
 * index if needed.
 */

/** Values of a record's own rows (the petitioners' names): each indexed apart, so no keyword spans two. */
export interface ValuesColumn {
  /** The table of those rows, the column naming their record, the value indexed and their order. */
  table: string;
  key: string;
  value: string;
  orderBy: string;
}

export interface SearchIndexDeclaration {
  /** The FTS5 table, e.g. `petitions_search`. */
  table: string;
  /** The ledger's table, e.g. `petitions`. */
  ledger: string;
  /** The index's columns in its order: each a column of the ledger's row, or the values of its rows. */
  columns: Readonly<Record<string, string | ValuesColumn>>;
}

export interface SearchIndex {
  /** Re-indexes one record after its indexed text changed, inside its write transaction. */
  index(sql: Sql, id: string): void;
  /** Builds the whole index from the ledger (a migration, the demo loader). */
  rebuild(db: Db): void;
}

/** Joins a record's several values; split again before spacing (a control character no text holds). */
const SEPARATOR = '\u001f';

const expressionOf = (column: string | ValuesColumn): string =>
  typeof column === 'string'
    ? `r.${column}`
    : `(SELECT group_concat(${column.value}, char(31) ORDER BY ${column.orderBy})
        FROM ${column.table} WHERE ${column.key} = r.id)`;

export function searchIndex(declaration: SearchIndexDeclaration): SearchIndex {
  const entries = Object.entries(declaration.columns);
  const names = entries.map(([name]) => name);
  const source = `SELECT r.rowid AS rowid, ${entries
    .map(([name, column]) => `${expressionOf(column)} AS ${name}`)
    .join(', ')} FROM ${declaration.ledger} r`;
  const columns = ['rowid', ...names];
  const insert = `INSERT INTO ${declaration.table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
  const searchRow = (row: Record<string, unknown>) => [
    row.rowid,
    ...entries.map(([name, column]) => {
      const value = row[name] as string | null;
      return typeof column === 'string' ? searchableText(value) : searchableText(...(value ?? '').split(SEPARATOR));
    }),
  ];
  return {
    index(sql, id) {
      const row = sql.prepare(`${source} WHERE r.id = ?`).get(id) as Record<string, unknown> | undefined;
      if (!row) return;
      sql.prepare(`DELETE FROM ${declaration.table} WHERE rowid = ?`).run(row.rowid);
      sql.prepare(insert).run(...searchRow(row));
    },
    rebuild(db) {
      db.exec(`DELETE FROM ${declaration.table}`);
      const statement = db.prepare(insert);
      for (const row of db.prepare(source).all() as Array<Record<string, unknown>>) statement.run(...searchRow(row));
    },
  };
}
