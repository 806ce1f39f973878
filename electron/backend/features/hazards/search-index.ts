import type { Db } from '../../db/connection';
import { searchableText } from '../../db/search-text';
import type { Sql } from '../../db/sql';

/**
 * The keyword index of the hazard ledger (`hazards_search`, FTS5 trigram): number, title,
 * description and the names of the people involved, spaced by `searchableText` and keyed by the
 * hazard's rowid, as the petitions' index is (see petitions/search-index.ts). Kept in step by the
 * write paths (register, edit); `rebuildHazardSearch` builds it in bulk.
 */
const NAMES_OF = `SELECT group_concat(name, char(31) ORDER BY sort) FROM hazard_people WHERE hazard_id = h.id`;
const SOURCE = `SELECT h.rowid, h.hazard_no, h.title, h.description, (${NAMES_OF}) AS names FROM hazards h`;
const INSERT = 'INSERT INTO hazards_search (rowid, hazard_no, title, description, names) VALUES (?, ?, ?, ?, ?)';

interface SourceRow {
  rowid: number;
  hazard_no: string;
  title: string;
  description: string;
  names: string | null;
}

const searchRow = (row: SourceRow) => [
  row.rowid,
  searchableText(row.hazard_no),
  searchableText(row.title),
  searchableText(row.description),
  searchableText(...(row.names ?? '').split('\u001f')),
];

/** Re-indexes one hazard after its text or people changed (inside the write transaction). */
export function indexHazard(sql: Sql, hazardId: string): void {
  const row = sql.prepare(`${SOURCE} WHERE h.id = ?`).get(hazardId) as SourceRow | undefined;
  if (!row) return;
  sql.prepare('DELETE FROM hazards_search WHERE rowid = ?').run(row.rowid);
  sql.prepare(INSERT).run(...searchRow(row));
}

/** Builds the whole index from the ledger (the demo loader). */
export function rebuildHazardSearch(db: Db): void {
  db.exec('DELETE FROM hazards_search');
  const insert = db.prepare(INSERT);
  for (const row of db.prepare(SOURCE).all() as SourceRow[]) insert.run(...searchRow(row));
}
