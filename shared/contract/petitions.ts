import { versionField, voidedFilter, voidInput, type LedgerRecordFields } from './ledger';
import { z } from 'zod';
import { checkIdNumber, petitionerOrdinal } from '../domain/id-number';
import {
  PETITION_ITEM_TYPES,
  PETITION_LEVELS,
  type PetitionItemType,
  type PetitionLevel,
} from '../domain/petitions/classification';
import { PETITION_METRIC_CODES, type PetitionMetricCode } from '../domain/petitions/metrics';
import { type MetricResult } from '../domain/ledger/figures';
import { DEADLINE_STAGES, type DeadlineStage } from '../domain/ledger/deadlines';
import {
  PETITION_ACTIONS,
  PETITION_STATUSES,
  type PetitionAction,
  type PetitionStatus,
} from '../domain/petitions/statuses';
import { isValidDate } from '../domain/ledger/calendar';
import { REPLY_KINDS, type AppliedLimit, type ReplyKind } from '../domain/petitions/procedure';
import { CLOSE_OUT_ATTACHMENTS_MAX } from '../domain/attachments';
import type { ExportFile } from './audit';
import { defineMethod, figuresInput, keywordField, pageFields, type Page } from './define';
import type { FigurePeriod } from '../domain/ledger/figure-period';

/** A petitioner as lists and details show them: masked; full values only through personal.reveal. */
export interface PetitionerMasked {
  id: string;
  nameMasked: string;
  idNumberMasked: string | null;
  phoneMasked: string | null;
  addressMasked: string | null;
  isPrimary: boolean;
}

export interface PetitionRow {
  id: string;
  caseNo: string;
  itemType: PetitionItemType | null;
  category: string | null;
  townshipCode: string;
  townshipName: string;
  summary: string;
  receivedDate: string;
  petitionCount: number;
  highestLevel: PetitionLevel;
  status: PetitionStatus;
  handlingUnitId: string | null;
  handlingUnitName: string | null;
  leaderId: string | null;
  leaderName: string | null;
  dueDate: string | null;
  stage: DeadlineStage | null;
  /** The statutory date the case runs on now (Art. 22 before assignment, Art. 34 after), and its stage. */
  statutoryDueDate: string | null;
  statutoryStage: DeadlineStage | null;
  /** Masked names of the petitioners, primary first. */
  petitionerNames: string[];
  petitionerCount: number;
}

export interface PetitionEvent {
  id: string;
  kind: 'register' | 'transition' | 'repeat' | 'extension' | 'update';
  action: string | null;
  fromStatus: PetitionStatus | null;
  toStatus: PetitionStatus | null;
  unitId: string | null;
  unitName: string | null;
  reason: string;
  byName: string;
  at: string;
}

export interface PetitionDetail extends PetitionRow, LedgerRecordFields {
  firstPetitionDate: string;
  responsibleId: string | null;
  responsibleName: string | null;
  assignedDate: string | null;
  extension: { days: number; reason: string; approvedBy: string } | null;
  resolutionPlan: string;
  stabilityMeasures: string;
  outcome: string | null;
  resolvedDate: string | null;
  closedDate: string | null;
  /** The procedure: acceptance (or refusal), objection, the written reply, 复查 and 复核. */
  acceptedDate: string | null;
  refusedDate: string | null;
  objectionDate: string | null;
  replyDate: string | null;
  /** Null on imported history (the kind was not recorded). */
  replyKind: ReplyKind | null;
  reviewRequestedDate: string | null;
  reviewDecidedDate: string | null;
  reReviewRequestedDate: string | null;
  reReviewHearingDays: number | null;
  reReviewDecidedDate: string | null;
  /** Art. 34's date (extension included) for an accepted 申诉求决 item. */
  conclusionDueDate: string | null;
  /** A 不再受理 item: the final case on the same facts. */
  finalCase: { id: string; caseNo: string } | null;
  /** Each statutory limit that applies so far, with its stage today. */
  limits: PetitionLimit[];
  createdAt: string;
  updatedAt: string;
  petitioners: PetitionerMasked[];
  events: PetitionEvent[];
  progress: Array<{ id: string; date: string; content: string; byName: string; at: string }>;
  supervisions: Array<{ id: string; kind: SupervisionKind; reason: string; byName: string; at: string }>;
  closeOuts: Array<{ id: string; approvedByName: string; evidence: string; at: string }>;
}

