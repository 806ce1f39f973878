import { bareName, matchName, type Named } from '../../../shared/domain/import/names';
import type { Sql } from '../db/sql';
import { cellText } from './cells';
import type { ImportRow, ProblemLog } from './kind';

/**
 * Names in a workbook matched to the county's own (townships, units, people): an exact name, or a
 * unique match without the administrative suffix (石楼 → 石楼镇); otherwise an error at the cell
 * naming the near names, so the user can correct the workbook.
 */
export class NameIndex<T extends Named> {
  constructor(
    private readonly candidates: readonly T[],
    /** The thing's name in messages: 乡镇（街道）, 承办单位 … */
    private readonly noun: string,
  ) {}

  find(row: ImportRow, key: string, problems: ProblemLog, required = false): T | null {
    const text = cellText(row.cell(key));
    if (!text) {
      if (required) problems.error(row, key, '不能为空');
      return null;
    }
    const found = matchName(text, this.candidates);
    if ('match' in found) {
      if (bareName(found.match.name) !== bareName(text) && found.match.name !== text) {
        problems.warning(row, key, `“${text}”按“${found.match.name}”导入`);
      }
      return found.match;
    }
    const near = found.suggestions.map((s) => s.name);
    problems.error(
      row,
      key,
      `系统中没有名为“${text}”的${this.noun}` +
        (near.length ? `，是否为：${near.join('、')}？` : `，请先在基础数据中添加，或改为已有的${this.noun}`),
    );
    return null;
  }
}

/** The county's townships in use, for matching names. */
export const townshipIndex = (sql: Sql): NameIndex<Named> =>
  new NameIndex(
    sql.prepare("SELECT code, name FROM regions WHERE level = 'township' AND disabled_at IS NULL").all() as Named[],
    '乡镇（街道）',
  );

/** The units in use, by id as `code`. */
export const unitIndex = (sql: Sql): NameIndex<Named> =>
  new NameIndex(
    sql.prepare('SELECT id AS code, name FROM units WHERE disabled_at IS NULL').all() as Named[],
    '承办单位',
  );

/** Which of `keys` a table holds already in `column` (an expression of the row for composite keys). */
export function existingKeys(sql: Sql, table: string, column: string, keys: readonly string[]): Set<string> {
  const rows = sql
    .prepare(`SELECT ${column} AS k FROM ${table} WHERE ${column} IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(keys)) as { k: string }[];
  return new Set(rows.map((row) => row.k));
}

/** Undoing an import of reference data: the records it created are disabled, not deleted. */
export function disableKeys(
  ctx: { sql: Sql; now: () => Date },
  table: string,
  column: string,
  keys: readonly string[],
): void {
  ctx.sql
    .prepare(
      `UPDATE ${table} SET disabled_at = ? WHERE disabled_at IS NULL AND ${column} IN (SELECT value FROM json_each(?))`,
    )
    .run(ctx.now().toISOString(), JSON.stringify(keys));
}
