/**
 * The life of a risk hazard: 发现 → 化解中 → 已化解 → 已销号, with a send-back when the
 * resolution does not hold before close-out and reopening when a closed hazard flares up again.
 * Also the steps taken on a hazard along the way: changing its colour, and the dated notes it
 * collects (trend notes 动向 and analysis notes 研判记录).
 */
import { defineStateMachine, isBlank, type FieldInput, type FieldProblem } from '../ledger/state-machine';
import { choiceProblem, compact, isChoice } from './fields';
import { dateProblem, todayBound } from '../ledger/dates';
import { latestBound, stepDateProblem } from '../ledger/happened-on';
import type { HazardLevel } from './hazard-levels';
import { HAZARD_LEVEL_LABELS, HAZARD_LEVELS } from './hazard-levels';

export const HAZARD_STATUSES = ['found', 'resolving', 'resolved', 'closed'] as const;
export type HazardStatus = (typeof HAZARD_STATUSES)[number];

// 已销号 rather than 销号, so the status never reads like the action of the same name.
export const HAZARD_STATUS_LABELS: Record<HazardStatus, string> = {
  found: '发现',
  resolving: '化解中',
  resolved: '已化解',
  closed: '已销号',
};

/** Still a point of instability: counted as open on the board. */
export const OPEN_HAZARD_STATUSES: readonly HazardStatus[] = ['found', 'resolving'];
export const isHazardOpen = (status: HazardStatus): boolean => OPEN_HAZARD_STATUSES.includes(status);

export const HAZARD_ACTIONS = ['startResolving', 'resolve', 'closeOut', 'sendBack', 'reopen'] as const;
export type HazardAction = (typeof HAZARD_ACTIONS)[number];

export const HAZARD_ACTION_LABELS: Record<HazardAction, string> = {
  startResolving: '开始化解',
  resolve: '确认化解',
  closeOut: '销号',
  sendBack: '退回化解中',
  reopen: '重新化解',
};

export const HAZARD_TRANSITIONS: Record<HazardAction, Partial<Record<HazardStatus, HazardStatus>>> = {
  startResolving: { found: 'resolving' },
  resolve: { resolving: 'resolved' },
  closeOut: { resolved: 'closed' },
  sendBack: { resolved: 'resolving' },
  reopen: { closed: 'resolving' },
};

export const HAZARD_TRANSITION_FIELDS = [
  'responsibleLeaderId',
  'responsiblePersonId',
  'measures',
  'plan',
  'outcome',
  'approvingLeaderId',
  'evidence',
  'reason',
  'happenedOn',
] as const;
export type HazardTransitionField = (typeof HAZARD_TRANSITION_FIELDS)[number];

export const HAZARD_TRANSITION_FIELD_LABELS: Record<HazardTransitionField, string> = {
  responsibleLeaderId: '包保领导',
  responsiblePersonId: '责任人',
  measures: '稳控化解措施',
  plan: '化解方案',
  outcome: '化解结果',
  approvingLeaderId: '审批领导',
  evidence: '销号依据',
  reason: '原因',
  happenedOn: '日期',
};

/** The steps that record the date they happened on (default today; `checkHappenedOn`), as named. */
export const HAZARD_HAPPENED_ON_LABELS: Partial<Record<HazardAction, string>> = {
  resolve: '化解日期',
  closeOut: '销号日期',
};

export const HAZARD_MACHINE = defineStateMachine({
  statuses: HAZARD_STATUSES,
  statusLabels: HAZARD_STATUS_LABELS,
  actions: HAZARD_ACTIONS,
  actionLabels: HAZARD_ACTION_LABELS,
  transitions: HAZARD_TRANSITIONS,
  requiredFields: {
    startResolving: ['responsibleLeaderId', 'responsiblePersonId', 'measures'],
    resolve: ['outcome'],
    closeOut: ['approvingLeaderId', 'evidence'],
    sendBack: ['reason'],
    reopen: ['reason'],
  },
  fieldLabels: HAZARD_TRANSITION_FIELD_LABELS,
});

export const canHazardTransition = HAZARD_MACHINE.canTransition;
export const nextHazardStatus = HAZARD_MACHINE.nextStatus;
export const allowedHazardActions = HAZARD_MACHINE.allowedActions;
export const hazardTransitionError = HAZARD_MACHINE.transitionError;

export type HazardTransitionInput = FieldInput<HazardTransitionField>;

export interface HazardTransitionContext {
  level: HazardLevel;
  /** Today (the county's date) and the hazard's dates, for a step's own date (`happenedOn`). */
  today?: string;
  foundOn?: string;
  resolvedOn?: string | null;
  /** Whether the hazard already has its own plan (一案一策). */
  hasPlan?: boolean;
  /** Measures (tasks) of the hazard not yet completed or cancelled. */
  openMeasureCount?: number;
}

/**
 * Everything wrong with applying `action` to a hazard; empty when it may go ahead. A red hazard
 * starts resolving only with its own plan (一案一策), and none is resolved while measures are open.
 */
export function hazardTransitionProblems(
  from: HazardStatus,
  action: HazardAction,
  input: HazardTransitionInput,
  current: HazardTransitionContext,
): FieldProblem[] {
  const stateError = hazardTransitionError(from, action);
  if (stateError) return [{ path: 'status', message: stateError }];
  const problems = HAZARD_MACHINE.missingFieldProblems(action, input);
  if (action === 'startResolving' && current.level === 'red' && !current.hasPlan && isBlank(input.plan)) {
    problems.push({ path: 'plan', message: '红色隐患须一案一策，请填写“化解方案”' });
  }
  if (action === 'resolve' && (current.openMeasureCount ?? 0) > 0) {
    problems.push({
      path: 'measures',
      message: `还有 ${current.openMeasureCount} 项化解措施未完成，请完成或撤销后再确认化解`,
    });
  }
  // 化解 not before the hazard was found, 销号 not before it was resolved.
  const since =
    action === 'closeOut'
      ? { date: current.resolvedOn ?? '', label: '化解日期' }
      : { date: current.foundOn ?? '', label: '发现日期' };
  const happened = stepDateProblem(
    input.happenedOn,
    { action: HAZARD_ACTION_LABELS[action], label: HAZARD_HAPPENED_ON_LABELS[action] },
    { today: current.today, since: latestBound(since) },
  );
  if (happened) problems.push(happened);
  return problems;
}