/** A statutory limit applied to a case (procedure.ts `appliedLimits`) as the drawer shows it. */
export interface PetitionLimit extends AppliedLimit {
  /** The stage today while it runs (null for the petitioner's own windows and for met limits). */
  stage: DeadlineStage | null;
  /** Met after its due day. */
  late: boolean;
}

export const SUPERVISION_KINDS = ['interview', 'notice', 'listed'] as const;
export type SupervisionKind = (typeof SUPERVISION_KINDS)[number];
export const SUPERVISION_KIND_LABELS: Record<SupervisionKind, string> = {
  interview: '约谈',
  notice: '通报',
  listed: '挂牌督办',
};

const id = z.uuid({ error: '编号格式不正确' });
const date = (label: string) => z.string().refine(isValidDate, { error: `“${label}”应为 YYYY-MM-DD 格式的真实日期` });
const text = (label: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, { error: `请填写“${label}”` })
    .max(max, { error: `“${label}”不能超过 ${max} 个字` });
const townshipCode = z.string().regex(/^\d{9}000$/, { error: '乡镇/街道应为 12 位区划代码' });

export const PHONE_PATTERN = /^1\d{10}$|^0\d{2,3}-?\d{7,8}$/;

const petitionerInput = z
  .object({
    name: text('姓名', 50),
    // Stored as `checkIdNumber` reads it; refused, naming the petitioner, by `petitioners` below.
    idNumber: z
      .string()
      .trim()
      .max(30)
      .transform((v) => checkIdNumber(v).value)
      .nullable()
      .default(null),
    phone: z
      .string()
      .trim()
      .regex(PHONE_PATTERN, { error: '电话应为 11 位手机号或带区号的固话' })
      .nullable()
      .default(null),
    address: z.string().trim().max(200).nullable().default(null),
  })
  .strict();

/**
 * Each petitioner's ID number through `checkIdNumber` (GB 11643), a refusal naming the petitioner:
 * 「第 2 位信访人的身份证号校验位不正确，请核对」.
 */
function idNumberRule(petitioners: ReadonlyArray<{ idNumber?: unknown }>, ctx: z.RefinementCtx): void {
  // Run even on a malformed list (`when` below), so it may be anything at all.
  if (!Array.isArray(petitioners)) return;
  petitioners.forEach((petitioner: unknown, index) => {
    if (typeof petitioner !== 'object' || petitioner === null) return;
    const { idNumber } = petitioner as { idNumber?: unknown };
    const problem = typeof idNumber === 'string' ? checkIdNumber(idNumber).problem : null;
    if (problem)
      ctx.addIssue({ code: 'custom', path: [index, 'idNumber'], message: petitionerOrdinal(index) + problem });
  });
}

const descriptiveFields = {
  townshipCode,
  summary: text('诉求摘要', 2000),
  firstPetitionDate: date('首次信访日期'),
  receivedDate: date('受理日期'),
  highestLevel: z.enum(PETITION_LEVELS).default('county'),
  itemType: z.enum(PETITION_ITEM_TYPES).nullable().default(null),
  category: z.string().trim().min(1).max(50).nullable().default(null),
};

export const petitionsCreateInput = z
  .object({
    ...descriptiveFields,
    petitionCount: z.number().int().min(1).max(9999).default(1),
    petitioners: z
      .array(petitionerInput)
      .min(1, { error: '至少登记一名信访人' })
      .max(50, { error: '信访人不能超过 50 名' })
      // Checked even while another cell of the list is wrong, so the form marks every bad number at once.
      .superRefine(idNumberRule, { when: () => true }),
    /** The same petitioner's case is found: true registers a separate case anyway (a different demand). */
    separateCase: z.boolean().default(false),
  })
  .strict();

