import { v7 as uuidv7 } from 'uuid';
import { bareName, matchName, type Named } from '../../../shared/domain/import/names';
import { inScope } from '../../../shared/domain/scope';
import type { Sql } from '../db/sql';
import { cellList, cellText } from './cells';
import { linesText, type ImportRow, type ProblemLog } from './kind';

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
    return this.match(row, key, problems, text);
  }

  /** Several names in one cell (涉及乡镇: 城关镇、白沙镇), each matched; null when one is unknown. */
  findEach(row: ImportRow, key: string, problems: ProblemLog, required = false): T[] | null {
    const texts = cellList(row, key);
    if (texts.length === 0 && required) problems.error(row, key, '不能为空');
    const found = texts.map((text) => this.match(row, key, problems, text));
    return found.every((item) => item !== null) ? [...new Map(found.map((item) => [item.code, item])).values()] : null;
  }

  private match(row: ImportRow, key: string, problems: ProblemLog, text: string): T | null {
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

/** The county's townships in use (within `scope`, a township account's own), for matching names. */
export const townshipIndex = (sql: Sql, scope: string | null = null): NameIndex<Named> =>
  new NameIndex(
    (
      sql.prepare("SELECT code, name FROM regions WHERE level = 'township' AND disabled_at IS NULL").all() as Named[]
    ).filter((township) => inScope(scope, township.code)),
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

/** What an import made, filed under it so that undoing the import takes it out of use again. */
export function recordCreated(
  ctx: { sql: Sql },
  importId: string,
  entity: 'record' | 'unit' | 'person',
  key: string,
): void {
  ctx.sql
    .prepare('INSERT INTO import_records (import_id, record_key, entity) VALUES (?, ?, ?)')
    .run(importId, key, entity);
}

/** Undoing an import disables the units and people it made on the spot for its records. */
export function undoCreatedReferences(ctx: { sql: Sql; now: () => Date }, importId: string): void {
  for (const [entity, table] of [
    ['unit', 'units'],
    ['person', 'people'],
  ] as const) {
    const ids = (
      ctx.sql
        .prepare('SELECT record_key AS id FROM import_records WHERE import_id = ? AND entity = ?')
        .all(importId, entity) as { id: string }[]
    ).map((row) => row.id);
    if (ids.length) disableKeys(ctx, table, 'id', ids);
  }
}

/**
 * A unit or leader a ledger's workbook names: one the county has (its id), or a name the county
 * does not know yet, made on the spot when the import is committed (`make`).
 */
export type SpotReference = { id: string } | { make: string };

interface SpotKind {
  entity: 'unit' | 'person';
  /** Its name in messages: 承办单位, 包案领导. */
  noun: string;
  /** In use, by id as `code`; and the names of those disabled, which are not made again. */
  inUse: string;
  disabled: string;
}

const UNITS: SpotKind = {
  entity: 'unit',
  noun: '承办单位',
  inUse: 'SELECT id AS code, name FROM units WHERE disabled_at IS NULL',
  disabled: 'SELECT name FROM units WHERE disabled_at IS NOT NULL',
};

const LEADERS: SpotKind = {
  entity: 'person',
  noun: '包案领导',
  inUse: "SELECT id AS code, name FROM people WHERE role = 'leader' AND disabled_at IS NULL",
  disabled: "SELECT name FROM people WHERE role = 'leader' AND disabled_at IS NOT NULL",
};

/**
 * Reading units or leaders by name where an unknown one is made on the spot: a known name (or its
 * unique match without the suffix) is taken, a disabled one refused, and a new one announced in the
 * preview once, 「将新建承办单位“…”（第 3、7 行）」 with any near names, so a typo is caught before it
 * becomes a unit.
 */
export class SpotIndex {
  private readonly candidates: Named[];
  private readonly disabled: Set<string>;

  constructor(
    sql: Sql,
    private readonly kind: SpotKind,
  ) {
    this.candidates = sql.prepare(kind.inUse).all() as Named[];
    this.disabled = new Set((sql.prepare(kind.disabled).all() as { name: string }[]).map((row) => row.name));
  }

  find(row: ImportRow, key: string, problems: ProblemLog, required = false): SpotReference | null {
    const text = cellText(row.cell(key));
    if (!text) {
      if (required) problems.error(row, key, '不能为空');
      return null;
    }
    const found = matchName(text, this.candidates);
    if ('match' in found) {
      if (found.match.name !== text) problems.warning(row, key, `“${text}”按“${found.match.name}”导入`);
      return { id: found.match.code };
    }
    const name = text.replace(/\s/g, '');
    if (Array.from(name).length > 60) {
      problems.error(row, key, `${this.kind.noun}名称不能超过 60 个字`);
      return null;
    }
    if (this.disabled.has(name)) {
      problems.error(row, key, `${this.kind.noun}“${name}”已停用，请先在基础数据中启用，或改为在用的${this.kind.noun}`);
      return null;
    }
    const near = found.suggestions.map((s) => s.name);
    problems.noticeOnce(`${this.kind.entity}:${name}`, row, key, (lines) => {
      const notes = [
        ...(lines.length > 1 ? [linesText(lines)] : []),
        ...(near.length ? [`相近的有：${near.join('、')}，如是同一个请改为其名称`] : []),
      ];
      return `将新建${this.kind.noun}“${name}”` + (notes.length ? `（${notes.join('；')}）` : '');
    });
    return { make: name };
  }
}

export const unitSpotIndex = (sql: Sql) => new SpotIndex(sql, UNITS);
export const leaderSpotIndex = (sql: Sql) => new SpotIndex(sql, LEADERS);

/**
 * Inside the commit: the ids of the references a ledger's rows name, the new ones made once per
 * name (a unit as a 县直部门, a leader in the unit of the case that names them) and filed under
 * the import, so undoing it disables them again.
 */
export class SpotMaker {
  private readonly made = new Map<string, string>();

  constructor(
    private readonly ctx: { sql: Sql },
    private readonly importId: string,
  ) {}

  unit(reference: SpotReference | null): string | null {
    if (!reference) return null;
    if ('id' in reference) return reference.id;
    return this.once(`unit:${reference.make}`, 'unit', (id) =>
      this.ctx.sql
        .prepare(
          `INSERT INTO units (id, code, name, kind, region_code, sort)
           VALUES (?, ?, ?, 'county_department', NULL, (SELECT coalesce(max(sort), 0) + 1 FROM units))`,
        )
        .run(id, `IMP-${id.replace(/-/g, '').slice(-12)}`, reference.make),
    );
  }

  leader(reference: SpotReference | null, unitId: string | null): string | null {
    if (!reference) return null;
    if ('id' in reference) return reference.id;
    if (!unitId) throw new Error('a leader is made only in a unit');
    return this.once(`person:${reference.make}`, 'person', (id) =>
      this.ctx.sql
        .prepare(
          `INSERT INTO people (id, name, title, role, unit_id, sort)
           VALUES (?, ?, '包案领导', 'leader', ?, (SELECT coalesce(max(sort), 0) + 1 FROM people))`,
        )
        .run(id, reference.make, unitId),
    );
  }

  private once(key: string, entity: 'unit' | 'person', insert: (id: string) => void): string {
    const known = this.made.get(key);
    if (known) return known;
    const id = uuidv7();
    insert(id);
    recordCreated(this.ctx, this.importId, entity, id);
    this.made.set(key, id);
    return id;
  }
}

/** The entries of a dictionary in use (问题分类 …), by code, for matching their labels. */
export const dictIndex = (sql: Sql, dict: string, noun: string): NameIndex<Named> =>
  new NameIndex(
    sql
      .prepare('SELECT code, label AS name FROM dict_entries WHERE dict_code = ? AND enabled = 1')
      .all(dict) as Named[],
    noun,
  );
