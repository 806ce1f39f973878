import { z } from 'zod';
import type { MetricResult } from '../domain/ledger/figures';
import {
  COORDINATIONS,
  HANDLING_KINDS,
  LEGAL_PATHS,
  type Coordination,
  type HandlingKind,
  type LegalPath,
} from '../domain/disputes/handling';
import {
  DISPUTE_CHANNELS,
  DISPUTE_RISK_COLOURS,
  DISPUTE_URGENCIES,
  PARTY_KINDS,
  PARTY_SIDES,
  type DisputeChannel,
  type DisputeRiskColour,
  type DisputeUrgency,
  type PartyKind,
  type PartySide,
} from '../domain/disputes/intake';
import { DISPUTE_LEVELS, type DisputeLevel, type TransferDirection } from '../domain/disputes/levels';
import {
  DISPUTE_ACTIONS,
  DISPUTE_STATUSES,
  type ConversionTarget,
  type DisputeAction,
  type DisputeResult,
  type DisputeStatus,
  type Satisfaction,
} from '../domain/disputes/statuses';
import { DISPUTE_FIGURE_CODES, type DisputeBreakdown, type DisputeFigureCode } from '../domain/disputes/figures';
import { DEADLINE_STAGES, type DeadlineStage } from '../domain/ledger/deadlines';
import { dateField, defineMethod, figuresInput, keywordField, pageFields, type Page } from './define';
import { versionField, voidedFilter, voidInput, type LedgerRecordFields } from './ledger';
import { PHONE_PATTERN } from './petitions';
import { PETITION_ITEM_TYPES } from '../domain/petitions/classification';
import { HAZARD_LEVELS } from '../domain/risks/hazard-levels';

export interface DisputeRow {
  id: string;
  disputeNo: string;
  channel: DisputeChannel;
  category: string;
  categoryLabel: string;
  summary: string;
  receivedOn: string;
  townshipCode: string;
  townshipName: string;
  villageName: string | null;
  level: DisputeLevel;
  urgency: DisputeUrgency;
  riskColour: DisputeRiskColour;
  status: DisputeStatus;
  result: DisputeResult | null;
  handlingKind: HandlingKind | null;
  unitId: string | null;
  unitName: string | null;
  dueDate: string | null;
  /** The 办理时限's deadline stage: none before 分流, 已办结 after a result. */
  stage: DeadlineStage | null;
  updatedAt: string;
}

/** A party as details show it: a person's name, ID number and phone masked. */
export interface DisputePartyMasked {
  id: string;
  kind: PartyKind;
  side: PartySide;
  nameMasked: string;
  idNumberMasked: string | null;
  phoneMasked: string | null;
}

export interface DisputeEvent {
  id: string;
  action: string;
  fromStatus: DisputeStatus | null;
  toStatus: DisputeStatus;
  note: string;
  unitName: string | null;
  byName: string;
  at: string;
}

export interface DisputeTransfer {
  id: string;
  fromLevel: DisputeLevel;
  toLevel: DisputeLevel;
  direction: TransferDirection;
  reason: string;
  byName: string;
  at: string;
}

/** Another dispute found at intake: the same party (by ID number) or the same matter still open. */
export interface RelatedDispute {
  id: string;
  disputeNo: string;
  summary: string;
  status: DisputeStatus;
  reason: 'same_party' | 'same_matter';
}

export interface DisputeDetail extends DisputeRow, LedgerRecordFields {
  villageCode: string | null;
  gridCode: string | null;
  gridName: string | null;
  peopleInvolved: number | null;
  amountInvolved: number | null;
  escalated: boolean;
  legalPath: LegalPath | null;
  coordination: Coordination | null;
  coUnits: Array<{ id: string; name: string }>;
  mediator: string | null;
  agreement: string | null;
  /** The 调解协议书 a settlement attached (an attachment of the dispute). */
  agreementFile: { id: string; fileName: string } | null;
  judicialConfirmation: boolean | null;
  convertedTo: ConversionTarget | null;
  preventedCriminal: boolean;
  preventedCriminalPeople: number;
  preventedCollective: boolean;
  satisfaction: Satisfaction | null;
  visitNote: string | null;
  routedOn: string | null;
  resultOn: string | null;
  visitedOn: string | null;
  closedOn: string | null;
  createdAt: string;
  allowedActions: DisputeAction[];
  parties: DisputePartyMasked[];
  events: DisputeEvent[];
  transfers: DisputeTransfer[];
  related: RelatedDispute[];
}

