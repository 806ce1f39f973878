import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Page } from '../../../shared/contract';
import type { ExportFile } from '../../../shared/contract/audit';
import { EXPORT_MAX_ROWS, type ExportProgress } from '../../../shared/contract/exports';
import { AppError } from '../../../shared/errors';
import { hasAccess, PERMISSION_LABELS } from '../../../shared/domain/roles';
import { fileStamp } from '../../../shared/domain/time';
import { principalOf, type HandlerContext } from '../api/types';
import { openSnapshot, type Snapshot } from '../db/snapshot';
import { appendAudit } from '../audit/writer';
import type { JobHandle } from './jobs';
import { XlsxWriter, type XlsxColumn } from './xlsx';

/** Rows read, written and reported per turn of the event loop. */
export const EXPORT_CHUNK_ROWS = 1000;

/** What one ledger's export is: its names, how it reads a page of its list, and its columns. */
export interface LedgerExport<Item, Row> {
  /** The audit action and entity, e.g. `hazards.export` / `hazard`. */
  action: string;
  entity: string;
  /** The ledger's name (sheet and file name), e.g. 风险隐患台账. */
  title: string;
  /** What a row is, for messages: 积案, 条风险隐患. */
  noun: string;
  /** The personal fields an unmasked export hands over (audited). */
  personalFields: string[];
  /** The filter, as the audit log describes it. */
  filterText: string;
  /** One page of the list's filtered query, in the list's order. */
  read: (snapshot: Snapshot, page: number, pageSize: number) => Page<Item>;
  /** The page's rows as written (e.g. with their people, masked unless unmasked). */
  rows: (snapshot: Snapshot, items: Item[], unmasked: boolean) => Row[];
  /** The columns, once per export (they may read labels from the snapshot). */
  columns: (snapshot: Snapshot) => XlsxColumn<Row>[];
}

/** Refuses an unmasked export to a role without personal.reveal; the refusal is audited, nothing else changes. */
function assertMayUnmask(ctx: HandlerContext, action: string, entity: string): void {
  if (hasAccess(principalOf(ctx).roles, 'personal.reveal')) return;
  appendAudit(ctx, { action, entity, result: 'denied', detail: '缺少权限：personal.reveal' });
  throw new AppError(
    'FORBIDDEN',
    `不脱敏导出须有“${PERMISSION_LABELS['personal.reveal']}”权限，您的角色没有，请改用脱敏导出。`,
    [{ path: 'unmasked', message: '没有查看个人信息原文的权限' }],
  );
}

/**
 * Starts an export of everything a list's filter finds, in the list's order, from one snapshot
 * of the database (records changed meanwhile do not tear the file). The first chunk is read here,
 * so an empty or too large result is refused at once; the rest is written chunk by chunk in the
 * background, each chunk a turn of the event loop, so progress calls are answered meanwhile. The
 * hand-over of the file (exports.fetch) is what is audited.
 */
export function startLedgerExport<Item, Row>(
  ctx: HandlerContext,
  mode: { unmasked: boolean; reason?: string | undefined },
  ledger: LedgerExport<Item, Row>,
): ExportProgress {
  const { unmasked, reason } = mode;
  if (unmasked) assertMayUnmask(ctx, ledger.action, ledger.entity);
  const principal = principalOf(ctx);
  const snapshot = openSnapshot(ctx.sql.db.name);
  const read = (page: number) => ledger.read(snapshot, page, EXPORT_CHUNK_ROWS);
  let first: Page<Item>;
  try {
    first = read(1);
    if (first.total === 0) {
      throw new AppError('NOT_FOUND', `当前筛选没有${ledger.noun}可导出，请调整筛选条件后再试。`);
    }
    if (first.total > EXPORT_MAX_ROWS) {
      throw new AppError(
        'CONFLICT',
        `当前筛选共 ${first.total} 件，超过单次导出上限 ${EXPORT_MAX_ROWS} 件，请缩小筛选范围后分批导出。`,
      );
    }
  } catch (error) {
    snapshot.close();
    throw error;
  }
  const audit = {
    action: ledger.action,
    entity: ledger.entity,
    fields: unmasked ? ledger.personalFields : [],
    // A ledger without personal data has no mode to record.
    detail: `导出 ${first.total} 行${ledger.personalFields.length ? `（${unmasked ? `不脱敏，原因：${reason}` : '脱敏'}）` : ''}；筛选：${ledger.filterText}`,
  };
  const fileName = `${ledger.title}${unmasked ? '-含个人信息' : ''}-${fileStamp(ctx.now())}.xlsx`;
  return ctx.exportJobs.start(principal.userId, first.total, audit, (handle) =>
    writeExport(snapshot, ledger, read, first, { unmasked, fileName, handle }).finally(snapshot.close),
  );
}

async function writeExport<Item, Row>(
  snapshot: Snapshot,
  ledger: LedgerExport<Item, Row>,
  read: (page: number) => Page<Item>,
  first: Page<Item>,
  job: { unmasked: boolean; fileName: string; handle: JobHandle },
): Promise<ExportFile> {
  const writer = new XlsxWriter(ledger.title, ledger.columns(snapshot));
  let done = 0;
  for (let page = 1; done < first.total; page += 1) {
    await nextTurn();
    const items = page === 1 ? first.items : read(page).items;
    if (items.length === 0) break;
    const rows = ledger.rows(snapshot, items, job.unmasked);
    // Reading and writing a chunk each take a turn of their own: neither holds the loop long.
    await nextTurn();
    writer.add(rows);
    done += items.length;
    job.handle.progress(done);
  }
  const bytes = await writer.finish();
  return { fileName: job.fileName, base64: bytes.toString('base64'), rows: done };
}

/** One value per person, in the same order in each column, `—` where one is not recorded. */
export const eachOf = <P>(people: P[], pick: (p: P) => string | null) => people.map((p) => pick(p) ?? '—').join('、');

/**
 * A list's filter for the audit log, as the petitions' (describePetitionFilter): `label=value` of
 * each field set, coded values by their labels, or 全部 (order and paging left out). A keyword may
 * be a person's name: the log notes that one was given, not what.
 */
export function describeFilter(
  filter: Record<string, unknown>,
  labels: Record<string, string>,
  valueLabels: Record<string, Record<string, string>> = {},
): string {
  const valueOf = (key: string, value: unknown) =>
    key === 'keyword' ? '（不记原文）' : (valueLabels[key]?.[String(value)] ?? String(value));
  const parts = Object.entries(labels)
    .filter(([key]) => filter[key] !== undefined && filter[key] !== '' && filter[key] !== false)
    .map(([key, label]) => `${label}=${valueOf(key, filter[key])}`);
  return parts.length ? parts.join('；') : '全部';
}
