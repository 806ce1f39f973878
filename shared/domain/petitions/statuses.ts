/**
 * The procedure of a case as a state machine, as 信访工作条例 describes it: 排查 → 梳理分类 → 受理
 * (or 不予受理 / 不再受理) → 交办 (an objection sends it back) → 化解中 → 已办结 (the written reply,
 * 处理意见书) → 复查 → 复核 → 已终结; 化解 (息诉罢访) follows the reply, then 销号. Transfer, a
 * send-back when a resolution fails and reopening when the petitioner returns stay as they were.
 * The backend applies a transition only if `transitionProblems` is empty; forms call the same
 * function, so both give the same answer in the same words.
 */
import { compareDates, isValidDate } from '../ledger/calendar';
import type { DateBound } from '../ledger/dates';
import { latestBound, stepDateProblem } from '../ledger/happened-on';

export const PETITION_STATUSES = [
  'found',
  'classified',
  'accepted',
  'assigned',
  'resolving',
  'replied',
  'reviewing',
  'reviewed',
  're_reviewing',
  'final',
  'resolved',
  'closed',
  'not_accepted',
  'not_again',
] as const;
export type PetitionStatus = (typeof PETITION_STATUSES)[number];

// 已交办 / 已销号 rather than 交办 / 销号, so a status never reads like the action of the same name.
export const PETITION_STATUS_LABELS: Record<PetitionStatus, string> = {
  found: '排查',
  classified: '梳理分类',
  accepted: '已受理',
  assigned: '已交办',
  resolving: '化解中',
  replied: '已办结',
  reviewing: '复查中',
  reviewed: '已复查',
  re_reviewing: '复核中',
  final: '已终结',
  resolved: '已化解',
  closed: '已销号',
  not_accepted: '不予受理',
  not_again: '不再受理',
};

/**
 * Statuses in which the case counts as concluded (办结, Art. 32): its written reply was issued.
 * 化解 (息诉罢访) comes only after the reply, so a resolved or closed-out case is concluded too.
 */
export const CONCLUDED_STATUSES: readonly PetitionStatus[] = [
  'replied',
  'reviewing',
  'reviewed',
  're_reviewing',
  'final',
  'resolved',
  'closed',
];
export const isConcluded = (status: PetitionStatus): boolean => CONCLUDED_STATUSES.includes(status);

/** Resolved (化解: the petitioner accepts the outcome and stops petitioning), closed out or not. */
export const RESOLVED_STATUSES: readonly PetitionStatus[] = ['resolved', 'closed'];
export const isResolved = (status: PetitionStatus): boolean => RESOLVED_STATUSES.includes(status);

/** Items the organ refused to take up: no clock runs and they are neither open nor concluded. */
export const REFUSED_STATUSES: readonly PetitionStatus[] = ['not_accepted', 'not_again'];

/** Open: the organ still owes the written reply (the clock runs). */
export const OPEN_STATUSES: readonly PetitionStatus[] = PETITION_STATUSES.filter(
  (status) => !isConcluded(status) && !REFUSED_STATUSES.includes(status),
);
export const isOpen = (status: PetitionStatus): boolean => OPEN_STATUSES.includes(status);

/** In the order a duty officer meets them; `allowedActions` and messages list them in this order. */
export const PETITION_ACTIONS = [
  'classify',
  'accept',
  'refuse',
  'refuseAgain',
  'assign',
  'transfer',
  'object',
  'startResolving',
  'reply',
  'requestReview',
  'decideReview',
  'requestReReview',
  'decideReReview',
  'resolve',
  'closeOut',
  'sendBack',
  'reopen',
] as const;
export type PetitionAction = (typeof PETITION_ACTIONS)[number];

export const PETITION_ACTION_LABELS: Record<PetitionAction, string> = {
  classify: '梳理分类',
  accept: '受理',
  refuse: '不予受理',
  refuseAgain: '不再受理',
  assign: '交办',
  transfer: '转办',
  object: '异议退回',
  startResolving: '开始化解',
  reply: '出具处理意见',
  requestReview: '申请复查',
  decideReview: '复查意见',
  requestReReview: '申请复核',
  decideReReview: '复核意见',
  resolve: '确认化解',
  closeOut: '销号',
  sendBack: '退回未化解',
  reopen: '重新化解',
};

/**
 * from-status → to-status for each action. Rules worth knowing:
 * - transfer (转办) hands the case to another unit and restarts it at 已交办, from 已交办 or 化解中;
 * - startResolving is what recording the first progress entry does: the backend applies it when
 *   progress is recorded on an 已交办 case (see `statusAfterProgress`), so 化解中 always has progress;
 * - assign from 梳理分类 accepts the item on the assignment day (受理 and 交办 at once);
 * - object (异议退回): the unit says it is not competent; the case waits for another assignment;
 * - reply (处理意见书) is 办结; 复查 and 复核 follow it, and after 复核 the case is final (已终结);
 * - resolve (化解, 息诉罢访) only after the written reply: a case is never resolved unconcluded;
 * - sendBack (退回未化解): the close-out is refused or the resolution fails before close-out;
 * - reopen: a closed case whose petitioner returns goes back to 化解中 with the same unit and a
 *   new deadline; if another unit must take it, transfer it afterwards.
 */
