import type { ImportKindKey, ImportProblem } from '../../../shared/contract/imports';
import { columnLetter, type ImportField } from '../../../shared/domain/import/headers';
import type { HandlerContext } from '../api/types';
import type { Sql } from '../db/sql';
import type { CellValue } from './workbook';

/**
 * What a kind of import (regions, units, people, a ledger) lends the import engine: its fields
 * (the template's columns, the header synonyms), how it reads rows, which rows exist already, and
 * how it writes and undoes them. The engine does the rest: the workbook, the header, the mapping,
 * the dry run, the one transaction, the import log.
 */
export interface ImportFieldSpec extends ImportField {
  /** The template's example value and the instructions sheet's note. */
  example: string;
  note: string;
}

/** One data row: its cells by field key, and where each field's column is. */
export class ImportRow {
  constructor(
    /** The row as Excel numbers it. */
    readonly line: number,
    private readonly cells: readonly CellValue[],
    private readonly columns: Readonly<Record<string, number>>,
  ) {}

  cell(key: string): CellValue {
    const column = this.columns[key];
    return column === undefined ? null : (this.cells[column] ?? null);
  }

  column(key: string): string | null {
    const column = this.columns[key];
    return column === undefined ? null : columnLetter(column);
  }
}

/** `第 3、7、12 行`: the rows a notice is about, the first ten named. */
export function linesText(lines: readonly number[]): string {
  const named = lines.slice(0, 10).join('、');
  return lines.length > 10 ? `第 ${named} 等 ${lines.length} 行` : `第 ${named} 行`;
}

/** The problems of one dry run, each naming row, column and field. */
export class ProblemLog {
  readonly items: ImportProblem[] = [];
  private readonly notices = new Map<string, { item: ImportProblem; lines: number[] }>();

  constructor(private readonly fields: readonly ImportFieldSpec[]) {}

  private add(level: ImportProblem['level'], row: ImportRow | null, key: string | null, message: string): void {
    const field = key ? (this.fields.find((f) => f.key === key)?.label ?? null) : null;
    this.items.push({ row: row?.line ?? null, column: key && row ? row.column(key) : null, field, message, level });
  }

  error(row: ImportRow | null, key: string | null, message: string): void {
    this.add('error', row, key, message);
  }

  warning(row: ImportRow | null, key: string | null, message: string): void {
    this.add('warning', row, key, message);
  }

  /**
   * A warning about one thing many rows name (a unit to be made): said once, at the first row's
   * cell; `say` words it with the rows naming it (none while only one does).
   */
  noticeOnce(thing: string, row: ImportRow, key: string, say: (lines: readonly number[]) => string): void {
    const known = this.notices.get(thing);
    if (known) {
      known.lines.push(row.line);
      known.item.message = say(known.lines);
      return;
    }
    this.warning(row, key, say([row.line]));
    this.notices.set(thing, { item: this.items.at(-1)!, lines: [row.line] });
  }

  get errors(): number {
    return this.items.filter((p) => p.level === 'error').length;
  }
}

/** A row read without errors: the key it is found again by (a code, a case number) and its values. */
export interface ReadRow<Value> {
  row: ImportRow;
  key: string;
  value: Value;
}

/** The import being committed: what its records and the references made for them are filed under. */
export interface ImportSource {
  importId: string;
  fileName: string;
}

/** The template's 可选值 sheet: a column per list (a dictionary, the townships …), by its header. */
export type ImportChoices = ReadonlyArray<{ header: string; values: readonly string[] }>;

export interface ImportKind<Value> {
  key: ImportKindKey;
  /** The template's sheet name and the log's noun. */
  noun: string;
  fields: readonly ImportFieldSpec[];
  /** The field a record is found again by (its code, its case number). */
  keyField: string;
  /** Rules the instructions sheet states below the columns (how a status is inferred …), by heading. */
  instructions?: Readonly<Record<string, string>>;
  /** The values the columns take, listed in the template (the user's townships, the dictionaries …). */
  choices?(ctx: HandlerContext): ImportChoices;
  /** Reads every data row (references loaded once), logging each problem. */
  read(ctx: HandlerContext, rows: readonly ImportRow[], problems: ProblemLog): ReadRow<Value>[];
  /** The keys among `keys` that exist already: those rows update, the others create. */
  existing(sql: Sql, keys: readonly string[]): Set<string>;
  /**
   * Of the rows found again, those whose record already holds every value (a re-import of the same
   * file): the preview counts them apart, and writing them changes nothing.
   */
  unchanged?(ctx: HandlerContext, rows: readonly ReadRow<Value>[]): Set<string>;
  /** Writes the rows inside the import's transaction (after its log entry, which `source` names). */
  write(
    ctx: HandlerContext,
    rows: readonly ReadRow<Value>[],
    existing: ReadonlySet<string>,
    source: ImportSource,
  ): void;
  /** Takes the records an import created out of use again (undo): disabled or voided, not deleted. */
  undo(ctx: HandlerContext, keys: readonly string[]): void;
}
