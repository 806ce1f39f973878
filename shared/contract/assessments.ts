import { z } from 'zod';
import { versionField, voidedFilter, voidInput, type LedgerRecordFields } from './ledger';
import type { DeadlineStage } from '../domain/ledger/deadlines';
import { isValidDate } from '../domain/ledger/calendar';
import {
  ASSESSMENT_DIMENSIONS,
  ASSESSMENT_MATTER_TYPES,
  CONSULTATION_METHODS,
  type AssessmentDimension,
  type AssessmentMatterType,
  type Consultation,
} from '../domain/risks/assessment-content';
import {
  ASSESSMENT_CONCLUSIONS,
  ASSESSMENT_DECISIONS,
  RISK_LEVELS,
  type AssessmentConclusion,
  type AssessmentDecision,
  type ConclusionMapping,
  type RiskLevel,
} from '../domain/risks/assessment-levels';
import {
  ASSESSMENT_ACTIONS,
  ASSESSMENT_STATUSES,
  type AssessmentAction,
  type AssessmentStatus,
} from '../domain/risks/assessment-statuses';
import {
  ASSESSMENT_BREAKDOWN_CODES,
  ASSESSMENT_FIGURE_CODES,
  type AssessmentBreakdownCode,
  type AssessmentFigureCode,
  type BreakdownRow,
} from '../domain/risks/figures';
import type { MetricResult } from '../domain/ledger/figures';
import { EMERGENCY_PLAN_FIELD_LABELS, EMERGENCY_PLAN_SUMMARY_MAX } from '../domain/risks/emergency-plan';
import type { ExportFile } from './audit';
import { defineMethod, figuresInput, keywordField, pageFields, type Page } from './define';
import type { FigurePeriod } from '../domain/ledger/figure-period';

/** 稳评 as lists show them. `suggestedConclusion` is the app's suggestion from the residual level. */
export interface AssessmentRow {
  id: string;
  assessmentNo: string;
  matter: string;
  matterType: AssessmentMatterType;
  proposingUnitId: string;
  proposingUnitName: string;
  townships: Array<{ code: string; name: string }>;
  peopleAffected: number;
  registeredOn: string;
  status: AssessmentStatus;
  riskLevelBefore: RiskLevel | null;
  riskLevelAfter: RiskLevel | null;
  suggestedConclusion: AssessmentConclusion | null;
  recommendedConclusion: AssessmentConclusion | null;
  decision: AssessmentDecision | null;
  decidedOn: string | null;
  nextReReviewOn: string | null;
  /** The clock of the next re-review while tracking; null otherwise. */
  reReviewStage: DeadlineStage | null;
}

export interface AssessmentEvent {
  id: string;
  kind: 'register' | 'update' | 'transition' | 're_review';
  action: AssessmentAction | null;
  fromStatus: AssessmentStatus | null;
  toStatus: AssessmentStatus | null;
  note: string;
  byName: string;
  at: string;
}

export interface AssessmentReReview {
  id: string;
  reviewedOn: string;
  finding: string;
  riskLevel: RiskLevel;
  nextReReviewOn: string | null;
  byName: string;
  at: string;
}

/** The emergency plan (应急预案): a summary, the day drawn up and its file (none for a plan migrated from a yes). */
export interface EmergencyPlan {
  summary: string;
  drawnUpOn: string | null;
  file: { id: string; fileName: string } | null;
}

export interface AssessmentDetail extends AssessmentRow, LedgerRecordFields {
  description: string;
  assessingBody: string | null;
  dimensions: Array<{ dimension: AssessmentDimension; finding: string }>;
  consultations: Array<Required<Consultation>>;
  risksFound: Array<{ description: string; level: RiskLevel }>;
  recommendationReason: string;
  /** Null until a plan is recorded. */
  emergencyPlan: EmergencyPlan | null;
  decidedBy: string | null;
  decisionReason: string | null;
  implementedOn: string | null;
  /** The previous re-review, or the implementation date before the first. */
  lastReviewedOn: string | null;
  archiveNote: string | null;
  archivedOn: string | null;
  /** Measures not cancelled, and those of them still open. */
  measureCount: number;
  openMeasureCount: number;
  createdAt: string;
  updatedAt: string;
  events: AssessmentEvent[];
  reReviews: AssessmentReReview[];
}