const id = z.uuid({ error: '编号格式不正确' });
/** Free text checked by the domain (required or not), bounded here. */
const loose = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `内容不能超过 ${max} 个字` });
const optionalText = z.string().trim().max(2000).nullable().optional();
const regionCode = z.string().trim().max(15).nullable().default(null);
const count = (label: string) =>
  z
    .number({ error: `“${label}”应为整数` })
    .int({ error: `“${label}”应为整数` })
    .nullable()
    .default(null);

const partyInput = z
  .object({
    kind: z.enum(PARTY_KINDS).default('person'),
    side: z.enum(PARTY_SIDES).default('applicant'),
    name: z.string().trim().min(1, { error: '请填写当事人的“名称”' }).max(100, { error: '“名称”不能超过 100 个字' }),
    idNumber: z.string().trim().max(18).nullable().default(null),
    phone: z
      .string()
      .trim()
      .regex(PHONE_PATTERN, { error: '电话应为 11 位手机号或带区号的固话' })
      .nullable()
      .default(null),
  })
  .strict();

const descriptiveFields = {
  channel: z.enum(DISPUTE_CHANNELS, { error: '请选择“受理渠道”' }),
  category: loose(50),
  summary: loose(4000),
  receivedOn: loose(10),
  townshipCode: loose(12),
  villageCode: regionCode,
  gridCode: regionCode,
  peopleInvolved: count('涉及人数'),
  amountInvolved: count('涉及金额'),
  urgency: z.enum(DISPUTE_URGENCIES).default('normal'),
  riskColour: z.enum(DISPUTE_RISK_COLOURS).default('blue'),
};

export const disputesCreateInput = z
  .object({
    ...descriptiveFields,
    /** The level the dispute is taken in at; the centre's own by default. */
    level: z.enum(DISPUTE_LEVELS).default('county'),
    parties: z.array(partyInput).max(50, { error: '当事人最多登记 50 位' }).default([]),
  })
  .strict();

/** A correction of the intake's fields (not the parties: the drawer shows them masked). */
export const disputesUpdateInput = z.object({ id, version: versionField, ...descriptiveFields }).strict();

/**
 * 转为信访事项 / 风险隐患: the new record is prefilled from the dispute; these are what cannot be
 * (a petition's 问题分类 and 信访事项类型, a hazard's title, 隐患类别 and colour).
 */
export const conversionInput = z
  .object({
    category: z.string().trim().max(50).nullable().default(null),
    itemType: z.enum(PETITION_ITEM_TYPES).nullable().default(null),
    title: z.string().trim().max(200).nullable().default(null),
    level: z.enum(HAZARD_LEVELS).nullable().default(null),
  })
  .strict();

export const disputesTransitionInput = z
  .object({
    id,
    version: versionField.optional(),
    action: z.enum(DISPUTE_ACTIONS),
    handlingKind: z.enum(HANDLING_KINDS).nullable().optional(),
    unitId: id.nullable().optional(),
    legalPath: z.enum(LEGAL_PATHS).nullable().optional(),
    coordination: z.enum(COORDINATIONS).nullable().optional(),
    coUnitIds: z.array(id).max(10, { error: '协同单位最多 10 个' }).optional(),
    mediator: z.string().trim().max(50).nullable().optional(),
    agreement: optionalText,
    agreementAttachmentId: id.nullable().optional(),
    judicialConfirmation: z.enum(['yes', 'no']).nullable().optional(),
    preventedCriminal: z.boolean().optional(),
    preventedCriminalPeople: z.number().int().min(0, { error: '“防止民转刑人数”不能小于 0' }).max(100_000).optional(),
    preventedCollective: z.boolean().optional(),
    convertedTo: z.enum(['petition', 'hazard']).nullable().optional(),
    /** 转出: what the new record needs beyond what the dispute gives it. */
    conversion: conversionInput.optional(),
    satisfaction: z.enum(['satisfied', 'basically_satisfied', 'unsatisfied']).nullable().optional(),
    visitNote: optionalText,
    reason: optionalText,
    /** The day the step happened (default today): 分流, a result, 回访 and 销号. */
    happenedOn: optionalText,
  })
  .strict();

export const disputesTransferInput = z
  .object({
    id,
    version: versionField,
    toLevel: z.enum(DISPUTE_LEVELS, { error: '请选择“移交层级”' }),
    reason: loose(500),
  })
  .strict();

