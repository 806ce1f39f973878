import { versionField, voidedFilter, voidInput, type LedgerRecordFields } from './ledger';
import { z } from 'zod';
import type { MetricResult } from '../domain/ledger/figures';
import { isValidDate } from '../domain/ledger/calendar';
import { COORDINATE_SYSTEMS } from '../domain/geo/crs';
import { HAZARD_LEVELS, type HazardLevel } from '../domain/risks/hazard-levels';
import { HAZARD_SOURCES, type HazardSource } from '../domain/risks/hazard-record';
import {
  HAZARD_ACTIONS,
  HAZARD_NOTE_KINDS,
  HAZARD_STATUSES,
  type HazardAction,
  type HazardNoteKind,
  type HazardStatus,
  type HazardTrend,
} from '../domain/risks/hazard-statuses';
import {
  HAZARD_BREAKDOWN_CODES,
  HAZARD_FIGURE_CODES,
  type HazardBreakdownCode,
  type HazardFigureCode,
} from '../domain/risks/figures';
import type { PetitionStatus } from '../domain/petitions/statuses';
import type { ExportFile } from './audit';
import { defineMethod, figuresInput, keywordField, pageFields, type Page } from './define';
import type { FigurePeriod } from '../domain/ledger/figure-period';
import { PHONE_PATTERN } from './petitions';
import type { RiskTask } from './risk-tasks';

export interface HazardRow {
  id: string;
  hazardNo: string;
  title: string;
  category: string;
  source: HazardSource;
  level: HazardLevel;
  status: HazardStatus;
  foundOn: string;
  townshipCode: string;
  townshipName: string;
  villageName: string | null;
  peopleInvolved: number | null;
  leaderId: string | null;
  leaderName: string | null;
  responsibleName: string | null;
  updatedAt: string;
}

/** A person involved as details show them: masked (names and phones are personal data). */
export interface HazardPersonMasked {
  id: string;
  nameMasked: string;
  phoneMasked: string | null;
}

export interface HazardEvent {
  id: string;
  action: string;
  fromStatus: HazardStatus | null;
  toStatus: HazardStatus;
  note: string;
  byName: string;
  at: string;
}

export interface HazardLevelChange {
  id: string;
  fromLevel: HazardLevel;
  toLevel: HazardLevel;
  changedOn: string;
  reason: string;
  byName: string;
  at: string;
}

export interface HazardNote {
  id: string;
  kind: HazardNoteKind;
  notedOn: string;
  content: string;
  trend: HazardTrend | null;
  suggestedLevel: HazardLevel | null;
  byName: string;
  at: string;
}

export interface LinkedPetition {
  id: string;
  caseNo: string;
  summary: string;
  status: PetitionStatus;
}

export interface HazardDetail extends HazardRow, LedgerRecordFields {
  description: string;
  villageCode: string | null;
  gridCode: string | null;
  gridName: string | null;
  lng: number | null;
  lat: number | null;
  responsibleId: string | null;
  plan: string;
  measures: string;
  outcome: string | null;
  levelChangedOn: string;
  resolvedOn: string | null;
  closedOn: string | null;
  createdAt: string;
  allowedActions: HazardAction[];
  people: HazardPersonMasked[];
  events: HazardEvent[];
  levelHistory: HazardLevelChange[];
  notes: HazardNote[];
  tasks: RiskTask[];
  linkedPetitions: LinkedPetition[];
  /** Ids of linked stability assessments (their ledger shows the titles). */
  linkedAssessmentIds: string[];
}

/** A hazard linked to a petition case, as the petition's detail lists it. */
export interface LinkedHazard {
  id: string;
  hazardNo: string;
  title: string;
  level: HazardLevel;
  status: HazardStatus;
}

const id = z.uuid({ error: '编号格式不正确' });
const date = (label: string) => z.string().refine(isValidDate, { error: `“${label}”应为 YYYY-MM-DD 格式的真实日期` });
/** Free text checked by the domain (required or not), bounded here. */
const loose = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `内容不能超过 ${max} 个字` });
const optionalText = z.string().trim().max(2000).nullable().optional();
const regionCode = z.string().trim().max(15).nullable().default(null);
const coordinate = z.number().nullable().default(null);

