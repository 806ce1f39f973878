import { v7 as uuidv7 } from 'uuid';
import { LEDGER_NOUNS } from '../../../shared/domain/ledger/records';
import { principalOf, type HandlerContext } from '../api/types';
import type { Sql } from '../db/sql';
import { cellText } from '../import/cells';
import type { ImportKind, ImportRow, ImportSource, ProblemLog, ReadRow } from '../import/kind';
import {
  existingKeys,
  leaderSpotIndex,
  SpotMaker,
  townshipIndex,
  unitSpotIndex,
  type SpotReference,
} from '../import/references';
import { todayOf } from './clock';
import { fieldChanges, logChange, type EditableFields } from './changes';
import { editRecord } from './edit';
import { NEW_RECORD, type LedgerRecordRow, type LedgerStore } from './store';
import { voidRecord } from './void';
import type { ColumnChanges } from './write';

/**
 * Ledger records brought in from Excel, the same way for every ledger: a new record is written
 * with the kernel's columns and the import that made it, indexed for search (the tallies follow by
 * their triggers) and its timeline starts with 「导入」 naming the file and row; a record found
 * again by its number is corrected through the kernel's edit (version raised, 更正 listing each
 * changed field) or, unchanged, left alone; undoing the import voids what it created.
 */

/** The ids of the units and leaders a row names, made on the spot in the commit (or not, in a preview). */
export interface SpotIds {
  unit(reference: SpotReference | null): string | null;
  leader(reference: SpotReference | null, unitId: string | null): string | null;
}

/** The kernel's columns of an imported record; the ledger adds its own. */
export type ImportedColumns = typeof NEW_RECORD & {
  id: string;
  import_id: string;
  created_by: string;
  created_at: string;
  updated_at: string;
};

/** What a ledger tells the kernel about importing its records: `Read` as read from a row, `V` as stored. */
export interface LedgerImport<Row extends LedgerRecordRow, Read, V extends Record<string, unknown>> {
  store: LedgerStore<Row>;
  /** The column of the record's number (`case_no` …), by which a re-import finds it. */
  numberColumn: string;
  /** The imported fields: their labels and how the timeline shows each value. */
  fields(ctx: HandlerContext): EditableFields<V>;
  /** What a stored record holds of the imported fields. */
  before(ctx: HandlerContext, row: Row): V;
  /** A row's values with the units and leaders it names as ids. */
  resolve(value: Read, ids: SpotIds): V;
  /** Inserts a new record (`columns` are the kernel's) with its own rows (petitioners …). */
  insert(ctx: HandlerContext, columns: ImportedColumns, number: string, value: V): void;
  /** The record's columns of the changed fields; rewrites its own rows when they changed. */
  apply(ctx: HandlerContext, row: Row, value: V, changed: ReadonlySet<keyof V>): ColumnChanges;
}

/**
 * The INSERT of an imported record: the ledger's number and imported `columns` (named parameters
 * of their own names), `fixed` columns with their SQL values, and the kernel's columns.
 */
export function importedInsert(
  table: string,
  numberColumn: string,
  columns: readonly string[],
  fixed: Readonly<Record<string, string>> = {},
): string {
  const kernel = ['created_by', 'created_at', 'updated_at', 'version', 'voided_at', 'void_reason', 'import_id'];
  const named = ['id', numberColumn, ...columns, ...kernel];
  return `INSERT INTO ${table} (${[...named, ...Object.keys(fixed)].join(', ')})
    VALUES (${[...named.map((c) => `@${c}`), ...Object.values(fixed)].join(', ')})`;
}

/** The fields every ledger's workbook shares: the township by name and the status, read or inferred. */
export const TOWNSHIP_FIELD = {
  key: 'township',
  label: '乡镇（街道）',
  synonyms: ['乡镇', '乡镇(街道)', '属地', '所属乡镇', '街道'],
  required: true,
  example: '城关镇',
  note: '本县在用的乡镇或街道名称，可省略“镇”“乡”“街道”',
} as const;

export const statusField = (labels: Readonly<Record<string, string>>) => ({
  key: 'status',
  label: '状态',
  synonyms: ['办理状态', '当前状态', '化解状态'],
  example: '',
  note: `${Object.values(labels).join('、')}；不填时按日期推定（见下方“状态推定”）`,
});

/** A new unit or leader differs from every stored id, so a row naming one counts as a change. */
const NOT_MADE_YET = '(将新建)';
const PREVIEW_IDS: SpotIds = {
  unit: (reference) => (reference ? ('id' in reference ? reference.id : NOT_MADE_YET) : null),
  leader: (reference) => (reference ? ('id' in reference ? reference.id : NOT_MADE_YET) : null),
};

function recordOf<Row extends LedgerRecordRow>(
  sql: Sql,
  spec: { store: LedgerStore<Row>; numberColumn: string },
  number: string,
): Row | undefined {
  const found = sql.prepare(`SELECT id FROM ${spec.store.table} WHERE ${spec.numberColumn} = ?`).get(number) as
    { id: string } | undefined;
  return found && spec.store.find(sql, found.id);
}

/**
 * The part of a ledger's import kind that is the kernel's: which rows exist, which are unchanged,
 * writing and undoing. The ledger adds its fields and how it reads a row.
 */
