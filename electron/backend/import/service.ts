import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { Page } from '../../../shared/contract';
import {
  IMPORT_KIND_ACCESS,
  IMPORT_KIND_LABELS,
  IMPORT_KINDS,
  IMPORT_PROBLEMS_SHOWN,
  type ImportKindKey,
  type ImportLogEntry,
  type importPreviewInput,
  type ImportPreview,
} from '../../../shared/contract/imports';
import { headerKey } from '../../../shared/domain/import/headers';
import { hasAccess, PERMISSION_LABELS } from '../../../shared/domain/roles';
import { AppError } from '../../../shared/errors';
import { principalOf, type HandlerContext } from '../api/types';
import { displayNameOf } from '../db/display-name';
import { offsetOf } from '../db/paging';
import { qb, type Sql } from '../db/sql';
import { appendAudit } from '../audit/writer';
import { todayOf } from '../ledger/clock';
import { ProblemLog, type ImportKind, type ReadRow } from './kind';
import { recordCreated, undoCreatedReferences } from './references';
import { mapSheet } from './sheet';
import { readWorkbook } from './workbook';

/**
 * The import engine: a dry run that writes nothing and a commit that writes everything or nothing,
 * both reading the file the same way, so the commit imports exactly what the preview showed (the
 * commit names the previewed file's SHA-256).
 */
export type ImportKinds = Readonly<Record<ImportKindKey, ImportKind<unknown>>>;
type FileInput = z.output<typeof importPreviewInput>;

interface DryRun {
  preview: ImportPreview;
  rows: ReadRow<unknown>[];
  existing: Set<string>;
  corrections: Record<string, string>;
  /** The database's state the run read (`stampOf`). */
  stamp: string;
}

/**
 * The last dry run of each database, which the commit of the same file by the same user reuses
 * while nothing has been written since (a 10,000-row ledger is read once, not twice). Nothing
 * written: this connection's change count and SQLite's data version (other connections) as then.
 */
const lastRuns = new WeakMap<Sql, { key: string; run: DryRun }>();

function stampOf(sql: Sql): string {
  const changes = sql.prepare('SELECT total_changes() AS n').get() as { n: number };
  const version = sql.prepare('PRAGMA data_version').get() as { data_version: number };
  return `${changes.n}:${version.data_version}`;
}

const mayImport = (ctx: HandlerContext, kind: ImportKindKey): boolean =>
  hasAccess(principalOf(ctx).roles, IMPORT_KIND_ACCESS[kind]);

/** Each kind needs what creating one by hand needs; a refusal is audited as the guard's are. */
export function assertMayImport(ctx: HandlerContext, kind: ImportKindKey): void {
  if (mayImport(ctx, kind)) return;
  const permission = IMPORT_KIND_ACCESS[kind];
  appendAudit(ctx, { action: 'imports', result: 'denied', detail: `缺少权限：${permission}（${kind}）` });
  throw new AppError(
    'FORBIDDEN',
    `您的角色没有“${PERMISSION_LABELS[permission]}”权限，不能导入${IMPORT_KIND_LABELS[kind]}，如需办理请联系系统管理员。`,
  );
}

