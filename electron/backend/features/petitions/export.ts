import type { z } from 'zod';
import type { ExportProgress } from '../../../../shared/contract/exports';
import type { petitionsExportStartInput } from '../../../../shared/contract/petition-export';
import type { PetitionRow } from '../../../../shared/contract/petitions';
import { PETITION_ITEM_TYPE_LABELS, PETITION_LEVEL_LABELS } from '../../../../shared/domain/petitions/classification';
import { describePetitionFilter } from '../../../../shared/domain/petitions/filter';
import { DEADLINE_STAGE_LABELS } from '../../../../shared/domain/ledger/deadlines';
import { PETITION_STATUS_LABELS } from '../../../../shared/domain/petitions/statuses';
import { principalOf, type HandlerContext } from '../../api/types';
import type { Snapshot } from '../../db/snapshot';
import { qb } from '../../db/sql';
import { eachOf, EXPORT_CHUNK_ROWS, startLedgerExport } from '../../export/ledger';
import type { XlsxColumn } from '../../export/xlsx';
import { clockOf } from '../../ledger/clock';
import { listPetitions, maskPetitioner, type ListInput } from './repo';

type StartInput = z.output<typeof petitionsExportStartInput>;

export { EXPORT_CHUNK_ROWS };

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
const each = (row: ExportRow, pick: (p: ExportPetitioner) => string | null) => eachOf(row.petitioners, pick);

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

/** The petition ledger's export (export/ledger.ts): the list's filter and order, petitioners masked unless unmasked. */
export function startPetitionExport(ctx: HandlerContext, input: StartInput): ExportProgress {
  const { unmasked, reason, ...filter } = input;
  const scope = principalOf(ctx).regionCode;
  const clock = clockOf(ctx);
  return startLedgerExport(
    ctx,
    { unmasked, reason },
    {
      action: 'petitions.export',
      entity: 'petition',
      title: '积案台账',
      noun: '积案',
      personalFields: ['name', 'idNumber', 'phone'],
      filterText: describePetitionFilter(filter),
      read: (snapshot, page, pageSize) =>
        listPetitions(snapshot.sql, { ...filter, page, pageSize } satisfies ListInput, scope, clock),
      rows: withPetitioners,
      columns: (snapshot) => columnsOf(categoryLabels(snapshot)),
    },
  );
}
