import { setImmediate as nextTurn } from 'node:timers/promises';
import type { z } from 'zod';
import type { Page } from '../../../../shared/contract';
import type { ExportFile } from '../../../../shared/contract/audit';
import {
  PETITION_EXPORT_MAX_ROWS,
  type ExportProgress,
  type petitionsExportStartInput,
} from '../../../../shared/contract/petition-export';
import type { PetitionRow } from '../../../../shared/contract/petitions';
import { AppError } from '../../../../shared/errors';
import { PETITION_ITEM_TYPE_LABELS, PETITION_LEVEL_LABELS } from '../../../../shared/domain/petitions/classification';
import { describePetitionFilter } from '../../../../shared/domain/petitions/filter';
import { DEADLINE_STAGE_LABELS } from '../../../../shared/domain/petitions/stages';
import { PETITION_STATUS_LABELS } from '../../../../shared/domain/petitions/statuses';
import { hasAccess, PERMISSION_LABELS } from '../../../../shared/domain/roles';
import { fileStamp } from '../../../../shared/domain/time';
import { principalOf, type HandlerContext } from '../../api/types';
import { openSnapshot, type Snapshot } from '../../db/snapshot';
import { qb } from '../../db/sql';
import type { JobHandle } from '../../export/jobs';
import { XlsxWriter, type XlsxColumn } from '../../export/xlsx';
import { appendAudit } from '../audit/writer';
import { clockOf } from './common';
import { listPetitions, maskPetitioner, type ListInput } from './repo';

type StartInput = z.output<typeof petitionsExportStartInput>;

/** Rows read, written and reported per turn of the event loop. */
export const EXPORT_CHUNK_ROWS = 1000;

interface ExportPetitioner {
  name: string;
  idNumber: string | null;
  phone: string | null;
}

interface ExportRow extends PetitionRow {
  /** Primary first; masked unless the export is unmasked. */
  petitioners: ExportPetitioner[];
}

/** One value per petitioner, in the same order in each column, `—` where one is not recorded. */
const each = (row: ExportRow, pick: (p: ExportPetitioner) => string | null) =>
  row.petitioners.map((p) => pick(p) ?? '—').join('、');

const columnsOf = (categoryLabel: (code: string) => string): XlsxColumn<ExportRow>[] => [
  { header: '案件编号', width: 16, value: (r) => r.caseNo },
  { header: '乡镇/街道', width: 12, value: (r) => r.townshipName },
  { header: '问题类别', width: 12, value: (r) => (r.category ? categoryLabel(r.category) : null) },
  { header: '事项类型', width: 10, value: (r) => (r.itemType ? PETITION_ITEM_TYPE_LABELS[r.itemType] : '未分类') },
  { header: '状态', width: 10, value: (r) => PETITION_STATUS_LABELS[r.status] },
  { header: '诉求摘要', width: 40, value: (r) => r.summary },
  { header: '信访人', width: 18, value: (r) => each(r, (p) => p.name) },
  { header: '身份证号', width: 22, value: (r) => each(r, (p) => p.idNumber) },
  { header: '联系电话', width: 16, value: (r) => each(r, (p) => p.phone) },
  { header: '信访人数', width: 8, value: (r) => r.petitionerCount },
  { header: '信访次数', width: 8, value: (r) => r.petitionCount },
  { header: '最高层级', width: 8, value: (r) => PETITION_LEVEL_LABELS[r.highestLevel] },
  { header: '登记日期', width: 12, value: (r) => r.receivedDate },
  { header: '承办单位', width: 24, value: (r) => r.handlingUnitName },
  { header: '包案领导', width: 10, value: (r) => r.leaderName },
  { header: '办理时限', width: 12, value: (r) => r.dueDate },
  { header: '期限状态', width: 10, value: (r) => (r.stage ? DEADLINE_STAGE_LABELS[r.stage] : null) },
];

function categoryLabels(snapshot: Snapshot): (code: string) => string {
  const entries = snapshot.sql.all(
    qb.selectFrom('dict_entries').select(['code', 'label']).where('dict_code', '=', 'petition_category'),
  );
  const labels = new Map(entries.map((e) => [e.code, e.label]));
  return (code) => labels.get(code) ?? code;
}

