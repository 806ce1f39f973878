import type { DisputeRow } from '../../../../shared/contract/disputes';
import { DISPUTE_FIGURE_CODES, DISPUTE_FIGURES } from '../../../../shared/domain/disputes/figures';
import { HANDLING_KIND_LABELS } from '../../../../shared/domain/disputes/handling';
import {
  DISPUTE_CHANNEL_LABELS,
  DISPUTE_RISK_COLOUR_LABELS,
  DISPUTE_URGENCY_LABELS,
  PARTY_SIDE_LABELS,
  type PartySide,
} from '../../../../shared/domain/disputes/intake';
import { DISPUTE_LEVEL_LABELS } from '../../../../shared/domain/disputes/levels';
import {
  DISPUTE_RESULT_LABELS,
  DISPUTE_STATUS_LABELS,
  SATISFACTION_LABELS,
  type Satisfaction,
} from '../../../../shared/domain/disputes/statuses';
import { DEADLINE_STAGE_LABELS } from '../../../../shared/domain/ledger/deadlines';
import type { PersonalKind } from '../../../../shared/domain/ledger/records';
import { principalOf } from '../../api/types';
import { clockOf } from '../../ledger/clock';
import type { XlsxColumn } from '../../export/xlsx';
import { eachOf, type ExportRow, type LedgerExport } from '../../ledger/exports/export';
import { listDisputes, type ListInput } from './repo';
import { disputeStore } from './store';

type Extra = 'peopleInvolved' | 'amountInvolved' | 'resultOn' | 'satisfaction' | 'closedOn';
type Row = ExportRow<DisputeRow, Extra>;

/** One side's parties (申请人 or 被申请人): names, ID numbers and phones, a column each, in the same order. */
function sideColumns(side: PartySide): Array<XlsxColumn<Row>> {
  const label = PARTY_SIDE_LABELS[side];
  const of = (r: Row) => r.people.filter((p) => p.group === side);
  const column = (header: string, kind: PersonalKind): XlsxColumn<Row> => ({
    header,
    width: 24,
    value: (r) => (of(r).length ? eachOf(of(r), kind) : null),
  });
  return [column(label, 'name'), column(`${label}身份证号`, 'idNumber'), column(`${label}联系电话`, 'phone')];
}

/** The dispute ledger's export (矛盾纠纷台账): the list's filter and order, parties masked unless unmasked. */
export const disputeExport: LedgerExport<ListInput, DisputeRow, Extra> = {
  store: disputeStore,
  title: '矛盾纠纷台账',
  noun: '矛盾纠纷',
  filterLabels: {
    keyword: '关键字',
    townshipCode: '乡镇/街道',
    category: '类别',
    channel: '受理渠道',
    status: '状态',
    level: '层级',
    unitId: '归口单位',
    open: '在办',
    overdue: '只看超期',
    stage: '期限状态',
    supervision: '督办',
    toVisit: '待回访',
    receivedFrom: '受理日期起',
    receivedTo: '受理日期止',
    figure: '统计口径',
    figurePart: '口径部分',
  },
  valueLabels: {
    stage: DEADLINE_STAGE_LABELS,
    channel: DISPUTE_CHANNEL_LABELS,
    status: DISPUTE_STATUS_LABELS,
    level: DISPUTE_LEVEL_LABELS,
    figure: Object.fromEntries(DISPUTE_FIGURE_CODES.map((code) => [code, DISPUTE_FIGURES[code].name])),
    figurePart: { numerator: '分子', denominator: '分母' },
  },
  list: (ctx) => {
    const scope = principalOf(ctx).regionCode;
    const clock = clockOf(ctx);
    return (sql, input) => listDisputes(sql, input, scope, clock);
  },
  people: {
    table: 'dispute_parties',
    key: 'dispute_id',
    orderBy: 'sort',
    columns: { name: 'name', idNumber: 'id_number', phone: 'phone' },
    audited: ['partyName', 'partyIdNumber', 'partyPhone'],
    plainName: "kind = 'organisation'",
    group: 'side',
  },
  more: {
    peopleInvolved: 'people_involved',
    amountInvolved: 'amount_involved',
    resultOn: 'result_on',
    satisfaction: 'satisfaction',
    closedOn: 'closed_on',
  },
  columns: () => [
    { header: '纠纷编号', width: 16, value: (r) => r.disputeNo },
    { header: '受理渠道', width: 12, value: (r) => DISPUTE_CHANNEL_LABELS[r.channel] },
    { header: '类别', width: 12, value: (r) => r.categoryLabel },
    { header: '纠纷概要', width: 36, value: (r) => r.summary },
    { header: '乡镇/街道', width: 12, value: (r) => r.townshipName },
    { header: '村/社区', width: 12, value: (r) => r.villageName },
    ...sideColumns('applicant'),
    ...sideColumns('respondent'),
    { header: '涉及人数', width: 8, value: (r) => r.peopleInvolved },
    { header: '涉及金额（元）', width: 12, value: (r) => r.amountInvolved },
    { header: '紧急程度', width: 8, value: (r) => DISPUTE_URGENCY_LABELS[r.urgency] },
    { header: '风险等级', width: 8, value: (r) => DISPUTE_RISK_COLOUR_LABELS[r.riskColour] },
    { header: '层级', width: 12, value: (r) => DISPUTE_LEVEL_LABELS[r.level] },
    { header: '状态', width: 10, value: (r) => DISPUTE_STATUS_LABELS[r.status] },
    { header: '调处方式', width: 16, value: (r) => (r.handlingKind ? HANDLING_KIND_LABELS[r.handlingKind] : null) },
    { header: '归口单位', width: 20, value: (r) => r.unitName },
    { header: '受理日期', width: 12, kind: 'date', value: (r) => r.receivedOn },
    { header: '办理时限', width: 12, kind: 'date', value: (r) => r.dueDate },
    { header: '期限状态', width: 10, value: (r) => (r.stage ? DEADLINE_STAGE_LABELS[r.stage] : null) },
    { header: '处理结果', width: 16, value: (r) => (r.result ? DISPUTE_RESULT_LABELS[r.result] : null) },
    { header: '结果日期', width: 12, kind: 'date', value: (r) => r.resultOn },
    {
      header: '当事人满意度',
      width: 12,
      value: (r) => (r.satisfaction ? SATISFACTION_LABELS[r.satisfaction as Satisfaction] : null),
    },
    { header: '销号日期', width: 12, kind: 'date', value: (r) => r.closedOn },
  ],
};