export interface LevelChangeInput {
  level?: string | null;
  reason?: string | null;
  changedOn?: string | null;
  /** The plan for this case (一案一策): required when a hazard turns red without one. */
  plan?: string | null;
  /** A 包保领导 named with the change (turning red needs one, given here or already on the hazard). */
  responsibleLeaderId?: string | null;
}

export interface LevelChangeContext {
  level: HazardLevel;
  status: HazardStatus;
  today?: string;
  /** The last change (or the day the hazard was found): a change cannot be dated before it. */
  lastChangedOn?: string;
  responsibleLeaderId?: string | null;
  hasPlan?: boolean;
}

/**
 * Problems with changing a hazard's colour; empty when it may go ahead. A reason and a date are
 * always required; the level must change; a closed-out hazard keeps its last colour; a red hazard
 * needs a responsible leader and a plan of its own (一案一策).
 */
export function levelChangeProblems(input: LevelChangeInput, current: LevelChangeContext): FieldProblem[] {
  if (current.status === 'closed') {
    return [{ path: 'status', message: '已销号的隐患不能调整等级，如有新情况请先重新化解' }];
  }
  const problems: FieldProblem[] = [];
  if (isBlank(input.level)) problems.push({ path: 'level', message: '请选择“风险等级”' });
  if (isBlank(input.reason)) problems.push({ path: 'reason', message: '请填写“调整原因”' });
  if (isBlank(input.changedOn)) problems.push({ path: 'changedOn', message: '请填写“调整日期”' });
  const choice = choiceProblem('level', '风险等级', input.level, HAZARD_LEVELS, HAZARD_LEVEL_LABELS);
  if (choice) problems.push(choice);
  const changed = dateProblem('changedOn', '调整日期', input.changedOn, {
    notBefore: current.lastChangedOn ? { date: current.lastChangedOn, label: '上次调整日期' } : undefined,
    notAfter: todayBound(current.today),
  });
  if (changed) problems.push(changed);
  const level = input.level?.trim();
  if (isChoice(HAZARD_LEVELS, level)) {
    if (level === current.level) {
      problems.push({ path: 'level', message: `当前已是“${HAZARD_LEVEL_LABELS[level]}”，请选择另一个等级` });
    }
    if (level === 'red') {
      if (isBlank(input.responsibleLeaderId) && isBlank(current.responsibleLeaderId)) {
        problems.push({ path: 'responsibleLeaderId', message: '红色隐患须明确“包保领导”，请先指定' });
      }
      if (!current.hasPlan && isBlank(input.plan)) {
        problems.push({ path: 'plan', message: '红色隐患须一案一策，请填写“化解方案”' });
      }
    }
  }
  return problems;
}

/** Dated entries on a hazard: how it is developing (动向), and what an analysis concluded (研判). */
export const HAZARD_NOTE_KINDS = ['trend', 'analysis'] as const;
export type HazardNoteKind = (typeof HAZARD_NOTE_KINDS)[number];

export const HAZARD_NOTE_KIND_LABELS: Record<HazardNoteKind, string> = { trend: '动向', analysis: '研判记录' };

export const HAZARD_TRENDS = ['rising', 'stable', 'easing'] as const;
export type HazardTrend = (typeof HAZARD_TRENDS)[number];

export const HAZARD_TREND_LABELS: Record<HazardTrend, string> = { rising: '升温', stable: '平稳', easing: '趋缓' };

export interface HazardNoteInput {
  notedOn?: string | null;
  content?: string | null;
  /** Optional on both kinds. */
  trend?: string | null;
  /** An analysis may propose a colour; changing it is a separate, reasoned step. */
  suggestedLevel?: string | null;
}

/**
 * Problems with a dated note: a date (not in the future, not before the hazard was found) and
 * content; a closed-out hazard takes no more notes.
 */
export function hazardNoteProblems(
  kind: HazardNoteKind,
  input: HazardNoteInput,
  context: { status: HazardStatus; foundOn: string; today?: string },
): FieldProblem[] {
  if (context.status === 'closed') {
    return [{ path: 'status', message: '已销号的隐患不再记录动向或研判，如有新情况请先重新化解' }];
  }
  const problems: FieldProblem[] = [];
  const dateLabel = kind === 'analysis' ? '研判日期' : '记录日期';
  const contentLabel = kind === 'analysis' ? '研判意见' : '动向情况';
  if (isBlank(input.notedOn)) problems.push({ path: 'notedOn', message: `请填写“${dateLabel}”` });
  if (isBlank(input.content)) problems.push({ path: 'content', message: `请填写“${contentLabel}”` });
  problems.push(
    ...compact([
      dateProblem('notedOn', dateLabel, input.notedOn, {
        notBefore: { date: context.foundOn, label: '发现日期' },
        notAfter: todayBound(context.today),
      }),
      choiceProblem('trend', '趋势', input.trend, HAZARD_TRENDS, HAZARD_TREND_LABELS),
      choiceProblem('suggestedLevel', '建议等级', input.suggestedLevel, HAZARD_LEVELS, HAZARD_LEVEL_LABELS),
    ]),
  );
  return problems;
}
