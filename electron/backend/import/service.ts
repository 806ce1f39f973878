import type { z } from 'zod';
import type { Page } from '../../../shared/contract';
import {
  IMPORT_KIND_ACCESS,
  IMPORT_KIND_LABELS,
  IMPORT_KINDS,
  type ImportKindKey,
  type ImportLogEntry,
  type importPreviewInput,
  type ImportPreview,
} from '../../../shared/contract/imports';
import { hasAccess, PERMISSION_LABELS } from '../../../shared/domain/roles';
import { AppError } from '../../../shared/errors';
import { principalOf, type HandlerContext } from '../api/types';
import { displayNameOf } from '../db/display-name';
import { offsetOf } from '../db/paging';
import { cipherOf } from '../db/personal-cipher';
import { qb } from '../db/sql';
import { appendAudit } from '../audit/writer';
import { todayOf } from '../ledger/clock';
import type { ImportKinds } from './dry-run';
import { importCommitJob, importDryRunJob, type ImportJobInput } from './jobs';
import { undoCreatedReferences } from './references';

/**
 * The import engine's calls: the dry run and the commit run in a worker (import/jobs.ts), which
 * reads the workbook and checks it; the commit writes everything or nothing on the worker's own
 * connection, the preview writes nothing. This thread checks the access, hands over the file, and
 * anchors the audit rows the commit appended.
 */
type FileInput = z.output<typeof importPreviewInput>;

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

function jobInput(ctx: HandlerContext, input: FileInput): ImportJobInput {
  return {
    ...input,
    file: ctx.sql.db.name,
    scope: {
      principal: principalOf(ctx),
      settings: ctx.settings,
      at: ctx.now().toISOString(),
      client: ctx.call.client,
    },
  };
}

export async function previewImport(ctx: HandlerContext, input: FileInput): Promise<ImportPreview> {
  assertMayImport(ctx, input.kind);
  return ctx.workers.run(importDryRunJob, jobInput(ctx, input), { key: cipherOf(ctx.sql.db).key });
}

export async function commitImport(
  ctx: HandlerContext,
  input: FileInput & { sha256: string },
): Promise<ImportLogEntry> {
  assertMayImport(ctx, input.kind);
  const { id } = await ctx.workers.run(
    importCommitJob,
    { ...jobInput(ctx, input), sha256: input.sha256, auditKey: new Uint8Array(ctx.auditKey) },
    { key: cipherOf(ctx.sql.db).key, writes: true },
  );
  // The worker appended the rows on its connection; the head file is anchored from this one.
  ctx.auditHead.touch();
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
