/**
 * One assessment, four meetings (一评四会): a meeting at each level, from the village up to the
 * city. A meeting's decisions may become tasks assigned to a unit with a deadline (交办事项),
 * tracked like mitigation measures (see tasks.ts).
 */
import { isBlank, type FieldProblem } from '../ledger/state-machine';
import { choiceProblem, compact, isCount } from './fields';
import { dateProblem, todayBound } from '../ledger/dates';
import type { TaskDraft } from './tasks';

/** Lowest first: the order a matter climbs when it cannot be settled below. */
export const MEETING_LEVELS = ['village', 'township', 'county', 'city'] as const;
export type MeetingLevel = (typeof MEETING_LEVELS)[number];

export const MEETING_LEVEL_LABELS: Record<MeetingLevel, string> = {
  village: '村（社区）级',
  township: '乡镇（街道）级',
  county: '县（区）级',
  city: '市级',
};

/** The name of the meeting held at each level. */
export const MEETING_NAMES: Record<MeetingLevel, string> = {
  village: '村居说事评理会',
  township: '乡办综治联席会',
  county: '县区评议会商会',
  city: '市级分析研判会',
};

export const meetingLevelRank = (level: MeetingLevel): number => MEETING_LEVELS.indexOf(level);

/** The next level up, or null above the city (the county's product records no higher meeting). */
export const nextMeetingLevel = (level: MeetingLevel): MeetingLevel | null =>
  MEETING_LEVELS[meetingLevelRank(level) + 1] ?? null;

/** What a meeting discussed: an assessment, a hazard, or neither (a general analysis). */
export const MEETING_SUBJECT_KINDS = ['assessment', 'hazard'] as const;
export type MeetingSubjectKind = (typeof MEETING_SUBJECT_KINDS)[number];

export interface MeetingInput {
  level?: string | null;
  heldOn?: string | null;
  topic?: string | null;
  chairedBy?: string | null;
  attendeeCount?: number | null;
  subjectKind?: string | null;
  subjectId?: string | null;
}

/** Problems with recording a meeting held (not in the future). */
export function meetingProblems(input: MeetingInput, today?: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (isBlank(input.level)) problems.push({ path: 'level', message: '请选择“会议层级”' });
  if (isBlank(input.heldOn)) problems.push({ path: 'heldOn', message: '请填写“会议日期”' });
  if (isBlank(input.topic)) problems.push({ path: 'topic', message: '请填写“议题”' });
  if (isBlank(input.chairedBy)) problems.push({ path: 'chairedBy', message: '请填写“主持人”' });
  problems.push(
    ...compact([
      choiceProblem('level', '会议层级', input.level, MEETING_LEVELS, MEETING_LEVEL_LABELS),
      dateProblem('heldOn', '会议日期', input.heldOn, { notAfter: todayBound(today) }),
    ]),
  );
  if (input.attendeeCount !== undefined && input.attendeeCount !== null && !isCount(input.attendeeCount)) {
    problems.push({ path: 'attendeeCount', message: '“参会人数”应为不小于 0 的整数' });
  }
  const hasKind = !isBlank(input.subjectKind);
  if (hasKind !== !isBlank(input.subjectId)) {
    problems.push({ path: hasKind ? 'subjectId' : 'subjectKind', message: '关联事项的类型和编号须同时填写' });
  } else if (hasKind && !(MEETING_SUBJECT_KINDS as readonly string[]).includes(input.subjectKind!.trim())) {
    problems.push({ path: 'subjectKind', message: '关联事项应为稳评或风险隐患' });
  }
  return problems;
}

export interface MeetingDecisionInput {
  content?: string | null;
  /** Whether the decision is assigned to a unit as a task (交办). */
  assign?: boolean;
  unitId?: string | null;
  dueDate?: string | null;
}

/** Problems with one decision of a meeting held on `heldOn`; an assigned one needs a unit and a deadline. */
export function meetingDecisionProblems(
  decision: MeetingDecisionInput,
  context: { heldOn: string; today?: string },
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (isBlank(decision.content)) problems.push({ path: 'content', message: '请填写“议定事项”' });
  if (!decision.assign) return problems;
  if (isBlank(decision.unitId)) problems.push({ path: 'unitId', message: '交办事项请填写“责任单位”' });
  if (isBlank(decision.dueDate)) problems.push({ path: 'dueDate', message: '交办事项请填写“完成时限”' });
  const due =
    dateProblem('dueDate', '完成时限', decision.dueDate, { notBefore: { date: context.heldOn, label: '会议日期' } }) ??
    dateProblem('dueDate', '完成时限', decision.dueDate, { notBefore: todayBound(context.today) });
  if (due) problems.push(due);
  return problems;
}

/**
 * The task an assigned decision becomes, its clock starting on the meeting day. Throws when the
 * decision is not assigned or is incomplete: run `meetingDecisionProblems` first.
 */
export function assignmentFromDecision(decision: MeetingDecisionInput, meeting: { heldOn: string }): TaskDraft {
  const problems = meetingDecisionProblems(decision, { heldOn: meeting.heldOn });
  if (!decision.assign) throw new Error('该议定事项未交办，不生成任务');
  if (problems.length) throw new Error(problems.map((p) => p.message).join('；'));
  return {
    kind: 'assignment',
    title: decision.content!.trim(),
    unitId: decision.unitId!.trim(),
    startDate: meeting.heldOn,
    dueDate: decision.dueDate!.trim(),
  };
}