export const petitionsUpdateInput = z
  .object({
    id,
    version: versionField,
    ...descriptiveFields,
    responsibleId: id.nullable().default(null),
    resolutionPlan: z.string().trim().max(4000).default(''),
    stabilityMeasures: z.string().trim().max(4000).default(''),
  })
  .strict();

const optionalText = z.string().trim().max(2000).nullable().optional();

export const petitionsTransitionInput = z
  .object({
    id,
    version: versionField.optional(),
    action: z.enum(PETITION_ACTIONS),
    itemType: z.enum(PETITION_ITEM_TYPES).nullable().optional(),
    category: optionalText,
    handlingUnitId: id.nullable().optional(),
    responsibleLeaderId: id.nullable().optional(),
    dueDate: optionalText,
    reason: optionalText,
    progressNote: optionalText,
    /** 出具处理意见: 支持, 解释说明 or 不予支持. */
    replyKind: z.enum(REPLY_KINDS).nullable().optional(),
    /** 复核意见: days spent on a hearing (听证), not counted in the 30 days. */
    hearingDays: z.string().trim().max(3).nullable().optional(),
    outcome: optionalText,
    evidence: optionalText,
    /** The day a dated step happened (default today), never before the case's previous step nor after today. */
    happenedOn: optionalText,
    /** 销号 only: files already attached to the case that the close-out cites as evidence. */
    attachmentIds: z
      .array(id)
      .max(CLOSE_OUT_ATTACHMENTS_MAX, { error: `销号证据文件最多 ${CLOSE_OUT_ATTACHMENTS_MAX} 个` })
      .optional(),
  })
  .strict();

export const PETITION_SORTS = ['receivedDate', 'dueDate', 'caseNo', 'petitionCount'] as const;
export type PetitionSort = (typeof PETITION_SORTS)[number];

export const petitionsListInput = z
  .object({
    keyword: keywordField,
    /** Voided records are left out unless asked for (已作废). */
    voided: voidedFilter,
    townshipCode: townshipCode.optional(),
    category: z.string().max(50).optional(),
    itemType: z.enum(PETITION_ITEM_TYPES).optional(),
    status: z.enum(PETITION_STATUSES).optional(),
    stage: z.enum(DEADLINE_STAGES).optional(),
    handlingUnitId: id.optional(),
    leaderId: id.optional(),
    receivedFrom: date('受理日期起').optional(),
    receivedTo: date('受理日期止').optional(),
    /** Not yet assigned to a unit (the 未交办 row of the figures). */
    unassigned: z.boolean().optional(),
    /** The cases behind one figure: its numerator's, or its denominator's. */
    metric: z.enum(PETITION_METRIC_CODES).optional(),
    metricPart: z.enum(['numerator', 'denominator']).optional(),
    sort: z.enum(PETITION_SORTS).default('receivedDate'),
    direction: z.enum(['asc', 'desc']).default('desc'),
    ...pageFields,
  })
  .strict();

export interface SupervisionQueueItem extends PetitionRow {
  daysOverdue: number;
  reason: 'overdue' | 'due_soon' | 'escalated';
}

export interface FigureGroup {
  key: string;
  name: string;
  results: Record<PetitionMetricCode, MetricResult>;
}

/** One month of a period: the cases received and concluded (replied) in it, and the figures of those received. */
export interface PetitionMonth extends FigurePeriod {
  month: string;
  received: number;
  concluded: number;
  results: Record<PetitionMetricCode, MetricResult>;
}

export interface PetitionFigures {
  today: string;
  /** The period counted (cases received in it); null: every case. */
  period: FigurePeriod | null;
  metrics: Array<{ code: PetitionMetricCode; name: string; numeratorLabel: string; denominatorLabel: string }>;
  overall: Record<PetitionMetricCode, MetricResult>;
  byTownship: FigureGroup[];
  byUnit: FigureGroup[];
  byCategory: FigureGroup[];
  /** The period's months (without a period, the last 12), each cut to the period. */
  monthly: PetitionMonth[];
}