export const DISPUTE_SORTS = ['receivedOn', 'dueDate', 'disputeNo', 'updatedAt'] as const;

export const disputesListInput = z
  .object({
    keyword: keywordField,
    voided: voidedFilter,
    townshipCode: z
      .string()
      .regex(/^\d{9}000$/, { error: '乡镇/街道应为 12 位区划代码' })
      .optional(),
    category: z.string().max(50).optional(),
    channel: z.enum(DISPUTE_CHANNELS).optional(),
    status: z.enum(DISPUTE_STATUSES).optional(),
    level: z.enum(DISPUTE_LEVELS).optional(),
    unitId: id.optional(),
    /** Before a result (受理, 分流, 调处). */
    open: z.boolean().optional(),
    /** Past the time limit and still open. */
    overdue: z.boolean().optional(),
    /** The supervision queue (督办): routed or being handled, 临期 or 超期. */
    supervision: z.boolean().optional(),
    /** A result recorded, awaiting 回访. */
    toVisit: z.boolean().optional(),
    /** The 办理时限's deadline stage. */
    stage: z.enum(DEADLINE_STAGES).optional(),
    receivedFrom: dateField('受理日期起').optional(),
    receivedTo: dateField('受理日期止').optional(),
    /** The disputes behind one figure: its numerator or its denominator. */
    figure: z.enum(DISPUTE_FIGURE_CODES).optional(),
    figurePart: z.enum(['numerator', 'denominator']).optional(),
    sort: z.enum(DISPUTE_SORTS).default('receivedOn'),
    direction: z.enum(['asc', 'desc']).default('desc'),
    ...pageFields,
  })
  .strict();

/** The disputes received (受理) in the period, or all of them. */
export const disputesFiguresInput = figuresInput;

export interface DisputeFigureSet {
  /** 受理数 is every figure's whole; 化解数 the resolution rate's numerator. */
  figures: Record<DisputeFigureCode, MetricResult>;
  /** 防止民转刑 in persons. */
  preventedCriminalPeople: number;
}

export interface DisputeBreakdownRow extends DisputeFigureSet {
  key: string;
  label: string;
}

export interface DisputeFigures extends DisputeFigureSet {
  today: string;
  definitions: Array<{ code: DisputeFigureCode; name: string; numeratorLabel: string; denominatorLabel: string }>;
  breakdowns: Record<DisputeBreakdown, DisputeBreakdownRow[]>;
}

export const disputesContract = {
  'disputes.list': defineMethod<Page<DisputeRow>>()({
    input: disputesListInput,
    access: 'disputes.read',
    summary: '分页查询矛盾纠纷',
  }),
  'disputes.get': defineMethod<DisputeDetail>()({
    input: z.object({ id }).strict(),
    access: 'disputes.read',
    summary: '查询一件矛盾纠纷的详情、办理记录、层级移交和关联纠纷',
  }),
  'disputes.create': defineMethod<DisputeDetail>()({
    input: disputesCreateInput,
    access: 'disputes.write',
    summary: '受理矛盾纠纷（一案一码；同一当事人或同一事项在办的，自动关联）',
  }),
  'disputes.update': defineMethod<DisputeDetail>()({
    input: disputesUpdateInput,
    access: 'disputes.write',
    summary: '更正矛盾纠纷的受理信息（须带所读版本，逐项记入时间线）',
  }),
  'disputes.void': defineMethod<DisputeDetail>()({
    input: voidInput,
    access: 'records.void',
    summary: '作废误录的矛盾纠纷（注明原因；不删除，可恢复）',
  }),
  'disputes.restore': defineMethod<DisputeDetail>()({
    input: voidInput,
    access: 'records.void',
    summary: '恢复已作废的矛盾纠纷（注明原因）',
  }),
  // One method for every step; the service checks disputes.write, or disputes.closeOut for 销号.
  'disputes.transition': defineMethod<DisputeDetail>()({
    input: disputesTransitionInput,
    access: 'disputes.read',
    summary: '办理一步：分流、引导、调处、结果、回访、销号',
  }),
  'disputes.transfer': defineMethod<DisputeDetail>()({
    input: disputesTransferInput,
    access: 'disputes.write',
    summary: '上交或下交到另一层级（注明原因）',
  }),
  'disputes.figures': defineMethod<DisputeFigures>()({
    input: disputesFiguresInput,
    access: 'disputes.read',
    summary: '受理数、化解率、办结率、回访满意率、上交率、防止民转刑和群体性上访，按层级、类别、乡镇、单位',
  }),
};