export const PETITION_TRANSITIONS: Record<PetitionAction, Partial<Record<PetitionStatus, PetitionStatus>>> = {
  classify: { found: 'classified' },
  accept: { classified: 'accepted' },
  refuse: { found: 'not_accepted', classified: 'not_accepted' },
  refuseAgain: { found: 'not_again', classified: 'not_again' },
  assign: { classified: 'assigned', accepted: 'assigned' },
  transfer: { assigned: 'assigned', resolving: 'assigned' },
  object: { assigned: 'accepted' },
  startResolving: { assigned: 'resolving' },
  reply: { assigned: 'replied', resolving: 'replied' },
  requestReview: { replied: 'reviewing' },
  decideReview: { reviewing: 'reviewed' },
  requestReReview: { reviewed: 're_reviewing' },
  decideReReview: { re_reviewing: 'final' },
  resolve: { replied: 'resolved', reviewed: 'resolved', final: 'resolved' },
  closeOut: { resolved: 'closed' },
  sendBack: { resolved: 'replied' },
  reopen: { closed: 'resolving' },
};

export const canTransition = (from: PetitionStatus, action: PetitionAction): boolean =>
  PETITION_TRANSITIONS[action][from] !== undefined;

/** The status after `action`, or null when the action is not allowed from `from`. */
export const nextStatus = (from: PetitionStatus, action: PetitionAction): PetitionStatus | null =>
  PETITION_TRANSITIONS[action][from] ?? null;

export const allowedActions = (from: PetitionStatus): PetitionAction[] =>
  PETITION_ACTIONS.filter((action) => canTransition(from, action));

/**
 * Null when allowed; otherwise e.g. `当前状态为“已化解”，不能“交办”。可进行：销号、退回化解中`.
 */
export function transitionError(from: PetitionStatus, action: PetitionAction): string | null {
  if (canTransition(from, action)) return null;
  const allowed = allowedActions(from).map((a) => PETITION_ACTION_LABELS[a]);
  const head = `当前状态为“${PETITION_STATUS_LABELS[from]}”，不能“${PETITION_ACTION_LABELS[action]}”。`;
  return allowed.length ? `${head}可进行：${allowed.join('、')}` : `${head}此状态下没有可进行的操作`;
}

/** Progress may be recorded while the case is with a unit; on an 已交办 case it starts resolving. */
export function statusAfterProgress(from: PetitionStatus): PetitionStatus | null {
  if (from === 'assigned') return 'resolving';
  return from === 'resolving' ? 'resolving' : null;
}

/** Fields a transition form carries. Ids refer to units and people; `dueDate` is `YYYY-MM-DD`. */
export const TRANSITION_FIELDS = [
  'itemType',
  'category',
  'handlingUnitId',
  'responsibleLeaderId',
  'dueDate',
  'reason',
  'progressNote',
  'replyKind',
  'hearingDays',
  'outcome',
  'approvingLeaderId',
  'evidence',
  'happenedOn',
] as const;
export type TransitionField = (typeof TRANSITION_FIELDS)[number];

export const TRANSITION_FIELD_LABELS: Record<TransitionField, string> = {
  itemType: '信访事项类型',
  category: '问题分类',
  handlingUnitId: '承办单位',
  responsibleLeaderId: '包案领导',
  dueDate: '办理时限',
  reason: '原因',
  progressNote: '进展情况',
  replyKind: '处理意见',
  hearingDays: '听证天数',
  outcome: '化解结果',
  approvingLeaderId: '审批领导',
  evidence: '销号依据',
  happenedOn: '日期',
};

/**
 * The steps that record the date they happened on (default today; `checkHappenedOn`), with how the
 * form and the refusal name that date.
 */
export const HAPPENED_ON_LABELS: Partial<Record<PetitionAction, string>> = {
  accept: '受理决定日期',
  refuse: '决定日期',
  refuseAgain: '决定日期',
  object: '异议日期',
  reply: '答复日期',
  requestReview: '复查申请日期',
  decideReview: '复查意见日期',
  requestReReview: '复核申请日期',
  decideReReview: '复核意见日期',
  resolve: '化解日期',
  closeOut: '销号日期',
};

/** The dates of a case a step's date may not precede (null: not reached). */
export interface CaseDates {
  receivedDate: string;
  acceptedDate?: string | null;
  assignedDate: string | null;
  replyDate?: string | null;
  reviewRequestedDate?: string | null;
  reviewDecidedDate?: string | null;
  reReviewRequestedDate?: string | null;
  resolvedDate: string | null;
}

const bound = (date: string | null | undefined, label: string): DateBound | null => (date ? { date, label } : null);

