/**
 * The loop of a dispute: 受理 → 分流 (归口 to a mediation body or unit, or 引导 to court, arbitration or
 * review) → 调处 → 结果 (调解成功, 调解不成, 撤回, 转为信访事项或风险隐患) → 回访 → 销号.
 */
import { clockStage, type DeadlineStage } from '../ledger/deadlines';
import { defineStateMachine, type FieldInput, type FieldProblem } from '../ledger/state-machine';
import { latestBound, stepDateProblem } from '../ledger/happened-on';
import { choiceProblem, compact } from '../risks/fields';
import {
  COORDINATION_LABELS,
  COORDINATIONS,
  HANDLING_KIND_LABELS,
  HANDLING_KINDS,
  LEGAL_PATH_LABELS,
  LEGAL_PATHS,
} from './handling';

export const DISPUTE_STATUSES = [
  'received',
  'routed',
  'mediating',
  'guided',
  'settled',
  'unsettled',
  'withdrawn',
  'converted',
  'visited',
  'closed',
] as const;
export type DisputeStatus = (typeof DISPUTE_STATUSES)[number];

export const DISPUTE_STATUS_LABELS: Record<DisputeStatus, string> = {
  received: '已受理',
  routed: '已分流',
  mediating: '调处中',
  guided: '已引导',
  settled: '调解成功',
  unsettled: '调解不成',
  withdrawn: '已撤回',
  converted: '已转出',
  visited: '已回访',
  closed: '已销号',
};

/** Still being worked: before a result. The time limit runs while routed or mediating. */
export const OPEN_DISPUTE_STATUSES: readonly DisputeStatus[] = ['received', 'routed', 'mediating'];
export const isDisputeOpen = (status: DisputeStatus): boolean => OPEN_DISPUTE_STATUSES.includes(status);

/**
 * The 办理时限's deadline stage (the kernel's `clockStage`), as the ledger's `stageSql` computes it:
 * from 分流 to the due date while open, none before 分流 (no due date), 已办结 after a result.
 */
export const disputeStage = (
  dispute: { status: DisputeStatus; receivedOn: string; routedOn: string | null; dueDate: string | null },
  today: string,
  dueSoonDays?: number,
): DeadlineStage | null =>
  clockStage(
    {
      concluded: !isDisputeOpen(dispute.status),
      startDate: dispute.routedOn ?? dispute.receivedOn,
      dueDate: dispute.dueDate,
      today,
    },
    dueSoonDays,
  );

/** How a dispute ended, kept when it moves on to 回访 and 销号 (the figures read it). */
export const DISPUTE_RESULTS = ['guided', 'settled', 'unsettled', 'withdrawn', 'converted'] as const;
export type DisputeResult = (typeof DISPUTE_RESULTS)[number];
export const DISPUTE_RESULT_LABELS: Record<DisputeResult, string> = {
  guided: '引导至其他途径',
  settled: '调解成功',
  unsettled: '调解不成',
  withdrawn: '撤回',
  converted: '转为信访事项或风险隐患',
};

export const DISPUTE_ACTIONS = [
  'route',
  'guide',
  'startMediation',
  'settle',
  'fail',
  'withdraw',
  'convert',
  'visit',
  'closeOut',
] as const;
export type DisputeAction = (typeof DISPUTE_ACTIONS)[number];

export const DISPUTE_ACTION_LABELS: Record<DisputeAction, string> = {
  route: '分流',
  guide: '引导',
  startMediation: '开始调处',
  settle: '调解成功',
  fail: '调解不成',
  withdraw: '撤回',
  convert: '转出',
  visit: '回访',
  closeOut: '销号',
};

export const DISPUTE_TRANSITIONS: Record<DisputeAction, Partial<Record<DisputeStatus, DisputeStatus>>> = {
  route: { received: 'routed' },
  guide: { received: 'guided' },
  startMediation: { routed: 'mediating' },
  settle: { mediating: 'settled' },
  fail: { mediating: 'unsettled' },
  withdraw: { received: 'withdrawn', routed: 'withdrawn', mediating: 'withdrawn' },
  convert: { received: 'converted', routed: 'converted', mediating: 'converted' },
  visit: { guided: 'visited', settled: 'visited', unsettled: 'visited', withdrawn: 'visited', converted: 'visited' },
  closeOut: { visited: 'closed' },
};

/** The result an action records. */
export const RESULT_OF_ACTION: Partial<Record<DisputeAction, DisputeResult>> = {
  guide: 'guided',
  settle: 'settled',
  fail: 'unsettled',
  withdraw: 'withdrawn',
  convert: 'converted',
};

export const DISPUTE_TRANSITION_FIELDS = [
  'handlingKind',
  'unitId',
  'legalPath',
  'coordination',
  'mediator',
  'agreement',
  'agreementAttachmentId',
  'judicialConfirmation',
  'convertedTo',
  'satisfaction',
  'visitNote',
  'reason',
  'happenedOn',
] as const;
export type DisputeTransitionField = (typeof DISPUTE_TRANSITION_FIELDS)[number];

export const DISPUTE_TRANSITION_FIELD_LABELS: Record<DisputeTransitionField, string> = {
  handlingKind: '调处方式',
  unitId: '归口单位或调解组织',
  legalPath: '途径',
  coordination: '调处形式',
  mediator: '调解员',
  agreement: '协议要点',
  agreementAttachmentId: '调解协议书',
  judicialConfirmation: '是否申请司法确认',
  convertedTo: '转为',
  satisfaction: '当事人满意度',
  visitNote: '回访情况',
  reason: '原因',
  happenedOn: '日期',
};

