import { h } from 'vue';
import type {
  TodayAssessment,
  TodayDispute,
  TodayHazard,
  TodayMeetingDecision,
  TodayNote,
  TodayPetition,
  TodayTask,
} from '@shared/contract/today';
import { DISPUTE_STATUS_LABELS } from '@shared/domain/disputes/statuses';
import { PETITION_STATUS_LABELS } from '@shared/domain/petitions/statuses';
import { ASSESSMENT_CONCLUSION_LABELS } from '@shared/domain/risks/assessment-levels';
import { HAZARD_LEVEL_COLORS, HAZARD_LEVEL_LABELS } from '@shared/domain/risks/hazard-levels';
import { HAZARD_STATUS_LABELS } from '@shared/domain/risks/hazard-statuses';
import { MEETING_LEVEL_LABELS } from '@shared/domain/risks/meetings';
import { TASK_KIND_LABELS, TASK_STATUS_LABELS } from '@shared/domain/risks/tasks';
import LevelTag from '@/components/LevelTag.vue';
import { fieldColumn as field, textColumn as text, type TableColumn } from '@/components/tableColumns';
import StageTag from '@/ledger/StageTag.vue';

/**
 * The columns of each of 今日's sections, by ledger; the 操作 column is the page's. Each table,
 * 操作 included, fits the 500 px a half-width card has at 1366×768 (long text is cut, with a
 * tooltip), so the fixed 操作 column covers none of them.
 */

/** A ledger number (XF2026-000001) or a source's. */
const NUMBER = 110;
/** A date (2026-11-20). */
const DATE = 88;
/** A township's name, cut with a tooltip when longer than four characters. */
const township = <Row>(prop: keyof Row & string) => text<Row>(prop, '乡镇', { width: 76 });

export const ARRIVED_HAZARD_COLUMNS: TableColumn<TodayHazard>[] = [
  field('hazardNo', '编号', NUMBER),
  {
    label: '等级',
    width: 64,
    cell: (row) => h(LevelTag, { label: HAZARD_LEVEL_LABELS[row.level], colors: HAZARD_LEVEL_COLORS[row.level] }),
  },
  text('title', '隐患名称', { minWidth: 96 }),
  township('townshipName'),
  { label: '状态', width: 64, cell: (row) => HAZARD_STATUS_LABELS[row.status] },
];

export const ARRIVED_PETITION_COLUMNS: TableColumn<TodayPetition>[] = [
  field('caseNo', '案件编号', NUMBER),
  text('summary', '事由', { minWidth: 120 }),
  township('townshipName'),
  { label: '状态', width: 80, cell: (row) => PETITION_STATUS_LABELS[row.status] },
];

export const ARRIVED_DISPUTE_COLUMNS: TableColumn<TodayDispute>[] = [
  field('disputeNo', '纠纷编号', NUMBER),
  text('categoryLabel', '类别', { width: 80 }),
  text('summary', '纠纷概要', { minWidth: 88 }),
  township('townshipName'),
  { label: '状态', width: 64, cell: (row) => DISPUTE_STATUS_LABELS[row.status] },
];

export const NOTE_COLUMNS: TableColumn<TodayNote>[] = [
  field('hazardNo', '隐患编号', 130),
  text('content', '研判意见', { minWidth: 180 }),
  field('byName', '研判人', 90),
];

export const DECISION_COLUMNS: TableColumn<TodayMeetingDecision>[] = [
  field('meetingNo', '会议', 110),
  { label: '层级', width: 110, cell: (row) => MEETING_LEVEL_LABELS[row.meetingLevel] },
  text('content', '议定事项', { minWidth: 160 }),
];

export const ASSESSMENT_DECISION_COLUMNS: TableColumn<TodayAssessment>[] = [
  field('assessmentNo', '稳评编号', 120),
  text('matter', '事项', { minWidth: 160 }),
  { label: '决策', width: 90, cell: (row) => (row.decision ? ASSESSMENT_CONCLUSION_LABELS[row.decision] : '—') },
];

export const ASSIGNMENT_COLUMNS: TableColumn<TodayTask>[] = [
  field('ownerNo', '来源', NUMBER),
  { label: '类型', width: 72, cell: (row) => TASK_KIND_LABELS[row.kind] },
  text('title', '事项', { minWidth: 76 }),
  text('unitName', '责任单位', { minWidth: 80 }),
  field('dueDate', '时限', DATE),
];

/** 今日到期 and 今日转为超期. */
export const DUE_PETITION_COLUMNS: TableColumn<TodayPetition>[] = [
  field('caseNo', '案件编号', 130),
  text('summary', '事由', { minWidth: 140 }),
  text('handlingUnitName', '承办单位', { minWidth: 110 }),
];

export const DUE_DISPUTE_COLUMNS: TableColumn<TodayDispute>[] = [
  field('disputeNo', '纠纷编号', NUMBER),
  text('summary', '纠纷概要', { minWidth: 120 }),
  text('unitName', '归口单位', { minWidth: 104 }),
  field('dueDate', '办理时限', DATE),
];

export const DUE_TASK_COLUMNS: TableColumn<TodayTask>[] = [
  field('ownerNo', '来源', NUMBER),
  text('title', '事项', { minWidth: 92 }),
  text('unitName', '责任单位', { minWidth: 96 }),
  { label: '期限', width: 64, cell: (row) => (row.stage ? h(StageTag, { stage: row.stage }) : '') },
  { label: '状态', width: 64, cell: (row) => TASK_STATUS_LABELS[row.status] },
];

export const RE_REVIEW_COLUMNS: TableColumn<TodayAssessment>[] = [
  field('assessmentNo', '稳评编号', 120),
  text('matter', '事项', { minWidth: 160 }),
  field('nextReReviewOn', '复评日期', 100),
];
