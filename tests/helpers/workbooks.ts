import { readOnly } from './demo';
import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import type { CallContext } from '../../electron/backend/api/types';
import type { ImportKindKey, ImportLogEntry, ImportPreview } from '../../shared/contract/imports';

/** Workbooks made by the tests (never checked in) and the import calls made on them. */
export type Cell = string | number | Date | null;

export async function workbookOf(rows: Cell[][], build?: (sheet: ExcelJS.Worksheet) => void): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('台账');
  for (const row of rows) sheet.addRow(row);
  build?.(sheet);
  return Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
}

function data<T>(result: { ok: true; data: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(`call failed: ${JSON.stringify(result.error)}`);
  return result.data;
}

export async function previewOf(
  backend: Backend,
  client: CallContext,
  kind: ImportKindKey,
  base64: string,
): Promise<ImportPreview> {
  return data(await backend.call('imports.preview', { kind, fileName: `${kind}.xlsx`, base64 }, client));
}

/** Previews (expecting no error) and commits. */
export async function importOf(
  backend: Backend,
  client: CallContext,
  kind: ImportKindKey,
  base64: string,
): Promise<{ preview: ImportPreview; entry: ImportLogEntry }> {
  const preview = await previewOf(backend, client, kind, base64);
  expect(preview.problems.filter((p) => p.level === 'error')).toEqual([]);
  const entry = data(
    await backend.call('imports.commit', { kind, fileName: `${kind}.xlsx`, base64, sha256: preview.sha256 }, client),
  );
  return { preview, entry };
}

/** Reads the database file as another process would (with the backend's cipher). */
export const readDb = readOnly;
