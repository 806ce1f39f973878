import { h } from 'vue';
import type { TodayDispute, TodayHazard, TodayPetition, TodayTask } from '@shared/contract/today';
import { DISPUTE_STATUS_LABELS } from '@shared/domain/disputes/statuses';
import { PETITION_STATUS_LABELS } from '@shared/domain/petitions/statuses';
import { HAZARD_LEVEL_COLORS, HAZARD_LEVEL_LABELS } from '@shared/domain/risks/hazard-levels';
import { TASK_KIND_LABELS } from '@shared/domain/risks/tasks';
import LevelTag from '@/components/LevelTag.vue';
import { fieldColumn as field, textColumn as text, type TableColumn } from '@/components/tableColumns';
import { dueColumn } from '@/ledger/dueColumn';
import StageTag from '@/ledger/StageTag.vue';

/** The columns of 工作台's tables, by ledger; the 操作 column is the section's. */

type CaseRow = Pick<TodayPetition, 'caseNo' | 'summary' | 'townshipName' | 'status' | 'receivedDate'>;
type DueCaseRow = CaseRow & Pick<TodayPetition, 'dueDate' | 'stage'>;

/** A case's number, demand, township and status, then its 登记日期 (`received`). */
export const caseColumns = <Row extends CaseRow>(then?: 'received'): TableColumn<Row>[] => [
  field('caseNo', '案件编号', 130),
  text('summary', '诉求摘要', { minWidth: 150 }),
  text('townshipName', '乡镇', { width: 90 }),
  { label: '状态', width: 80, cell: (row) => PETITION_STATUS_LABELS[row.status] },
  ...(then === 'received' ? [field<Row>('receivedDate', '登记日期', 100)] : []),
];

/** A case's columns, then its 办理时限 with its stage (as the disputes' rows show theirs). */
export const dueCaseColumns = <Row extends DueCaseRow>(): TableColumn<Row>[] => [
  ...caseColumns<Row>(),
  dueColumn<Row>('办理时限', (row) => `workbench-case-stage-${row.caseNo}`),
];

/** A measure's owner, kind, title, unit, due date and stage. */
export const TASK_COLUMNS: TableColumn<TodayTask>[] = [
  field('ownerNo', '来源', 130),
  { label: '类型', width: 80, cell: (row) => TASK_KIND_LABELS[row.kind] },
  text('title', '事项', { minWidth: 140 }),
  text('unitName', '责任单位', { minWidth: 120 }),
  field('dueDate', '时限', 100),
  { label: '期限', width: 80, cell: (row) => (row.stage ? h(StageTag, { stage: row.stage }) : '') },
];

/**
 * A dispute's number, category, summary, township, unit, status and 办理时限 with its stage (one
 * column, so a half-width table still shows it whole).
 */
export const DISPUTE_COLUMNS: TableColumn<TodayDispute>[] = [
  field('disputeNo', '纠纷编号', 124),
  text('categoryLabel', '类别', { width: 72 }),
  text('summary', '纠纷概要', { minWidth: 120 }),
  text('townshipName', '乡镇', { width: 72 }),
  { label: '归口单位', minWidth: 90, tooltip: true, cell: (row) => row.unitName ?? '—' },
  { label: '状态', width: 68, cell: (row) => DISPUTE_STATUS_LABELS[row.status] },
  dueColumn('办理时限', (row) => `workbench-dispute-stage-${row.disputeNo}`),
];

/** A hazard awaiting 销号: number, colour, title and township. */
export const HAZARD_COLUMNS: TableColumn<TodayHazard>[] = [
  field('hazardNo', '隐患编号', 130),
  {
    label: '等级',
    width: 70,
    cell: (row) => h(LevelTag, { label: HAZARD_LEVEL_LABELS[row.level], colors: HAZARD_LEVEL_COLORS[row.level] }),
  },
  text('title', '隐患名称', { minWidth: 150 }),
  text('townshipName', '乡镇', { width: 90 }),
];