const personInput = z
  .object({
    name: z.string().trim().min(1, { error: '请填写涉及人员的“姓名”' }).max(50, { error: '“姓名”不能超过 50 个字' }),
    phone: z
      .string()
      .trim()
      .regex(PHONE_PATTERN, { error: '电话应为 11 位手机号或带区号的固话' })
      .nullable()
      .default(null),
  })
  .strict();

const descriptiveFields = {
  title: loose(200),
  category: loose(50),
  source: z.enum(HAZARD_SOURCES).default('grid'),
  description: loose(4000).default(''),
  foundOn: loose(10),
  townshipCode: loose(12),
  villageCode: regionCode,
  gridCode: regionCode,
  lng: coordinate,
  lat: coordinate,
  /** The system the point was taken in (GPS / 高德 …); absent, the boundary file's. Not stored: the point is kept in the boundary's. */
  pointCrs: z.enum(COORDINATE_SYSTEMS).optional(),
  peopleInvolved: z.number().int().nullable().default(null),
  people: z.array(personInput).max(50, { error: '涉及人员最多登记 50 名' }).default([]),
};

export const hazardsCreateInput = z.object({ ...descriptiveFields, level: loose(10) }).strict();

export const hazardsUpdateInput = z
  .object({
    id,
    version: versionField,
    ...descriptiveFields,
    /** Absent: the people stay as they are (the drawer shows them masked and cannot send them back). */
    people: descriptiveFields.people.removeDefault().optional(),
    plan: loose(4000).default(''),
    measures: loose(4000).default(''),
  })
  .strict();

export const hazardsTransitionInput = z
  .object({
    id,
    version: versionField.optional(),
    action: z.enum(HAZARD_ACTIONS),
    responsibleLeaderId: id.nullable().optional(),
    responsiblePersonId: id.nullable().optional(),
    measures: optionalText,
    plan: optionalText,
    outcome: optionalText,
    evidence: optionalText,
    reason: optionalText,
    /** 化解 and 销号: the day it happened (default today), never before the previous step nor after today. */
    happenedOn: optionalText,
  })
  .strict();

export const hazardsChangeLevelInput = z
  .object({
    id,
    version: versionField.optional(),
    level: loose(10),
    reason: loose(500),
    changedOn: loose(10),
    plan: optionalText,
    /** Turning red names the 包保领导 when the hazard has none yet (or another one); absent, it stays. */
    responsibleLeaderId: id.nullable().optional(),
  })
  .strict();

export const hazardsAddNoteInput = z
  .object({
    id,
    kind: z.enum(HAZARD_NOTE_KINDS).default('analysis'),
    notedOn: loose(10),
    content: loose(2000),
    trend: z.string().trim().max(10).nullable().default(null),
    suggestedLevel: z.string().trim().max(10).nullable().default(null),
  })
  .strict();

export const HAZARD_LINK_KINDS = ['petition', 'assessment'] as const;
export const hazardsLinkInput = z.object({ id, targetKind: z.enum(HAZARD_LINK_KINDS), targetId: id }).strict();

export const HAZARD_SORTS = ['foundOn', 'level', 'hazardNo', 'updatedAt'] as const;
export type HazardSort = (typeof HAZARD_SORTS)[number];

/** The figures a list can be filtered to: the hazard figures, their breakdowns, the hazards' overdue measures. */
export const HAZARD_FIGURE_FILTERS = [...HAZARD_FIGURE_CODES, ...HAZARD_BREAKDOWN_CODES, 'overdue_measures'] as const;
export type HazardFigureFilter = (typeof HAZARD_FIGURE_FILTERS)[number];

export const hazardsListInput = z
  .object({
    keyword: keywordField,
    /** Voided records are left out unless asked for (已作废). */
    voided: voidedFilter,
    townshipCode: z
      .string()
      .regex(/^\d{9}000$/, { error: '乡镇/街道应为 12 位区划代码' })
      .optional(),
    category: z.string().max(50).optional(),
    level: z.enum(HAZARD_LEVELS).optional(),
    status: z.enum(HAZARD_STATUSES).optional(),
    /** Found or resolving (the board's 在办). */
    open: z.boolean().optional(),
    leaderId: id.optional(),
    foundFrom: date('发现日期起').optional(),
    foundTo: date('发现日期止').optional(),
    /** The hazards behind one figure (a breakdown row when `figureKey` names it): numerator or denominator. */
    figure: z.enum(HAZARD_FIGURE_FILTERS).optional(),
    figureKey: z.string().max(20).optional(),
    figurePart: z.enum(['numerator', 'denominator']).optional(),
    sort: z.enum(HAZARD_SORTS).default('foundOn'),
    direction: z.enum(['asc', 'desc']).default('desc'),
    ...pageFields,
  })
  .strict();