export const petitionsContract = {
  'petitions.list': defineMethod<Page<PetitionRow>>()({
    input: petitionsListInput,
    access: 'petitions.read',
    summary: '分页查询信访积案（信访人信息已脱敏）',
  }),
  'petitions.get': defineMethod<PetitionDetail>()({
    input: z.object({ id }).strict(),
    access: 'petitions.read',
    summary: '查询一件积案的详情与全部办理记录',
  }),
  'petitions.create': defineMethod<{ petition: PetitionDetail; linked: boolean }>()({
    input: petitionsCreateInput,
    access: 'petitions.write',
    summary: '登记积案；同一信访人已有积案时记为重复信访',
  }),
  'petitions.update': defineMethod<PetitionDetail>()({
    input: petitionsUpdateInput,
    access: 'petitions.write',
    summary: '更正积案的描述信息（须带所读版本，逐项记入时间线）',
  }),
  'petitions.void': defineMethod<PetitionDetail>()({
    input: voidInput,
    access: 'records.void',
    summary: '作废误录的积案（注明原因；不删除，可恢复）',
  }),
  'petitions.restore': defineMethod<PetitionDetail>()({
    input: voidInput,
    access: 'records.void',
    summary: '恢复已作废的积案（注明原因）',
  }),
  // One method for every action; the service checks petitions.write, or petitions.closeOut for 销号.
  'petitions.transition': defineMethod<PetitionDetail>()({
    input: petitionsTransitionInput,
    access: 'petitions.read',
    summary: '办理一步：分类、受理、交办、转办、异议、答复、复查、复核、化解、销号、退回、重新化解',
  }),
  'petitions.finalMatch': defineMethod<{ id: string; caseNo: string } | null>()({
    input: z
      .object({
        idNumber: z
          .string()
          .trim()
          .refine((value) => checkIdNumber(value).problem === null, { error: '身份证号不正确，请核对' })
          .transform((value) => checkIdNumber(value).value),
        category: z.string().trim().min(1).max(50),
      })
      .strict(),
    access: 'petitions.read',
    summary: '登记时查找同一信访人同一问题分类的已终结（复核后）事项：同一事实理由不再受理',
  }),
  'petitions.addProgress': defineMethod<PetitionDetail>()({
    input: z
      .object({
        id,
        version: versionField.optional(),
        date: date('进展日期').optional(),
        content: text('进展情况', 2000),
      })
      .strict(),
    access: 'petitions.write',
    summary: '记录化解进展（已交办的积案随之进入化解中）',
  }),
  'petitions.extend': defineMethod<PetitionDetail>()({
    input: z
      .object({
        id,
        version: versionField.optional(),
        days: z.number().int(),
        approvedBy: z.string().trim().max(50),
        reason: z.string().trim().max(500),
      })
      .strict(),
    access: 'petitions.write',
    summary: '延长申诉求决类事项的办理期限（一次，最多 30 日）',
  }),
  'petitions.supervise': defineMethod<PetitionDetail>()({
    input: z.object({ id, kind: z.enum(SUPERVISION_KINDS), reason: text('督办原因', 500) }).strict(),
    access: 'petitions.supervise',
    summary: '记录督办措施：约谈、通报、挂牌督办',
  }),
  'petitions.supervisionQueue': defineMethod<Page<SupervisionQueueItem>>()({
    input: z.object(pageFields).strict(),
    access: 'petitions.read',
    summary: '督办队列：超期、临期和越级的在办积案，按紧急程度排列',
  }),
  'petitions.figures': defineMethod<PetitionFigures>()({
    input: figuresInput,
    access: 'petitions.read',
    summary: '化解率、按期办结率、超期、重复信访等指标（按乡镇和承办单位）',
  }),
  'petitions.figuresExport': defineMethod<ExportFile>()({
    input: figuresInput,
    access: 'petitions.read',
    summary: '导出信访积案统计为 Excel（各表含分子、分母、比率，标题行注明统计周期）',
  }),
};

export type { PetitionAction };