/** What the forms need to suggest and pre-fill: the centre's mapping and re-review interval. */
export interface AssessmentRules {
  conclusionMapping: ConclusionMapping;
  reReviewIntervalMonths: number;
}

/** One month of a period: the assessments registered in it and their figures. */
export interface AssessmentMonth extends FigurePeriod {
  month: string;
  registered: number;
  results: Record<AssessmentFigureCode, MetricResult>;
}

export interface AssessmentFigures {
  today: string;
  /** The period counted (assessments registered in it); null: every assessment. */
  period: FigurePeriod | null;
  /** The period's months (without a period, the last 12), each cut to the period. */
  monthly: AssessmentMonth[];
  figures: Array<{
    code: AssessmentFigureCode;
    name: string;
    numeratorLabel: string;
    denominatorLabel: string;
    result: MetricResult;
  }>;
  breakdowns: Array<{
    code: AssessmentBreakdownCode;
    name: string;
    numeratorLabel: string;
    denominatorLabel: string;
    rows: BreakdownRow[];
  }>;
}

const id = z.uuid({ error: '编号格式不正确' });
const date = (label: string) => z.string().refine(isValidDate, { error: `“${label}”应为 YYYY-MM-DD 格式的真实日期` });
const text = (label: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, { error: `请填写“${label}”` })
    .max(max, { error: `“${label}”不能超过 ${max} 个字` });
const longText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `“${label}”不能超过 ${max} 个字` });
const townshipCode = z.string().regex(/^\d{9}000$/, { error: '乡镇/街道应为 12 位区划代码' });
const count = (label: string) =>
  z
    .number({ error: `“${label}”应为数字` })
    .int({ error: `“${label}”应为整数` })
    .min(0, { error: `“${label}”不能小于 0` })
    .max(10_000_000, { error: `“${label}”过大` });

const unique =
  <T>(key: (item: T) => string) =>
  (items: readonly T[]): boolean =>
    new Set(items.map(key)).size === items.length;

const contentFields = {
  matter: text('事项名称', 200),
  matterType: z.enum(ASSESSMENT_MATTER_TYPES, { error: '请选择“事项类型”' }),
  description: longText('事项概况', 4000).default(''),
  proposingUnitId: z.uuid({ error: '请选择“提出单位”' }),
  assessingBody: longText('评估主体', 100).nullable().default(null),
  townshipCodes: z
    .array(townshipCode)
    .min(1, { error: '请至少选择一个“涉及乡镇/街道”' })
    .max(50, { error: '“涉及乡镇/街道”不能超过 50 个' }),
  peopleAffected: count('涉及人数').default(0),
  registeredOn: date('立项日期'),
  dimensions: z
    .array(z.object({ dimension: z.enum(ASSESSMENT_DIMENSIONS), finding: longText('评估意见', 2000) }).strict())
    .max(ASSESSMENT_DIMENSIONS.length)
    .refine(
      unique((d: { dimension: string }) => d.dimension),
      { error: '同一评估维度只能填写一条，请合并' },
    )
    .default([]),
  consultations: z
    .array(
      z
        .object({
          method: z.enum(CONSULTATION_METHODS),
          count: count('数量'),
          participants: count('参与人数').nullable().default(null),
          supporters: count('支持人数').nullable().default(null),
          opponents: count('反对人数').nullable().default(null),
          neutrals: count('中立人数').nullable().default(null),
        })
        .strict(),
    )
    .max(CONSULTATION_METHODS.length)
    .refine(
      unique((c: { method: string }) => c.method),
      { error: '同一征求意见方式只能填写一条，请合并数量' },
    )
    .default([]),
  risksFound: z
    .array(z.object({ description: longText('风险点', 500), level: z.enum(RISK_LEVELS) }).strict())
    .max(50, { error: '风险点不能超过 50 条' })
    .default([]),
  riskLevelBefore: z.enum(RISK_LEVELS).nullable().default(null),
  riskLevelAfter: z.enum(RISK_LEVELS).nullable().default(null),
  recommendedConclusion: z.enum(ASSESSMENT_CONCLUSIONS).nullable().default(null),
  recommendationReason: longText('建议理由', 1000).default(''),
};

