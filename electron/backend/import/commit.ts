import { v7 as uuidv7 } from 'uuid';
import { IMPORT_KIND_LABELS } from '../../../shared/contract/imports';
import { AppError } from '../../../shared/errors';
import { principalOf, type HandlerContext } from '../api/types';
import { appendAudit } from '../audit/writer';
import { todayOf } from '../ledger/clock';
import type { DryRun, ImportFile, ImportKinds } from './dry-run';
import { recordCreated } from './references';

/** A dry run fit to commit: the file previewed, no error, some rows. */
export function assertCommittable(run: DryRun, sha256: string): void {
  const { preview } = run;
  if (preview.sha256 !== sha256) {
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
}

/**
 * Writes a dry run's rows inside the caller's transaction: the import log entry, the records (and
 * the references made for them) filed under it, the corrected mapping, the audit row. Returns the
 * import's id.
 */
export function writeImport(ctx: HandlerContext, kinds: ImportKinds, input: ImportFile, run: DryRun): string {
  const { preview } = run;
  const id = uuidv7();
  const created = run.rows.filter((row) => !run.existing.has(row.key)).map((row) => row.key);
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
      at: ctx.now().toISOString(),
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
  return id;
}
