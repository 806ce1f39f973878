/**
 * A dispute as taken in at the centre's one window (一站式受理): how it came, who the parties are,
 * what kind of matter it is, where, how many people and how much money, how urgent and how risky.
 * Categories are the editable `dispute_category` dictionary, seeded with the 15 commonly counted.
 */
import { isBlank, type FieldProblem } from '../ledger/state-machine';
import { dateProblem, todayBound } from '../ledger/dates';
import { checkIdNumber } from '../id-number';
import { choiceProblem, compact, isCount } from '../risks/fields';

export const DISPUTE_CHANNELS = [
  'visit',
  'phone',
  'letter',
  'grid',
  'hotline_12345',
  'police_110',
  'higher',
  'other',
] as const;
export type DisputeChannel = (typeof DISPUTE_CHANNELS)[number];

export const DISPUTE_CHANNEL_LABELS: Record<DisputeChannel, string> = {
  visit: '来访',
  phone: '来电',
  letter: '来信',
  grid: '网格员上报',
  hotline_12345: '12345 转办',
  police_110: '110 警情转办',
  higher: '上级交办',
  other: '其他',
};

/** The seed of the `dispute_category` dictionary (code, label): the types monthly statistics count. */
export const DISPUTE_CATEGORY_SEED: ReadonlyArray<readonly [string, string]> = [
  ['marriage_family', '婚姻家庭'],
  ['neighbour', '邻里'],
  ['housing_land', '房屋宅基地'],
  ['contract', '合同'],
  ['business', '生产经营'],
  ['damages', '损害赔偿'],
  ['forest_land', '山林土地'],
  ['land_requisition', '征地拆迁'],
  ['environment', '环境污染'],
  ['labour', '劳动争议'],
  ['consumer', '消费'],
  ['medical', '医疗'],
  ['traffic', '道路交通事故'],
  ['property_management', '物业'],
  ['other', '其他'],
];

export const DISPUTE_URGENCIES = ['normal', 'urgent', 'critical'] as const;
export type DisputeUrgency = (typeof DISPUTE_URGENCIES)[number];
export const DISPUTE_URGENCY_LABELS: Record<DisputeUrgency, string> = {
  normal: '一般',
  urgent: '紧急',
  critical: '特急',
};

/** The risk colour, as the hazards' (红 the most serious). */
export const DISPUTE_RISK_COLOURS = ['red', 'orange', 'yellow', 'blue'] as const;
export type DisputeRiskColour = (typeof DISPUTE_RISK_COLOURS)[number];
export const DISPUTE_RISK_COLOUR_LABELS: Record<DisputeRiskColour, string> = {
  red: '红色',
  orange: '橙色',
  yellow: '黄色',
  blue: '蓝色',
};

export const PARTY_KINDS = ['person', 'organisation'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];
export const PARTY_KIND_LABELS: Record<PartyKind, string> = { person: '个人', organisation: '单位' };

export const PARTY_SIDES = ['applicant', 'respondent'] as const;
export type PartySide = (typeof PARTY_SIDES)[number];
export const PARTY_SIDE_LABELS: Record<PartySide, string> = { applicant: '申请方', respondent: '被申请方' };

export interface PartyDraft {
  kind?: string | null;
  side?: string | null;
  name?: string | null;
  idNumber?: string | null;
  phone?: string | null;
}

export interface DisputeDraft {
  channel?: string | null;
  category?: string | null;
  summary?: string | null;
  receivedOn?: string | null;
  townshipCode?: string | null;
  urgency?: string | null;
  riskColour?: string | null;
  peopleInvolved?: number | null;
  /** Yuan, whole. */
  amountInvolved?: number | null;
  /** Absent on a correction. */
  parties?: readonly PartyDraft[];
}

export const DISPUTE_FIELD_LABELS = {
  channel: '受理渠道',
  category: '纠纷类别',
  summary: '纠纷概要',
  receivedOn: '受理日期',
  townshipCode: '乡镇/街道',
  villageCode: '村/社区',
  gridCode: '网格',
  urgency: '紧急程度',
  riskColour: '风险等级',
  peopleInvolved: '涉及人数',
  amountInvolved: '涉及金额（元）',
  parties: '当事人',
} as const;

/** Everything wrong with one party: a name; a person's ID number, when given, must be a valid one. */
function partyProblems(party: PartyDraft, index: number): FieldProblem[] {
  const at = (field: string) => `parties.${index}.${field}`;
  const problems: FieldProblem[] = [];
  if (isBlank(party.name)) problems.push({ path: at('name'), message: `请填写第 ${index + 1} 位当事人的“名称”` });
  const kind = choiceProblem(at('kind'), '当事人类型', party.kind, PARTY_KINDS, PARTY_KIND_LABELS);
  if (kind) problems.push(kind);
  const side = choiceProblem(at('side'), '当事人身份', party.side, PARTY_SIDES, PARTY_SIDE_LABELS);
  if (side) problems.push(side);
  if (party.kind === 'organisation' && !isBlank(party.idNumber)) {
    problems.push({ path: at('idNumber'), message: '单位当事人不填身份证号，请清空' });
  }
  const idProblem = party.kind !== 'organisation' && !isBlank(party.idNumber) && checkIdNumber(party.idNumber!).problem;
  if (idProblem) problems.push({ path: at('idNumber'), message: `第 ${index + 1} 位当事人的${idProblem}` });
  return problems;
}

/** Everything wrong with a dispute as taken in or corrected (references are the backend's). */
export function disputeDraftProblems(draft: DisputeDraft, today?: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (isBlank(draft.channel)) problems.push({ path: 'channel', message: '请选择“受理渠道”' });
  if (isBlank(draft.category)) problems.push({ path: 'category', message: '请选择“纠纷类别”' });
  if (isBlank(draft.summary)) problems.push({ path: 'summary', message: '请填写“纠纷概要”' });
  if (isBlank(draft.receivedOn)) problems.push({ path: 'receivedOn', message: '请填写“受理日期”' });
  if (isBlank(draft.townshipCode)) problems.push({ path: 'townshipCode', message: '请选择“乡镇/街道”' });
  problems.push(
    ...compact([
      choiceProblem('channel', '受理渠道', draft.channel, DISPUTE_CHANNELS, DISPUTE_CHANNEL_LABELS),
      choiceProblem('urgency', '紧急程度', draft.urgency, DISPUTE_URGENCIES, DISPUTE_URGENCY_LABELS),
      choiceProblem('riskColour', '风险等级', draft.riskColour, DISPUTE_RISK_COLOURS, DISPUTE_RISK_COLOUR_LABELS),
      dateProblem('receivedOn', '受理日期', draft.receivedOn, { notAfter: todayBound(today) }),
    ]),
  );
  if (draft.peopleInvolved != null && !isCount(draft.peopleInvolved)) {
    problems.push({ path: 'peopleInvolved', message: '“涉及人数”应为不小于 0 的整数' });
  }
  if (draft.amountInvolved != null && !isCount(draft.amountInvolved)) {
    problems.push({ path: 'amountInvolved', message: '“涉及金额（元）”应为不小于 0 的整数' });
  }
  // A correction leaves the parties as they are: only an intake names them.
  if (draft.parties === undefined) return problems;
  if (draft.parties.length === 0) problems.push({ path: 'parties', message: '请至少登记一位“当事人”' });
  draft.parties.forEach((party, index) => problems.push(...partyProblems(party, index)));
  return problems;
}
