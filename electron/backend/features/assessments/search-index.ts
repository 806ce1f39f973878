import type { Db } from '../../db/connection';
import { searchableText } from '../../db/search-text';
import type { Sql } from '../../db/sql';

/**
 * The keyword index of the assessments (`assessments_search`, FTS5 trigram): number, matter and
 * description, spaced by `searchableText` so one- and two-character keywords are answered from
 * the index. Its rowid is the assessment row's rowid; the write paths keep it in step.
 */
interface SourceRow {
  rowid: number;
  assessment_no: string;
  matter: string;
  description: string;
}

const SOURCE = 'SELECT rowid, assessment_no, matter, description FROM assessments';
const INSERT = 'INSERT INTO assessments_search (rowid, assessment_no, matter, description) VALUES (?, ?, ?, ?)';

const searchRow = (row: SourceRow) => [
  row.rowid,
  searchableText(row.assessment_no),
  searchableText(row.matter),
  searchableText(row.description),
];

/** Re-indexes one assessment (inside its write transaction). */
export function indexAssessment(sql: Sql, id: string): void {
  const row = sql.prepare(`${SOURCE} WHERE id = ?`).get(id) as SourceRow | undefined;
  if (!row) return;
  sql.prepare('DELETE FROM assessments_search WHERE rowid = ?').run(row.rowid);
  sql.prepare(INSERT).run(...searchRow(row));
}

/** Builds the whole index (the demo loader). */
export function rebuildAssessmentSearch(db: Db): void {
  db.exec('DELETE FROM assessments_search');
  const insert = db.prepare(INSERT);
  for (const row of db.prepare(SOURCE).all() as SourceRow[]) insert.run(...searchRow(row));
}
