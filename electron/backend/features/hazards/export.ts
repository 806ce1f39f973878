import type { z } from 'zod';
import type { ExportProgress } from '../../../../shared/contract/exports';
import type { HazardRow } from '../../../../shared/contract/hazards';
import type { hazardsExportStartInput } from '../../../../shared/contract/risk-exports';
import { maskName, maskPhone } from '../../../../shared/domain/masking';
import { HAZARD_LEVEL_LABELS } from '../../../../shared/domain/risks/hazard-levels';
import { HAZARD_SOURCE_LABELS } from '../../../../shared/domain/risks/hazard-record';
import { HAZARD_STATUS_LABELS } from '../../../../shared/domain/risks/hazard-statuses';
import { principalOf, type HandlerContext } from '../../api/types';
import type { Snapshot } from '../../db/snapshot';
import { qb } from '../../db/sql';
import { describeFilter, eachOf, startLedgerExport } from '../../export/ledger';
import type { XlsxColumn } from '../../export/xlsx';
import { todayOf } from '../../ledger/clock';
import { listHazards, type ListInput } from './repo';

type StartInput = z.output<typeof hazardsExportStartInput>;

interface ExportPerson {
  name: string;
  phone: string | null;
}

interface ExportRow extends HazardRow {
  /** In their recorded order; masked unless the export is unmasked. */
  people: ExportPerson[];
}

const FILTER_LABELS: Record<string, string> = {
  keyword: '关键字',
  townshipCode: '乡镇/街道',
  category: '类别',
  level: '等级',
  status: '状态',
  open: '在办',
  leaderId: '包保领导',
  foundFrom: '发现日期起',
  foundTo: '发现日期止',
  figure: '统计口径',
  figureKey: '口径分项',
  figurePart: '口径部分',
};

const columnsOf = (categoryLabel: (code: string) => string): XlsxColumn<ExportRow>[] => [
  { header: '编号', width: 16, value: (r) => r.hazardNo },
  { header: '名称', width: 36, value: (r) => r.title },
  { header: '类别', width: 14, value: (r) => categoryLabel(r.category) },
  { header: '等级', width: 8, value: (r) => HAZARD_LEVEL_LABELS[r.level] },
  { header: '状态', width: 10, value: (r) => HAZARD_STATUS_LABELS[r.status] },
  { header: '来源', width: 12, value: (r) => HAZARD_SOURCE_LABELS[r.source] },
  { header: '乡镇/街道', width: 12, value: (r) => r.townshipName },
  { header: '村/社区', width: 12, value: (r) => r.villageName },
  { header: '发现日期', width: 12, value: (r) => r.foundOn },
  { header: '包保领导', width: 10, value: (r) => r.leaderName },
  { header: '责任人', width: 10, value: (r) => r.responsibleName },
  { header: '涉及人数', width: 8, value: (r) => r.peopleInvolved },
  { header: '涉及人员', width: 24, value: (r) => (r.people.length ? eachOf(r.people, (p) => p.name) : null) },
  { header: '联系电话', width: 24, value: (r) => (r.people.length ? eachOf(r.people, (p) => p.phone) : null) },
];

function categoryLabels(snapshot: Snapshot): (code: string) => string {
  const entries = snapshot.sql.all(
    qb.selectFrom('dict_entries').select(['code', 'label']).where('dict_code', '=', 'hazard_category'),
  );
  const labels = new Map(entries.map((e) => [e.code, e.label]));
  return (code) => labels.get(code) ?? code;
}

/** The chunk's hazards with the people involved: full names and phones only for an unmasked export. */
function withPeople(snapshot: Snapshot, rows: HazardRow[], unmasked: boolean): ExportRow[] {
  const byHazard = new Map<string, ExportPerson[]>(rows.map((row) => [row.id, []]));
  const people = snapshot.sql.all(
    qb
      .selectFrom('hazard_people')
      .select(['hazard_id', 'name', 'phone'])
      .where(
        'hazard_id',
        'in',
        rows.map((row) => row.id),
      )
      .orderBy('sort'),
  );
  for (const p of people) {
    byHazard
      .get(p.hazard_id)!
      .push(
        unmasked
          ? { name: p.name, phone: p.phone }
          : { name: maskName(p.name), phone: p.phone ? maskPhone(p.phone) : null },
      );
  }
  return rows.map((row) => ({ ...row, people: byHazard.get(row.id)! }));
}

/** The hazard ledger's export (export/ledger.ts): the list's filter and order, people masked unless unmasked. */
export function startHazardExport(ctx: HandlerContext, input: StartInput): ExportProgress {
  const { unmasked, reason, ...filter } = input;
  const scope = principalOf(ctx).regionCode;
  const today = todayOf(ctx);
  return startLedgerExport(
    ctx,
    { unmasked, reason },
    {
      action: 'hazards.export',
      entity: 'hazard',
      title: '风险隐患台账',
      noun: '风险隐患',
      personalFields: ['peopleName', 'peoplePhone'],
      filterText: describeFilter(filter, FILTER_LABELS, { level: HAZARD_LEVEL_LABELS, status: HAZARD_STATUS_LABELS }),
      read: (snapshot, page, pageSize) =>
        listHazards(snapshot.sql, { ...filter, page, pageSize } satisfies ListInput, scope, today),
      rows: withPeople,
      columns: (snapshot) => columnsOf(categoryLabels(snapshot)),
    },
  );
}
