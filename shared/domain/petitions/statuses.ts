/**
 * The closed loop of a backlog case as a state machine: 排查 → 梳理分类 → 交办 → 化解中 → 已化解 → 销号,
 * with transfer, a send-back when a resolution fails, and reopening when the petitioner returns.
 * The backend applies a transition only if `transitionProblems` is empty; forms call the same
 * function, so both give the same answer in the same words.
 */
import { compareDates, isValidDate } from '../ledger/calendar';
import type { DateBound } from '../ledger/dates';
import { latestBound, stepDateProblem } from '../ledger/happened-on';

export const PETITION_STATUSES = ['found', 'classified', 'assigned', 'resolving', 'resolved', 'closed'] as const;
export type PetitionStatus = (typeof PETITION_STATUSES)[number];

// 已交办 / 已销号 rather than 交办 / 销号, so a status never reads like the action of the same name.
export const PETITION_STATUS_LABELS: Record<PetitionStatus, string> = {
  found: '排查',
  classified: '梳理分类',
  assigned: '已交办',
  resolving: '化解中',
  resolved: '已化解',
  closed: '已销号',
};

/** Statuses in which the case counts as concluded (办结): resolved, whether or not closed out yet. */
export const CONCLUDED_STATUSES: readonly PetitionStatus[] = ['resolved', 'closed'];
export const isConcluded = (status: PetitionStatus): boolean => CONCLUDED_STATUSES.includes(status);

/** In the order a duty officer meets them; `allowedActions` and messages list them in this order. */
export const PETITION_ACTIONS = [
  'classify',
  'assign',
  'transfer',
  'startResolving',
  'resolve',
  'closeOut',
  'sendBack',
  'reopen',
] as const;
export type PetitionAction = (typeof PETITION_ACTIONS)[number];

export const PETITION_ACTION_LABELS: Record<PetitionAction, string> = {
  classify: '梳理分类',
  assign: '交办',
  transfer: '转办',
  startResolving: '开始化解',
  resolve: '确认化解',
  closeOut: '销号',
  sendBack: '退回化解中',
  reopen: '重新化解',
};

/**
 * from-status → to-status for each action. Rules worth knowing:
 * - transfer (转办) hands the case to another unit and restarts it at 已交办, from 已交办 or 化解中;
 * - startResolving is what recording the first progress entry does: the backend applies it when
 *   progress is recorded on an 已交办 case (see `statusAfterProgress`), so 化解中 always has progress;
 * - resolve only from 化解中: a case is never resolved without a recorded step towards it;
 * - sendBack (退回化解中): the close-out is refused or the resolution fails before close-out;
 * - reopen: a closed case whose petitioner returns goes back to 化解中 with the same unit and a
 *   new deadline; if another unit must take it, transfer it afterwards.
 */
export const PETITION_TRANSITIONS: Record<PetitionAction, Partial<Record<PetitionStatus, PetitionStatus>>> = {
  classify: { found: 'classified' },
  assign: { classified: 'assigned' },
  transfer: { assigned: 'assigned', resolving: 'assigned' },
  startResolving: { assigned: 'resolving' },
  resolve: { resolving: 'resolved' },
  closeOut: { resolved: 'closed' },
  sendBack: { resolved: 'resolving' },
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
  resolve: '化解日期',
  closeOut: '销号日期',
};

/** The dates of a case a step's date may not precede. */
export interface CaseDates {
  receivedDate: string;
  assignedDate: string | null;
  resolvedDate: string | null;
}

/** What a step's date may not precede: 化解 the receipt and the (last) assignment, 销号 the resolution. */
export function happenedSince(action: PetitionAction, dates: CaseDates): DateBound | null {
  if (action === 'closeOut')
    return latestBound(dates.resolvedDate ? { date: dates.resolvedDate, label: '化解日期' } : null);
  return latestBound(
    { date: dates.receivedDate, label: '受理日期' },
    dates.assignedDate ? { date: dates.assignedDate, label: '交办日期' } : null,
  );
}

const REQUIRED_FIELDS: Record<PetitionAction, readonly TransitionField[]> = {
  classify: ['itemType', 'category'],
  assign: ['handlingUnitId', 'responsibleLeaderId', 'dueDate'],
  transfer: ['handlingUnitId', 'reason'],
  startResolving: ['progressNote'],
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
}

/** A problem as the envelope's `details` carry it, so a form can mark the field. */
export interface TransitionProblem {
  path: string;
  message: string;
}

/**
 * Everything wrong with applying `action` to a case in status `from` with `input`; empty when the
 * transition may go ahead. The state error comes alone: fields do not matter for a refused action.
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
