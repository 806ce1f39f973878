import { createHash } from 'node:crypto';
import type { z } from 'zod';
import {
  IMPORT_PROBLEMS_SHOWN,
  type ImportKindKey,
  type importPreviewInput,
  type ImportPreview,
} from '../../../shared/contract/imports';
import { headerKey } from '../../../shared/domain/import/headers';
import type { HandlerContext } from '../api/types';
import { qb } from '../db/sql';
import { ProblemLog, type ImportKind, type ReadRow } from './kind';
import { mapSheet } from './sheet';
import { readWorkbook, type SheetGrid } from './workbook';

/**
 * The dry run of an import, which writes nothing: the workbook read, its header found and mapped,
 * every row read and checked against the database, counted as creates, updates and unchanged. It
 * runs in a worker (import/jobs.ts), for the preview on a read connection and for the commit on
 * the worker's write connection, so the commit imports exactly what the same reading shows.
 */
export type ImportKinds = Readonly<Record<ImportKindKey, ImportKind<unknown>>>;
export type ImportFile = z.output<typeof importPreviewInput>;

export interface DryRun {
  preview: ImportPreview;
  rows: ReadRow<unknown>[];
  existing: Set<string>;
  corrections: Record<string, string>;
}

/** The workbook as read, before anything is checked against the database. */
export interface ParsedFile {
  sha256: string;
  sheets: SheetGrid[];
}

export async function parseFile(input: ImportFile): Promise<ParsedFile> {
  const bytes = Buffer.from(input.base64, 'base64');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { sha256, sheets: await readWorkbook(bytes) };
}

/** Checks the parsed workbook against the database as `ctx.sql` reads it now. */
export function dryRun(ctx: HandlerContext, kind: ImportKind<unknown>, input: ImportFile, file: ParsedFile): DryRun {
  const { sheets, sha256 } = file;
  const problems = new ProblemLog(kind.fields);
  const corrections = Object.fromEntries(Object.entries(input.mapping).map(([text, key]) => [headerKey(text), key]));
  const sheet = mapSheet(sheets, kind.fields, problems, {
    sheet: input.sheet,
    saved: savedMapping(ctx, input.kind),
    corrections,
  });
  const rows = uniqueRows(kind, problems.errors > 0 ? [] : kind.read(ctx, sheet.rows, problems), problems);
  const existing = kind.existing(
    ctx.sql,
    rows.map((row) => row.key),
  );
  const unchanged =
    kind.unchanged?.(
      ctx,
      rows.filter((row) => existing.has(row.key)),
    ) ?? new Set<string>();
  const sorted = [...problems.items].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return {
    rows,
    existing,
    corrections: sheet.mapping,
    preview: {
      kind: input.kind,
      sheets: sheets.map((s) => s.name),
      sheet: sheet.sheet,
      headerRow: sheet.headerRow,
      header: sheet.header,
      fields: kind.fields.map((f) => ({ key: f.key, label: f.label, required: !!f.required })),
      rows: sheet.rows.length,
      creates: rows.filter((row) => !existing.has(row.key)).length,
      updates: rows.filter((row) => existing.has(row.key) && !unchanged.has(row.key)).length,
      unchanged: unchanged.size,
      errors: problems.errors,
      warnings: problems.items.length - problems.errors,
      problems: sorted.slice(0, IMPORT_PROBLEMS_SHOWN),
      sha256,
    },
  };
}

/** A key twice in one file is an error at its second row: which of the two is meant is unknown. */
function uniqueRows(kind: ImportKind<unknown>, rows: ReadRow<unknown>[], problems: ProblemLog) {
  const first = new Map<string, number>();
  return rows.filter(({ row, key }) => {
    const line = first.get(key);
    if (line === undefined) first.set(key, row.line);
    else problems.error(row, kind.keyField, `“${key}”与第 ${line} 行重复，同一文件中每条只能出现一次`);
    return line === undefined;
  });
}

const savedMapping = (ctx: HandlerContext, kind: ImportKindKey): Record<string, string> =>
  Object.fromEntries(
    ctx.sql
      .all(qb.selectFrom('import_mappings').select(['header', 'field']).where('kind', '=', kind))
      .map((row) => [row.header, row.field]),
  );