/** The page's rows with their petitioners: full values only for an unmasked export. */
function withPetitioners(snapshot: Snapshot, rows: PetitionRow[], unmasked: boolean): ExportRow[] {
  const byCase = new Map<string, ExportPetitioner[]>(rows.map((row) => [row.id, []]));
  const petitioners = snapshot.sql.all(
    qb
      .selectFrom('petitioners')
      .selectAll()
      .where(
        'petition_id',
        'in',
        rows.map((row) => row.id),
      )
      .orderBy('is_primary', 'desc')
      .orderBy('sort'),
  );
  for (const p of petitioners) {
    const masked = maskPetitioner(p);
    byCase
      .get(p.petition_id)!
      .push(
        unmasked
          ? { name: p.name, idNumber: p.id_number, phone: p.phone }
          : { name: masked.nameMasked, idNumber: masked.idNumberMasked, phone: masked.phoneMasked },
      );
  }
  return rows.map((row) => ({ ...row, petitioners: byCase.get(row.id)! }));
}

/** Refuses an unmasked export to a role without personal.reveal; the refusal is audited, nothing else changes. */
function assertMayUnmask(ctx: HandlerContext): void {
  if (hasAccess(principalOf(ctx).roles, 'personal.reveal')) return;
  appendAudit(ctx, {
    action: 'petitions.export',
    entity: 'petition',
    result: 'denied',
    detail: '缺少权限：personal.reveal',
  });
  throw new AppError(
    'FORBIDDEN',
    `不脱敏导出须有“${PERMISSION_LABELS['personal.reveal']}”权限，您的角色没有，请改用脱敏导出。`,
    [{ path: 'unmasked', message: '没有查看个人信息原文的权限' }],
  );
}

/**
 * Starts an export of everything the list's filter finds, in the list's order, from one snapshot
 * of the database (cases changed meanwhile do not tear the file). The first chunk is read here, so
 * an empty or too large result is refused at once; the rest is written chunk by chunk in the
 * background, each chunk a turn of the event loop, so progress calls are answered meanwhile.
 */
export function startPetitionExport(ctx: HandlerContext, input: StartInput): ExportProgress {
  const { unmasked, reason, ...filter } = input;
  if (unmasked) assertMayUnmask(ctx);
  const principal = principalOf(ctx);
  const clock = clockOf(ctx);
  const snapshot = openSnapshot(ctx.sql.db.name);
  const read = (page: number) =>
    listPetitions(
      snapshot.sql,
      { ...filter, page, pageSize: EXPORT_CHUNK_ROWS } satisfies ListInput,
      principal.regionCode,
      clock,
    );
  let first: Page<PetitionRow>;
  try {
    first = read(1);
    if (first.total === 0) throw new AppError('NOT_FOUND', '当前筛选没有积案可导出，请调整筛选条件后再试。');
    if (first.total > PETITION_EXPORT_MAX_ROWS) {
      throw new AppError(
        'CONFLICT',
        `当前筛选共 ${first.total} 件，超过单次导出上限 ${PETITION_EXPORT_MAX_ROWS} 件，请缩小筛选范围后分批导出。`,
      );
    }
  } catch (error) {
    snapshot.close();
    throw error;
  }
  const audit = {
    action: 'petitions.export',
    entity: 'petition',
    fields: unmasked ? ['name', 'idNumber', 'phone'] : [],
    detail: `导出 ${first.total} 行（${unmasked ? `不脱敏，原因：${reason}` : '脱敏'}）；筛选：${describePetitionFilter(filter)}`,
  };
  const fileName = `积案台账${unmasked ? '-含个人信息' : ''}-${fileStamp(ctx.now())}.xlsx`;
  return ctx.exportJobs.start(principal.userId, first.total, audit, (handle) =>
    writeExport(snapshot, read, first, { unmasked, fileName, handle }).finally(snapshot.close),
  );
}

async function writeExport(
  snapshot: Snapshot,
  read: (page: number) => Page<PetitionRow>,
  first: Page<PetitionRow>,
  job: { unmasked: boolean; fileName: string; handle: JobHandle },
): Promise<ExportFile> {
  const writer = new XlsxWriter('积案台账', columnsOf(categoryLabels(snapshot)));
  let done = 0;
  for (let page = 1; done < first.total; page += 1) {
    await nextTurn();
    const items = page === 1 ? first.items : read(page).items;
    if (items.length === 0) break;
    const rows = withPetitioners(snapshot, items, job.unmasked);
    // Reading and writing a chunk each take a turn of their own: neither holds the loop long.
    await nextTurn();
    writer.add(rows);
    done += items.length;
    job.handle.progress(done);
  }
  const bytes = await writer.finish();
  return { fileName: job.fileName, base64: bytes.toString('base64'), rows: done };
}