/** The content fields by their Chinese names (forms, the timeline's 修改 entries). */
export const ASSESSMENT_FIELD_LABELS: Record<keyof typeof contentFields, string> = {
  matter: '事项名称',
  matterType: '事项类型',
  description: '事项概况',
  proposingUnitId: '提出单位',
  assessingBody: '评估主体',
  townshipCodes: '涉及乡镇/街道',
  peopleAffected: '涉及人数',
  registeredOn: '立项日期',
  dimensions: '评估维度意见',
  consultations: '征求意见方式',
  risksFound: '查找出的风险点',
  riskLevelBefore: '评估风险等级（采取措施前）',
  riskLevelAfter: '剩余风险等级（采取措施后）',
  recommendedConclusion: '建议结论',
  recommendationReason: '建议理由',
};

export const assessmentsCreateInput = z.object(contentFields).strict();
export const assessmentsUpdateInput = z.object({ id, version: versionField, ...contentFields }).strict();

const optionalText = z.string().trim().max(2000).nullable().optional();

export const assessmentsTransitionInput = z
  .object({
    id,
    version: versionField.optional(),
    action: z.enum(ASSESSMENT_ACTIONS),
    assessingBody: optionalText,
    riskLevelBefore: optionalText,
    riskLevelAfter: optionalText,
    recommendedConclusion: optionalText,
    recommendationReason: optionalText,
    reason: optionalText,
    decision: optionalText,
    decidedBy: optionalText,
    decidedOn: optionalText,
    decisionReason: optionalText,
    implementedOn: optionalText,
    nextReReviewOn: optionalText,
    archiveNote: optionalText,
  })
  .strict();

/** 应急预案: its summary and date, and the file already uploaded to the assessment (purpose 应急预案). */
export const assessmentsEmergencyPlanInput = z
  .object({
    id,
    version: versionField,
    summary: longText(EMERGENCY_PLAN_FIELD_LABELS.summary, EMERGENCY_PLAN_SUMMARY_MAX),
    drawnUpOn: z.string().trim().max(20).default(''),
    attachmentId: id.nullable().default(null),
  })
  .strict();

export const assessmentsReReviewInput = z
  .object({
    id,
    version: versionField.optional(),
    reviewedOn: optionalText,
    finding: optionalText,
    riskLevel: optionalText,
    /** Blank: this was the last re-review (the assessment can then be archived). */
    nextReReviewOn: optionalText,
  })
  .strict();

export const ASSESSMENT_SORTS = [
  'registeredOn',
  'assessmentNo',
  'peopleAffected',
  'decidedOn',
  'nextReReviewOn',
] as const;
export type AssessmentSort = (typeof ASSESSMENT_SORTS)[number];

export const ASSESSMENT_FIGURE_FILTERS = [...ASSESSMENT_FIGURE_CODES, ...ASSESSMENT_BREAKDOWN_CODES] as const;
export type AssessmentFigureFilter = (typeof ASSESSMENT_FIGURE_FILTERS)[number];

