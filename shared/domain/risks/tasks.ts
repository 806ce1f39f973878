/**
 * Tasks with a unit and a deadline: the mitigation measures of an assessment or a hazard (化解措施)
 * and the tasks a meeting assigns (会议交办事项). One small machine for both:
 * 待落实 → 落实中 → 已完成, with rescheduling, cancelling and reopening; deadline stages as the
 * petitions' (正常 → 期限过半 → 临期 → 超期).
 */
import { clockStage } from '../ledger/deadlines';
import type { DeadlineStage } from '../ledger/deadlines';
import { defineStateMachine, isBlank, type FieldInput, type FieldProblem } from '../ledger/state-machine';
import { compact } from './fields';
import { dateProblem, todayBound } from '../ledger/dates';
import { checkHappenedOn } from '../ledger/happened-on';

export const TASK_KINDS = ['measure', 'assignment'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

export const TASK_KIND_LABELS: Record<TaskKind, string> = { measure: '化解措施', assignment: '交办事项' };

/** What a task belongs to: an assessment's or a hazard's measure, a meeting's assignment. */
export const TASK_OWNER_KINDS = ['assessment', 'hazard', 'meeting'] as const;
export type TaskOwnerKind = (typeof TASK_OWNER_KINDS)[number];

export const TASK_STATUSES = ['pending', 'in_progress', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const TASK_STATUS_LABELS: Record<TaskStatus, string> = {
  pending: '待落实',
  in_progress: '落实中',
  done: '已完成',
  cancelled: '已撤销',
};

/** Not yet completed or cancelled: the clock runs. */
export const OPEN_TASK_STATUSES: readonly TaskStatus[] = ['pending', 'in_progress'];
export const isTaskOpen = (status: TaskStatus): boolean => OPEN_TASK_STATUSES.includes(status);

export const TASK_ACTIONS = ['start', 'complete', 'reschedule', 'cancel', 'reopen'] as const;
export type TaskAction = (typeof TASK_ACTIONS)[number];

export const TASK_ACTION_LABELS: Record<TaskAction, string> = {
  start: '开始落实',
  complete: '完成',
  reschedule: '调整时限',
  cancel: '撤销',
  reopen: '重新落实',
};

export const TASK_TRANSITIONS: Record<TaskAction, Partial<Record<TaskStatus, TaskStatus>>> = {
  start: { pending: 'in_progress' },
  complete: { pending: 'done', in_progress: 'done' },
  reschedule: { pending: 'pending', in_progress: 'in_progress' },
  cancel: { pending: 'cancelled', in_progress: 'cancelled' },
  reopen: { done: 'in_progress' },
};

export const TASK_TRANSITION_FIELDS = ['progressNote', 'completedOn', 'outcome', 'dueDate', 'reason'] as const;
export type TaskTransitionField = (typeof TASK_TRANSITION_FIELDS)[number];

export const TASK_TRANSITION_FIELD_LABELS: Record<TaskTransitionField, string> = {
  progressNote: '进展情况',
  completedOn: '完成日期',
  outcome: '落实情况',
  dueDate: '完成时限',
  reason: '原因',
};

export const TASK_MACHINE = defineStateMachine({
  statuses: TASK_STATUSES,
  statusLabels: TASK_STATUS_LABELS,
  actions: TASK_ACTIONS,
  actionLabels: TASK_ACTION_LABELS,
  transitions: TASK_TRANSITIONS,
  requiredFields: {
    start: ['progressNote'],
    complete: ['completedOn', 'outcome'],
    reschedule: ['dueDate', 'reason'],
    cancel: ['reason'],
    // A reopened task needs a new deadline: the old one may have passed.
    reopen: ['reason', 'dueDate'],
  },
  fieldLabels: TASK_TRANSITION_FIELD_LABELS,
});

export const canTaskTransition = TASK_MACHINE.canTransition;
export const nextTaskStatus = TASK_MACHINE.nextStatus;
export const allowedTaskActions = TASK_MACHINE.allowedActions;
export const taskTransitionError = TASK_MACHINE.transitionError;

export type TaskTransitionInput = FieldInput<TaskTransitionField>;

export interface TaskTransitionContext {
  today?: string;
  /** When the task was set (its clock's start): completion cannot come before it. */
  startDate?: string;
  /** The current deadline: rescheduling must change it. */
  dueDate?: string | null;
}

export function taskTransitionProblems(
  from: TaskStatus,
  action: TaskAction,
  input: TaskTransitionInput,
  current: TaskTransitionContext = {},
): FieldProblem[] {
  const stateError = taskTransitionError(from, action);
  if (stateError) return [{ path: 'status', message: stateError }];
  const problems = TASK_MACHINE.missingFieldProblems(action, input);
  const start = current.startDate ? { date: current.startDate, label: '下达日期' } : undefined;
  problems.push(
    ...compact([
      dateProblem('dueDate', '完成时限', input.dueDate, { notBefore: todayBound(current.today) }),
      current.today
        ? checkHappenedOn('completedOn', '完成日期', input.completedOn, { today: current.today, since: start })
        : null,
    ]),
  );
  const due = input.dueDate?.trim();
  if (action === 'reschedule' && due && due === current.dueDate) {
    problems.push({ path: 'dueDate', message: '调整时限须改为另一个日期' });
  }
  return problems;
}

/** A task as set: what it is, who does it, by when. */
export interface TaskDraft {
  kind: TaskKind;
  title: string;
  unitId: string;
  /** The day it was set (assigned, decided at a meeting …). */
  startDate: string;
  dueDate: string;
}

/** Problems with a new task; the due date may not precede the day it was set, nor today. */
export function taskDraftProblems(
  draft: Partial<Record<keyof TaskDraft, string | null>>,
  today?: string,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const kind = draft.kind === 'assignment' ? 'assignment' : 'measure';
  if (isBlank(draft.title))
    problems.push({ path: 'title', message: `请填写“${kind === 'measure' ? '措施内容' : '交办事项'}”` });
  if (isBlank(draft.unitId)) problems.push({ path: 'unitId', message: '请填写“责任单位”' });
  if (isBlank(draft.dueDate)) problems.push({ path: 'dueDate', message: '请填写“完成时限”' });
  const startProblem = dateProblem('startDate', '下达日期', draft.startDate);
  if (startProblem) problems.push(startProblem);
  const start = draft.startDate?.trim();
  const dueProblem =
    dateProblem('dueDate', '完成时限', draft.dueDate, {
      notBefore: start && !startProblem ? { date: start, label: '下达日期' } : undefined,
    }) ?? dateProblem('dueDate', '完成时限', draft.dueDate, { notBefore: todayBound(today) });
  if (dueProblem) problems.push(dueProblem);
  return problems;
}

export interface TaskClock {
  status: TaskStatus;
  startDate: string;
  dueDate: string | null;
  today: string;
}

/**
 * The deadline stage of a task: `done` once completed, null when cancelled (no clock runs and the
 * task counts nowhere), otherwise the petitions' stages.
 */
export function taskStage(task: TaskClock, dueSoonDays?: number): DeadlineStage | null {
  if (task.status === 'cancelled') return null;
  return clockStage({ concluded: task.status === 'done', ...task }, dueSoonDays);
}