/** The steps that record the date they happened on (default today), as named. */
export const DISPUTE_HAPPENED_ON_LABELS: Partial<Record<DisputeAction, string>> = {
  route: '分流日期',
  guide: '结果日期',
  settle: '结果日期',
  fail: '结果日期',
  withdraw: '结果日期',
  convert: '结果日期',
  visit: '回访日期',
  closeOut: '销号日期',
};

export const DISPUTE_MACHINE = defineStateMachine({
  statuses: DISPUTE_STATUSES,
  statusLabels: DISPUTE_STATUS_LABELS,
  actions: DISPUTE_ACTIONS,
  actionLabels: DISPUTE_ACTION_LABELS,
  transitions: DISPUTE_TRANSITIONS,
  requiredFields: {
    route: ['handlingKind', 'unitId'],
    guide: ['legalPath', 'reason'],
    startMediation: ['coordination', 'mediator'],
    settle: ['agreementAttachmentId', 'judicialConfirmation'],
    fail: ['legalPath', 'reason'],
    withdraw: ['reason'],
    convert: ['convertedTo', 'reason'],
    visit: ['satisfaction', 'visitNote'],
    closeOut: [],
  },
  fieldLabels: DISPUTE_TRANSITION_FIELD_LABELS,
});

export const allowedDisputeActions = DISPUTE_MACHINE.allowedActions;
export const nextDisputeStatus = DISPUTE_MACHINE.nextStatus;

export const SATISFACTIONS = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;
export type Satisfaction = (typeof SATISFACTIONS)[number];
export const SATISFACTION_LABELS: Record<Satisfaction, string> = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  unsatisfied: '不满意',
};
/** What the 回访满意率 counts as satisfied. */
export const SATISFIED: readonly Satisfaction[] = ['satisfied', 'basically_satisfied'];

export const CONVERSION_TARGETS = ['petition', 'hazard'] as const;
export type ConversionTarget = (typeof CONVERSION_TARGETS)[number];
export const CONVERSION_TARGET_LABELS: Record<ConversionTarget, string> = {
  petition: '信访事项',
  hazard: '风险隐患',
};

const YES_NO = ['yes', 'no'] as const;
const YES_NO_LABELS = { yes: '是', no: '否' };

export type DisputeTransitionInput = FieldInput<DisputeTransitionField> & {
  /** 协同: the other units, beside the routed one that leads. */
  coUnitIds?: readonly string[];
  /** 调解成功: kept from turning criminal (with the persons) or into a collective petition. */
  preventedCriminal?: boolean;
  preventedCriminalPeople?: number;
};

export interface DisputeStepContext {
  today?: string;
  receivedOn: string;
  routedOn: string | null;
  resultOn: string | null;
  visitedOn: string | null;
  /** The unit it was routed to, which leads a joint handling. */
  unitId?: string | null;
}

/** The date a step may not precede: the previous step's. */
function sinceOf(action: DisputeAction, current: DisputeStepContext) {
  if (action === 'closeOut') return latestBound({ date: current.visitedOn ?? '', label: '回访日期' });
  if (action === 'visit') return latestBound({ date: current.resultOn ?? '', label: '结果日期' });
  return latestBound(
    { date: current.receivedOn, label: '受理日期' },
    { date: current.routedOn ?? '', label: '分流日期' },
  );
}

/** Everything wrong with applying `action` to a dispute in `from`; empty when it may go ahead. */
export function disputeTransitionProblems(
  from: DisputeStatus,
  action: DisputeAction,
  input: DisputeTransitionInput,
  current: DisputeStepContext,
): FieldProblem[] {
  const stateError = DISPUTE_MACHINE.transitionError(from, action);
  if (stateError) return [{ path: 'status', message: stateError }];
  const problems = DISPUTE_MACHINE.missingFieldProblems(action, input);
  problems.push(
    ...compact([
      choiceProblem('handlingKind', '调处方式', input.handlingKind, HANDLING_KINDS, HANDLING_KIND_LABELS),
      choiceProblem('legalPath', '途径', input.legalPath, LEGAL_PATHS, LEGAL_PATH_LABELS),
      choiceProblem('coordination', '调处形式', input.coordination, COORDINATIONS, COORDINATION_LABELS),
      choiceProblem('judicialConfirmation', '是否申请司法确认', input.judicialConfirmation, YES_NO, YES_NO_LABELS),
      choiceProblem('convertedTo', '转为', input.convertedTo, CONVERSION_TARGETS, CONVERSION_TARGET_LABELS),
      choiceProblem('satisfaction', '当事人满意度', input.satisfaction, SATISFACTIONS, SATISFACTION_LABELS),
    ]),
  );
  if (action === 'startMediation' && input.coordination === 'joint' && !input.coUnitIds?.length) {
    problems.push({ path: 'coUnitIds', message: '协同调处请选择至少一个“协同单位”' });
  }
  if (action === 'startMediation' && current.unitId && input.coUnitIds?.includes(current.unitId)) {
    problems.push({ path: 'coUnitIds', message: '归口单位已是牵头单位，请从“协同单位”中去掉' });
  }
  if (action === 'startMediation' && input.coordination === 'single' && input.coUnitIds?.length) {
    problems.push({ path: 'coUnitIds', message: '单独调处不选协同单位，请清空或改为协同调处' });
  }
  if (action === 'settle' && input.preventedCriminal && !input.preventedCriminalPeople) {
    problems.push({ path: 'preventedCriminalPeople', message: '防止民转刑请填写“涉及人数”（至少 1 人）' });
  }
  const happened = stepDateProblem(
    input.happenedOn,
    { action: DISPUTE_ACTION_LABELS[action], label: DISPUTE_HAPPENED_ON_LABELS[action] },
    { today: current.today, since: sinceOf(action, current) },
  );
  if (happened) problems.push(happened);
  return problems;
}