async function dryRun(ctx: HandlerContext, kinds: ImportKinds, input: FileInput): Promise<DryRun> {
  assertMayImport(ctx, input.kind);
  const kind = kinds[input.kind];
  const bytes = Buffer.from(input.base64, 'base64');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const key = JSON.stringify([principalOf(ctx).userId, input.kind, sha256, input.sheet, input.mapping, todayOf(ctx)]);
  const last = lastRuns.get(ctx.sql);
  if (last?.key === key && last.run.stamp === stampOf(ctx.sql)) return last.run;
  const sheets = await readWorkbook(bytes);
  const stamp = stampOf(ctx.sql);
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
  const run: DryRun = {
    rows,
    existing,
    corrections: sheet.mapping,
    stamp,
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
  lastRuns.set(ctx.sql, { key, run });
  return run;
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

export async function previewImport(ctx: HandlerContext, kinds: ImportKinds, input: FileInput): Promise<ImportPreview> {
  return (await dryRun(ctx, kinds, input)).preview;
}

export async function commitImport(
  ctx: HandlerContext,
  kinds: ImportKinds,
  input: FileInput & { sha256: string },
): Promise<ImportLogEntry> {
  const run = await dryRun(ctx, kinds, input);
  const { preview } = run;
  if (preview.sha256 !== input.sha256) {
    throw new AppError('CONFLICT', '文件与预览时的不是同一个，请重新预览后再导入。', [
      { path: 'sha256', message: '文件已变化' },
    ]);
  }
  if (preview.errors > 0) {
    throw new AppError(
      'VALIDATION',
      `预览发现 ${preview.errors} 处错误，请修改工作簿或列对应后重新预览，全部无误才能导入。`,
    );
  }
  if (run.rows.length === 0) throw new AppError('VALIDATION', '工作表中没有可导入的数据行。');
  const id = uuidv7();
  const at = ctx.now().toISOString();
  const created = run.rows.filter((row) => !run.existing.has(row.key)).map((row) => row.key);
  ctx.sql.transaction(() => {
    // The log entry first: the records and the references made for them are filed under it.
    ctx.sql
      .prepare(
        `INSERT INTO imports (id, kind, file_name, sha256, sheet, rows, creates, updates, by_user, at, county_date)
         VALUES (@id, @kind, @file_name, @sha256, @sheet, @rows, @creates, @updates, @by_user, @at, @county_date)`,
      )
      .run({
        id,
        kind: input.kind,
        file_name: input.fileName,
        sha256: preview.sha256,
        sheet: preview.sheet,
        rows: run.rows.length,
        creates: preview.creates,
        updates: preview.updates,
        by_user: principalOf(ctx).userId,
        at,
        county_date: todayOf(ctx),
      });
    kinds[input.kind].write(ctx, run.rows, run.existing, { importId: id, fileName: input.fileName });
    for (const key of created) recordCreated(ctx, id, 'record', key);
    const mapping = ctx.sql.prepare(
      'INSERT INTO import_mappings (kind, header, field) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET field = excluded.field',
    );
    for (const [header, field] of Object.entries(run.corrections)) mapping.run(input.kind, header, field);
    appendAudit(ctx, {
      action: 'imports.commit',
      entity: 'import',
      entityId: id,
      detail: `${IMPORT_KIND_LABELS[input.kind]}：新增 ${preview.creates}，更新 ${preview.updates}；SHA-256 ${preview.sha256}`,
    });
  });
  return importEntry(ctx, id);
}

const entries = () =>
  qb
    .selectFrom('imports as i')
    .select([
      'i.id',
      'i.kind',
      'i.file_name as fileName',
      'i.sha256',
      'i.sheet',
      'i.rows',
      'i.creates',
      'i.updates',
      displayNameOf('i.by_user').as('byName'),
      'i.at',
      'i.undone_at as undoneAt',
      'i.county_date as countyDate',
    ]);

function entryOf(ctx: HandlerContext, row: Omit<ImportLogEntry, 'undoable'> & { countyDate: string }): ImportLogEntry {
  const { countyDate, ...entry } = row;
  return { ...entry, undoable: entry.undoneAt === null && countyDate === todayOf(ctx) };
}

function importEntry(ctx: HandlerContext, id: string): ImportLogEntry {
  const row = ctx.sql.get(entries().where('i.id', '=', id));
  if (!row) throw new AppError('NOT_FOUND', '未找到该导入记录，请刷新后重试。');
  return entryOf(ctx, row as Omit<ImportLogEntry, 'undoable'> & { countyDate: string });
}

/** The imports of the kinds the user may import, the newest first. */
export function listImports(ctx: HandlerContext, page: number, pageSize: number): Page<ImportLogEntry> {
  const kinds = IMPORT_KINDS.filter((kind) => mayImport(ctx, kind));
  if (kinds.length === 0) return { items: [], total: 0, page, pageSize };
  const total =
    ctx.sql.get(
      qb
        .selectFrom('imports')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('kind', 'in', kinds),
    )?.n ?? 0;
  const rows = ctx.sql.all(
    entries()
      .where('i.kind', 'in', kinds)
      .orderBy('i.at', 'desc')
      .orderBy('i.id', 'desc')
      .limit(pageSize)
      .offset(offsetOf(page, pageSize)),
  ) as Array<Omit<ImportLogEntry, 'undoable'> & { countyDate: string }>;
  return { items: rows.map((row) => entryOf(ctx, row)), total, page, pageSize };
}

/**
 * Undoing takes what the import created out of use (records voided, reference data disabled, the
 * units and people made on the spot with them); what it updated stays.
 */
export function undoImport(ctx: HandlerContext, kinds: ImportKinds, id: string): ImportLogEntry {
  const entry = importEntry(ctx, id);
  assertMayImport(ctx, entry.kind);
  if (entry.undoneAt) throw new AppError('CONFLICT', '该次导入已撤销。');
  if (!entry.undoable) throw new AppError('CONFLICT', '只能撤销当天的导入；更早的导入请逐条停用或作废。');
  const keys = ctx.sql
    .all(
      qb.selectFrom('import_records').select('record_key').where('import_id', '=', id).where('entity', '=', 'record'),
    )
    .map((row) => row.record_key);
  ctx.sql.transaction(() => {
    kinds[entry.kind].undo(ctx, keys);
    undoCreatedReferences(ctx, id);
    ctx.sql.prepare('UPDATE imports SET undone_at = ? WHERE id = ?').run(ctx.now().toISOString(), id);
    appendAudit(ctx, {
      action: 'imports.undo',
      entity: 'import',
      entityId: id,
      detail: `${IMPORT_KIND_LABELS[entry.kind]}：撤销新增的 ${keys.length} 条`,
    });
  });
  return importEntry(ctx, id);
}
