import type { Db } from '../../db/connection';
import { searchableText } from '../../db/search-text';
import type { Sql } from '../../db/sql';

/**
 * The keyword index of the petition ledger (`petitions_search`, FTS5 trigram): case number,
 * summary and petitioners' names, spaced by `searchableText`. Its rowid is the petition row's
 * rowid. The spacing is done here in code, so it is kept in step by the write paths (register,
 * edit) rather than by triggers. VACUUM could renumber the rowids of `petitions`; the app never
 * runs it (backups use the backup API), and `rebuildPetitionSearch` restores the index if needed.
 */
const NAMES_OF = `SELECT group_concat(name, char(31) ORDER BY is_primary DESC, sort) FROM petitioners WHERE petition_id = p.id`;

interface SourceRow {
  rowid: number;
  case_no: string;
  summary: string;
  names: string | null;
}

const searchRow = (row: SourceRow) => [
  row.rowid,
  searchableText(row.case_no),
  searchableText(row.summary),
  searchableText(...(row.names ?? '').split('\u001f')),
];

const INSERT = 'INSERT INTO petitions_search (rowid, case_no, summary, names) VALUES (?, ?, ?, ?)';

/** Re-indexes one case after its summary or petitioners changed (inside the write transaction). */
export function indexPetition(sql: Sql, petitionId: string): void {
  const row = sql
    .prepare(`SELECT p.rowid, p.case_no, p.summary, (${NAMES_OF}) AS names FROM petitions p WHERE p.id = ?`)
    .get(petitionId) as SourceRow | undefined;
  if (!row) return;
  sql.prepare('DELETE FROM petitions_search WHERE rowid = ?').run(row.rowid);
  sql.prepare(INSERT).run(...searchRow(row));
}

/** Builds the whole index from the ledger (the migration, the demo loader). */
export function rebuildPetitionSearch(db: Db): void {
  db.exec('DELETE FROM petitions_search');
  const insert = db.prepare(INSERT);
  const rows = db
    .prepare(`SELECT p.rowid, p.case_no, p.summary, (${NAMES_OF}) AS names FROM petitions p`)
    .all() as SourceRow[];
  for (const row of rows) insert.run(...searchRow(row));
}