export const assessmentsListInput = z
  .object({
    keyword: keywordField,
    /** Voided records are left out unless asked for (已作废). */
    voided: voidedFilter,
    status: z.enum(ASSESSMENT_STATUSES).optional(),
    /** The residual level (after mitigation). */
    riskLevel: z.enum(RISK_LEVELS).optional(),
    decision: z.enum(ASSESSMENT_DECISIONS).optional(),
    townshipCode: townshipCode.optional(),
    matterType: z.enum(ASSESSMENT_MATTER_TYPES).optional(),
    registeredFrom: date('立项日期起').optional(),
    registeredTo: date('立项日期止').optional(),
    /** The assessments behind one figure (a breakdown row when `figureKey` names it): numerator or denominator. */
    figure: z.enum(ASSESSMENT_FIGURE_FILTERS).optional(),
    figureKey: z.string().max(20).optional(),
    figurePart: z.enum(['numerator', 'denominator']).optional(),
    sort: z.enum(ASSESSMENT_SORTS).default('registeredOn'),
    direction: z.enum(['asc', 'desc']).default('desc'),
    ...pageFields,
  })
  .strict();

export const assessmentsContract = {
  'assessments.list': defineMethod<Page<AssessmentRow>>()({
    input: assessmentsListInput,
    access: 'risks.read',
    summary: '分页查询稳评（按涉及乡镇限定辖区）',
  }),
  'assessments.get': defineMethod<AssessmentDetail>()({
    input: z.object({ id }).strict(),
    access: 'risks.read',
    summary: '查询一件稳评的全部内容、办理记录和复评',
  }),
  'assessments.rules': defineMethod<AssessmentRules>()({
    input: z.object({}).strict(),
    access: 'risks.read',
    summary: '本中心的建议结论对照表和复评周期（表单据此给出建议）',
  }),
  'assessments.create': defineMethod<AssessmentDetail>()({
    input: assessmentsCreateInput,
    access: 'risks.write',
    summary: '稳评立项',
  }),
  'assessments.update': defineMethod<AssessmentDetail>()({
    input: assessmentsUpdateInput,
    access: 'risks.write',
    summary: '更正稳评内容（立项、评估中；须带所读版本，逐项记入时间线）',
  }),
  'assessments.void': defineMethod<AssessmentDetail>()({
    input: voidInput,
    access: 'records.void',
    summary: '作废误录的稳评（注明原因；不删除，可恢复）',
  }),
  'assessments.restore': defineMethod<AssessmentDetail>()({
    input: voidInput,
    access: 'records.void',
    summary: '恢复已作废的稳评（注明原因）',
  }),
  'assessments.transition': defineMethod<AssessmentDetail>()({
    input: assessmentsTransitionInput,
    access: 'risks.write',
    summary: '办理一步：开始评估、提请决策、退回、作出决策、重新评估、开始跟踪、归档',
  }),
  'assessments.recordReReview': defineMethod<AssessmentDetail>()({
    input: assessmentsReReviewInput,
    access: 'risks.write',
    summary: '登记一次复评（跟踪中）',
  }),
  'assessments.setEmergencyPlan': defineMethod<AssessmentDetail>()({
    input: assessmentsEmergencyPlanInput,
    access: 'risks.write',
    summary: '登记或更换稳评的应急预案（摘要、制定日期、预案文件）',
  }),
  'assessments.reReviewsDue': defineMethod<Page<AssessmentRow>>()({
    input: z.object(pageFields).strict(),
    access: 'risks.read',
    summary: '临期和超期的复评，最早到期的在前',
  }),
  'assessments.figures': defineMethod<AssessmentFigures>()({
    input: figuresInput,
    access: 'risks.read',
    summary: '稳评按剩余风险等级、按决策结果的统计和评估建议采纳率',
  }),
  'assessments.figuresExport': defineMethod<ExportFile>()({
    input: figuresInput,
    access: 'risks.read',
    summary: '导出稳评统计为 Excel（各表含分子、分母、比率，标题行注明统计周期）',
  }),
};