/** What a step's date may not precede: the case's receipt and the step before it in the procedure. */
export function happenedSince(action: PetitionAction, dates: CaseDates): DateBound | null {
  const received = bound(dates.receivedDate, '受理日期');
  switch (action) {
    case 'closeOut':
      return latestBound(bound(dates.resolvedDate, '化解日期'));
    case 'object':
      return latestBound(received, bound(dates.assignedDate, '交办日期'));
    case 'requestReview':
      return latestBound(received, bound(dates.replyDate, '答复日期'));
    case 'decideReview':
      return latestBound(received, bound(dates.reviewRequestedDate, '复查申请日期'));
    case 'requestReReview':
      return latestBound(received, bound(dates.reviewDecidedDate, '复查意见日期'));
    case 'decideReReview':
      return latestBound(received, bound(dates.reReviewRequestedDate, '复核申请日期'));
    case 'resolve':
      return latestBound(received, bound(dates.assignedDate, '交办日期'), bound(dates.replyDate, '答复日期'));
    default:
      return latestBound(received, bound(dates.acceptedDate, '受理决定日期'), bound(dates.assignedDate, '交办日期'));
  }
}

const REQUIRED_FIELDS: Record<PetitionAction, readonly TransitionField[]> = {
  classify: ['itemType', 'category'],
  accept: [],
  refuse: ['reason'],
  refuseAgain: ['reason'],
  assign: ['handlingUnitId', 'responsibleLeaderId', 'dueDate'],
  transfer: ['handlingUnitId', 'reason'],
  object: ['reason'],
  startResolving: ['progressNote'],
  reply: ['replyKind'],
  requestReview: [],
  decideReview: ['reason'],
  requestReReview: [],
  decideReReview: ['reason'],
  resolve: ['outcome'],
  // Evidence: a settlement agreement, a written withdrawal … described in words, files attached apart.
  closeOut: ['approvingLeaderId', 'evidence'],
  sendBack: ['reason'],
  // A reopened case needs a new deadline: the old one has long passed.
  reopen: ['reason', 'dueDate'],
};

export const requiredFields = (action: PetitionAction): readonly TransitionField[] => REQUIRED_FIELDS[action];

export type TransitionInput = Partial<Record<TransitionField, string | null>>;

/** The case as it stands, for the checks that compare with it. */
export interface TransitionContext {
  handlingUnitId?: string | null;
  /** Today (`YYYY-MM-DD`, the county's date): a new deadline may not lie before it, nor a step after it. */
  today?: string;
  /** The case's dates, which a step's own date (`happenedOn`) may not precede. */
  dates?: CaseDates;
  /**
   * The statutory conclusion date a new 办理时限 may not pass (Art. 34, extension included);
   * null or absent when the item has none (not 申诉求决, or already replied).
   */
  statutoryDue?: string | null;
}

/** A problem as the envelope's `details` carry it, so a form can mark the field. */
export interface TransitionProblem {
  path: string;
  message: string;
}

/**
 * Everything wrong with applying `action` to a case in status `from` with `input`; empty when the
 * transition may go ahead. The state error comes alone: fields do not matter for a refused action.
 * The procedure's own windows (the due date against the statutory one, 复查 and 复核 requested in
 * time, the reply's kind) are `procedureProblems` (procedure.ts).
 */
export function transitionProblems(
  from: PetitionStatus,
  action: PetitionAction,
  input: TransitionInput,
  current: TransitionContext = {},
): TransitionProblem[] {
  const stateError = transitionError(from, action);
  if (stateError) return [{ path: 'status', message: stateError }];
  const problems: TransitionProblem[] = [];
  for (const field of requiredFields(action)) {
    const value = input[field];
    if (value === undefined || value === null || value.trim() === '') {
      problems.push({ path: field, message: `请填写“${TRANSITION_FIELD_LABELS[field]}”` });
    }
  }
  const dueDate = input.dueDate?.trim();
  if (dueDate && !isValidDate(dueDate)) {
    problems.push({ path: 'dueDate', message: '“办理时限”应为 YYYY-MM-DD 格式的真实日期' });
  } else if (dueDate && current.today && compareDates(dueDate, current.today) < 0) {
    problems.push({ path: 'dueDate', message: `“办理时限”不能早于今天（${current.today}）` });
  } else if (dueDate && current.statutoryDue && compareDates(dueDate, current.statutoryDue) > 0) {
    problems.push({
      path: 'dueDate',
      message: `“办理时限”不能晚于法定办结期限（${current.statutoryDue}，第三十四条）；确需延长的，请先办理延期`,
    });
  }
  const unit = input.handlingUnitId?.trim();
  if (action === 'transfer' && unit && unit === current.handlingUnitId) {
    problems.push({ path: 'handlingUnitId', message: '转办须改为另一个承办单位' });
  }
  const happened = stepDateProblem(
    input.happenedOn,
    { action: PETITION_ACTION_LABELS[action], label: HAPPENED_ON_LABELS[action] },
    { today: current.today, since: current.dates ? happenedSince(action, current.dates) : null },
  );
  if (happened) problems.push(happened);
  return problems;
}