export interface HazardBreakdownRow extends MetricResult {
  key: string;
  label: string;
}

/** One month of a period: the hazards found and resolved in it, and 隐患化解率 of those found in it. */
export interface HazardMonth extends FigurePeriod {
  month: string;
  found: number;
  resolved: number;
  resolution: MetricResult;
}

export interface HazardFigures {
  today: string;
  /** The period counted (hazards found in it); null: every hazard. */
  period: FigurePeriod | null;
  /** 隐患化解率 per category (the denominator: the category's hazards). */
  byCategory: HazardBreakdownRow[];
  /** The period's months (without a period, the last 12), each cut to the period. */
  monthly: HazardMonth[];
  definitions: Array<{ code: string; name: string; numeratorLabel: string; denominatorLabel: string }>;
  figures: Record<HazardFigureCode, MetricResult>;
  breakdowns: Record<HazardBreakdownCode, HazardBreakdownRow[]>;
  /**
   * 超期化解措施 over the hazards' own measures, and the hazards those measures belong to (what a
   * click opens: the list shows hazards, and one hazard may have several overdue measures).
   */
  overdueMeasures: { measures: MetricResult; hazards: { numerator: number; denominator: number } };
}

export const hazardsContract = {
  'hazards.list': defineMethod<Page<HazardRow>>()({
    input: hazardsListInput,
    access: 'risks.read',
    summary: '分页查询风险隐患',
  }),
  'hazards.get': defineMethod<HazardDetail>()({
    input: z.object({ id }).strict(),
    access: 'risks.read',
    summary: '查询一条风险隐患的详情、等级变化、研判记录、措施和关联事项',
  }),
  'hazards.create': defineMethod<HazardDetail>()({
    input: hazardsCreateInput,
    access: 'risks.write',
    summary: '登记风险隐患',
  }),
  'hazards.update': defineMethod<HazardDetail>()({
    input: hazardsUpdateInput,
    access: 'risks.write',
    summary: '更正风险隐患的描述信息（须带所读版本，逐项记入时间线）',
  }),
  'hazards.void': defineMethod<HazardDetail>()({
    input: voidInput,
    access: 'records.void',
    summary: '作废误录的风险隐患（注明原因；不删除，可恢复）',
  }),
  'hazards.restore': defineMethod<HazardDetail>()({
    input: voidInput,
    access: 'records.void',
    summary: '恢复已作废的风险隐患（注明原因）',
  }),
  // One method for every action; the service checks risks.write, or risks.closeOut for 销号.
  'hazards.transition': defineMethod<HazardDetail>()({
    input: hazardsTransitionInput,
    access: 'risks.read',
    summary: '办理一步：开始化解、确认化解、销号、退回、重新化解',
  }),
  'hazards.changeLevel': defineMethod<HazardDetail>()({
    input: hazardsChangeLevelInput,
    access: 'risks.write',
    summary: '调整风险等级（注明原因，记入等级变化）',
  }),
  'hazards.addNote': defineMethod<HazardDetail>()({
    input: hazardsAddNoteInput,
    access: 'risks.write',
    summary: '记录研判意见或动向',
  }),
  'hazards.link': defineMethod<HazardDetail>()({
    input: hazardsLinkInput,
    access: 'risks.write',
    summary: '关联信访积案或稳评',
  }),
  'hazards.unlink': defineMethod<HazardDetail>()({
    input: hazardsLinkInput,
    access: 'risks.write',
    summary: '取消关联',
  }),
  'hazards.linkedToPetition': defineMethod<LinkedHazard[]>()({
    input: z.object({ petitionId: id }).strict(),
    access: 'risks.read',
    summary: '查询与一件信访积案关联的风险隐患',
  }),
  'hazards.figures': defineMethod<HazardFigures>()({
    input: figuresInput,
    access: 'risks.read',
    summary: '在办隐患（按颜色、按乡镇）、隐患化解率与超期化解措施',
  }),
  'hazards.figuresExport': defineMethod<ExportFile>()({
    input: figuresInput,
    access: 'risks.read',
    summary: '导出隐患统计为 Excel（各表含分子、分母、比率，标题行注明统计周期）',
  }),
};