export function ledgerImportKind<Row extends LedgerRecordRow, Read, V extends Record<string, unknown>>(
  spec: LedgerImport<Row, Read, V>,
): Pick<ImportKind<Read>, 'existing' | 'unchanged' | 'write' | 'undo'> {
  return {
    existing: (sql, keys) => existingKeys(sql, spec.store.table, spec.numberColumn, keys),
    unchanged(ctx, rows) {
      const fields = spec.fields(ctx);
      const same = new Set<string>();
      for (const { key, value } of rows) {
        const record = recordOf(ctx.sql, spec, key);
        if (!record) continue;
        const before = spec.before(ctx, record);
        if (fieldChanges(fields, before, spec.resolve(value, PREVIEW_IDS)).length === 0) same.add(key);
      }
      return same;
    },
    write(ctx, rows, existing, source) {
      const fields = spec.fields(ctx);
      const ids = new SpotMaker(ctx, source.importId);
      const now = ctx.now().toISOString();
      const userId = principalOf(ctx).userId;
      for (const { row, key, value } of rows) {
        const after = spec.resolve(value, ids);
        if (existing.has(key)) {
          const record = recordOf(ctx.sql, spec, key)!;
          editRecord(ctx, spec.store, record, {
            fields,
            before: (stored) => spec.before(ctx, stored),
            after,
            apply: (stored, changed) => spec.apply(ctx, stored, after, changed),
            reason: importNote(source, row, '导入更新'),
          });
          continue;
        }
        const id = uuidv7();
        const columns = {
          ...NEW_RECORD,
          id,
          import_id: source.importId,
          created_by: userId,
          created_at: now,
          updated_at: now,
        };
        spec.insert(ctx, columns, key, after);
        // The board's ticker announces what happens now (a red hazard found, a collective petition);
        // an imported record happened before, so its insert's alert is taken back.
        // Its alerts carry the insert's time, which finds them through the ticker's index.
        ctx.sql.prepare('DELETE FROM board_alerts WHERE at = ? AND source_id = ?').run(now, id);
        spec.store.search.index(ctx.sql, id);
        logChange(ctx, spec.store.key, id, 'import', { reason: importNote(source, row, '导入') });
      }
    },
    undo(ctx, keys) {
      for (const key of keys) {
        const record = recordOf(ctx.sql, spec, key);
        if (!record || record.voided_at !== null) continue;
        voidRecord(ctx, spec.store, { id: record.id, version: record.version, reason: '撤销导入' });
      }
    },
  };
}

const importNote = (source: ImportSource, row: ImportRow, verb: string) =>
  `从“${source.fileName}”第 ${row.line} 行${verb}`;

/**
 * A record's number in a workbook: required, at most 40 characters; a number in the app's own form
 * (`XF2026-000123`) must be whole, as the next number is counted from it; a voided record is not
 * brought back by an import.
 */
export class ImportedNumbers {
  private readonly voided: Set<string>;

  constructor(
    sql: Sql,
    private readonly spec: { store: LedgerStore<LedgerRecordRow>; numberColumn: string },
    /** The app's own numbers: `XF`, `FX`, `WP` then the year. */
    private readonly prefix: string,
  ) {
    this.voided = new Set(
      (
        sql.prepare(`SELECT ${spec.numberColumn} AS n FROM ${spec.store.table} WHERE voided_at IS NOT NULL`).all() as {
          n: string;
        }[]
      ).map((row) => row.n),
    );
  }

  read(row: ImportRow, key: string, problems: ProblemLog): string | null {
    const number = cellText(row.cell(key)).replace(/\s/g, '');
    if (!number) {
      problems.error(row, key, '不能为空');
      return null;
    }
    const own = new RegExp(`^${this.prefix}\\d{4}-`);
    if (Array.from(number).length > 40) problems.error(row, key, '编号不能超过 40 个字');
    else if (own.test(number) && !new RegExp(`^${this.prefix}\\d{4}-\\d{1,9}$`).test(number)) {
      problems.error(row, key, `“${number}”不是本系统的编号格式（如 ${this.prefix}2024-000123）`);
    } else if (this.voided.has(number)) {
      problems.error(
        row,
        key,
        `${LEDGER_NOUNS[this.spec.store.key]}“${number}”已作废，导入不会更新它；如确需更新，请先由带班领导恢复`,
      );
    } else return number;
    return null;
  }
}

/**
 * What reading any ledger's rows needs, loaded once: the county's today, its numbers, the townships
 * in the user's scope, the units and leaders by name (new ones made on the spot).
 */
export function ledgerReading(
  ctx: HandlerContext,
  spec: { store: LedgerStore<LedgerRecordRow>; numberColumn: string },
  prefix: string,
) {
  return {
    today: todayOf(ctx),
    numbers: new ImportedNumbers(ctx.sql, spec, prefix),
    townships: townshipIndex(ctx.sql, principalOf(ctx).regionCode),
    units: unitSpotIndex(ctx.sql),
    leaders: leaderSpotIndex(ctx.sql),
  };
}

/** Reads the rows of a ledger's workbook one by one, keeping those read without errors. */
export function readRows<Read>(
  rows: readonly ImportRow[],
  problems: ProblemLog,
  readOne: (row: ImportRow) => { key: string | null; value: Read | null },
): ReadRow<Read>[] {
  const read: ReadRow<Read>[] = [];
  for (const row of rows) {
    const before = problems.errors;
    const { key, value } = readOne(row);
    if (key !== null && value !== null && problems.errors === before) read.push({ row, key, value });
  }
  return read;
}
