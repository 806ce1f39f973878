import { z } from 'zod';
import { isValidDate } from '../domain/ledger/calendar';
import { MEETING_LEVELS, type MeetingLevel } from '../domain/risks/meetings';
import { defineMethod, keywordField, pageFields, type Page } from './define';
import type { RiskTask } from './risk-tasks';

/** What a meeting may discuss: a hazard, a stability assessment or a petition case. */
export const MEETING_ITEM_KINDS = ['hazard', 'assessment', 'petition'] as const;
export type MeetingItemKind = (typeof MEETING_ITEM_KINDS)[number];

export const MEETING_ITEM_KIND_LABELS: Record<MeetingItemKind, string> = {
  hazard: '风险隐患',
  assessment: '稳评',
  petition: '信访积案',
};

/** A meeting (一评四会) in the list. */
export interface MeetingRow {
  id: string;
  meetingNo: string;
  level: MeetingLevel;
  heldOn: string;
  topic: string;
  chairedBy: string;
  townshipCode: string | null;
  townshipName: string | null;
  villageName: string | null;
  attendeeCount: number;
  itemCount: number;
  decisionCount: number;
  /** Decisions turned into assigned tasks. */
  assignedCount: number;
}

export interface MeetingAttendee {
  name: string;
  unit: string;
}

/** One item discussed, by its ledger number, with its title as the ledger shows it now. */
export interface MeetingItem {
  kind: MeetingItemKind;
  id: string;
  number: string;
  title: string;
}

export interface MeetingDecision {
  id: string;
  sort: number;
  content: string;
  decidedOn: string;
  /** The assigned task this decision became, or null while it is not assigned. */
  taskId: string | null;
}

export interface MeetingDetail extends MeetingRow {
  villageCode: string | null;
  location: string;
  summary: string;
  createdAt: string;
  attendees: MeetingAttendee[];
  items: MeetingItem[];
  decisions: MeetingDecision[];
  /** The tasks of the decisions (owner kind `meeting`), with their clocks and steps. */
  tasks: RiskTask[];
}

const id = z.uuid({ error: '编号格式不正确' });
const date = (label: string) => z.string().refine(isValidDate, { error: `“${label}”应为 YYYY-MM-DD 格式的真实日期` });
/** Free text checked by the domain (required or not), bounded here. */
const loose = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `内容不能超过 ${max} 个字` });
const regionCode = z.string().trim().max(15).nullable().default(null);

const attendeeInput = z
  .object({
    name: z.string().trim().min(1, { error: '请填写参会人员的“姓名”' }).max(50, { error: '“姓名”不能超过 50 个字' }),
    unit: loose(100).default(''),
  })
  .strict();

const itemInput = z
  .object({
    kind: z.enum(MEETING_ITEM_KINDS, { error: '研判事项应为风险隐患、稳评或信访积案' }),
    /** The ledger number: FX2026-000001, WP2026-0001, XF2026-000001. */
    number: z.string().trim().min(1, { error: '请填写研判事项的编号' }).max(30, { error: '编号不能超过 30 个字' }),
  })
  .strict();

/** A decision; `assign` turns it into a task for a unit with a deadline (交办) at once. */
const decisionFields = {
  content: loose(1000),
  assign: z.boolean().default(false),
  unitId: z.string().trim().max(64).nullable().default(null),
  dueDate: z.string().trim().max(10).nullable().default(null),
};

export const meetingsCreateInput = z
  .object({
    level: loose(10),
    heldOn: loose(10),
    topic: loose(200),
    chairedBy: loose(50),
    /** The township (乡镇级) or the village's township (村级); none for county and city meetings. */
    townshipCode: regionCode,
    villageCode: regionCode,
    location: loose(200).default(''),
    summary: loose(4000).default(''),
    attendees: z.array(attendeeInput).max(100, { error: '参会人员最多登记 100 名' }).default([]),
    items: z.array(itemInput).max(50, { error: '研判事项最多 50 项' }).default([]),
    decisions: z.array(z.object(decisionFields).strict()).max(50, { error: '议定事项最多 50 项' }).default([]),
  })
  .strict();

export const meetingsAddDecisionInput = z.object({ id, ...decisionFields }).strict();

export const meetingsAssignDecisionInput = z
  .object({
    decisionId: id,
    unitId: z.string().trim().max(64),
    dueDate: z.string().trim().max(10),
  })
  .strict();

export const meetingsListInput = z
  .object({
    keyword: keywordField,
    level: z.enum(MEETING_LEVELS).optional(),
    townshipCode: z
      .string()
      .regex(/^\d{9}000$/, { error: '乡镇/街道应为 12 位区划代码' })
      .optional(),
    heldFrom: date('会议日期起').optional(),
    heldTo: date('会议日期止').optional(),
    /** Meetings that discussed this item. */
    itemKind: z.enum(MEETING_ITEM_KINDS).optional(),
    itemId: id.optional(),
    ...pageFields,
  })
  .strict();

export const meetingsContract = {
  'meetings.list': defineMethod<Page<MeetingRow>>()({
    input: meetingsListInput,
    access: 'risks.read',
    summary: '分页查询会商研判会议（一评四会）',
  }),
  'meetings.get': defineMethod<MeetingDetail>()({
    input: z.object({ id }).strict(),
    access: 'risks.read',
    summary: '查询一次会议：参会人员、研判事项、议定事项及其交办任务',
  }),
  'meetings.create': defineMethod<MeetingDetail>()({
    input: meetingsCreateInput,
    access: 'risks.write',
    summary: '记录一次会商研判会议（村、乡镇、县、市四级）',
  }),
  'meetings.addDecision': defineMethod<MeetingDetail>()({
    input: meetingsAddDecisionInput,
    access: 'risks.write',
    summary: '为会议增加一项议定事项（可同时交办）',
  }),
  'meetings.assignDecision': defineMethod<MeetingDetail>()({
    input: meetingsAssignDecisionInput,
    access: 'risks.write',
    summary: '将议定事项交办给责任单位并限期办理',
  }),
};
