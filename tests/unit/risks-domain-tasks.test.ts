import { describe, expect, it } from 'vitest';
import { addMonths, clockStage } from '../../shared/domain/ledger/deadlines';
import { addDays } from '../../shared/domain/ledger/calendar';
import { deadlineStage } from '../../shared/domain/petitions/stages';
import {
  allowedTaskActions,
  assignmentFromDecision,
  canTaskTransition,
  dueReReviews,
  MEETING_LEVEL_LABELS,
  MEETING_LEVELS,
  MEETING_NAMES,
  meetingDecisionProblems,
  meetingProblems,
  nextMeetingLevel,
  nextReReviewDate,
  nextTaskStatus,
  reReviewDate,
  reReviewEntryProblems,
  reReviewSchedule,
  reReviewStage,
  TASK_ACTION_LABELS,
  TASK_ACTIONS,
  TASK_STATUS_LABELS,
  TASK_STATUSES,
  taskDraftProblems,
  taskStage,
  taskTransitionError,
  taskTransitionProblems,
  type ReReviewItem,
  type TaskAction,
  type TaskStatus,
} from '../../shared/domain/risks';

const LEGAL: Record<TaskStatus, Partial<Record<TaskAction, TaskStatus>>> = {
  pending: { start: 'in_progress', complete: 'done', reschedule: 'pending', cancel: 'cancelled' },
  in_progress: { complete: 'done', reschedule: 'in_progress', cancel: 'cancelled' },
  done: { reopen: 'in_progress' },
  cancelled: {},
};
const pairs = TASK_STATUSES.flatMap((from) => TASK_ACTIONS.map((action) => [from, action] as const));
const legalPairs = pairs.filter(([from, action]) => LEGAL[from][action] !== undefined);
const illegalPairs = pairs.filter(([from, action]) => LEGAL[from][action] === undefined);

describe('measures and assigned tasks: the machine', () => {
  it('labels statuses and actions in Chinese', () => {
    expect(TASK_STATUS_LABELS).toEqual({
      pending: '待落实',
      in_progress: '落实中',
      done: '已完成',
      cancelled: '已撤销',
    });
    expect(TASK_ACTIONS.map((a) => TASK_ACTION_LABELS[a])).toEqual([
      '开始落实',
      '完成',
      '调整时限',
      '撤销',
      '重新落实',
    ]);
  });

  it('covers all 20 pairs: 8 legal, 12 refused', () => {
    expect(legalPairs).toHaveLength(8);
    expect(illegalPairs).toHaveLength(12);
  });

  it.each(legalPairs)('allows %s → %s', (from, action) => {
    expect(canTaskTransition(from, action)).toBe(true);
    expect(nextTaskStatus(from, action)).toBe(LEGAL[from][action]);
  });

  it.each(illegalPairs)('refuses %s → %s', (from, action) => {
    expect(canTaskTransition(from, action)).toBe(false);
    expect(nextTaskStatus(from, action)).toBeNull();
    const message = taskTransitionError(from, action)!;
    expect(message).toContain(`当前状态为“${TASK_STATUS_LABELS[from]}”，不能“${TASK_ACTION_LABELS[action]}”。`);
    expect(taskTransitionProblems(from, action, {})).toEqual([{ path: 'status', message }]);
  });

  it('leaves a cancelled task with nothing to do', () => {
    expect(allowedTaskActions('cancelled')).toEqual([]);
    expect(taskTransitionError('cancelled', 'reopen')).toBe(
      '当前状态为“已撤销”，不能“重新落实”。此状态下没有可进行的操作',
    );
  });

  it.each([
    ['pending', 'start', ['progressNote'], ['进展情况']],
    ['in_progress', 'complete', ['completedOn', 'outcome'], ['完成日期', '落实情况']],
    ['pending', 'reschedule', ['dueDate', 'reason'], ['完成时限', '原因']],
    ['in_progress', 'cancel', ['reason'], ['原因']],
    ['done', 'reopen', ['reason', 'dueDate'], ['原因', '完成时限']],
  ] as const)('%s → %s needs %j', (from, action, fields, labels) => {
    expect(taskTransitionProblems(from, action, {})).toEqual(
      fields.map((path, i) => ({ path, message: `请填写“${labels[i]}”` })),
    );
  });

  it('checks the dates against today, the day it was set and the current deadline', () => {
    const current = { today: '2026-03-10', startDate: '2026-03-01', dueDate: '2026-03-20' };
    expect(
      taskTransitionProblems('in_progress', 'complete', { completedOn: '2026-03-10', outcome: '已落实' }, current),
    ).toEqual([]);
    expect(
      taskTransitionProblems('in_progress', 'complete', { completedOn: '2026-02-28', outcome: '已落实' }, current),
    ).toEqual([{ path: 'completedOn', message: '“完成日期”不能早于下达日期（2026-03-01）' }]);
    expect(
      taskTransitionProblems('in_progress', 'complete', { completedOn: '2026-03-11', outcome: '已落实' }, current),
    ).toEqual([{ path: 'completedOn', message: '“完成日期”不能晚于今天（2026-03-10）' }]);
    expect(taskTransitionProblems('pending', 'reschedule', { dueDate: '2026-03-20', reason: '汛期' }, current)).toEqual(
      [{ path: 'dueDate', message: '调整时限须改为另一个日期' }],
    );
    expect(taskTransitionProblems('pending', 'reschedule', { dueDate: '2026-03-09', reason: '汛期' }, current)).toEqual(
      [{ path: 'dueDate', message: '“完成时限”不能早于今天（2026-03-10）' }],
    );
    expect(taskTransitionProblems('done', 'reopen', { dueDate: '2026-04-31', reason: '反弹' }, current)).toEqual([
      { path: 'dueDate', message: '“完成时限”应为 YYYY-MM-DD 格式的真实日期' },
    ]);
  });

  it('checks a new task: content, unit, a deadline not before the day it was set nor today', () => {
    const draft = {
      kind: 'measure',
      title: '发放拖欠工资',
      unitId: 'U1',
      startDate: '2026-03-01',
      dueDate: '2026-03-31',
    };
    expect(taskDraftProblems(draft, '2026-03-01')).toEqual([]);
    expect(taskDraftProblems({ kind: 'assignment' })).toEqual([
      { path: 'title', message: '请填写“交办事项”' },
      { path: 'unitId', message: '请填写“责任单位”' },
      { path: 'dueDate', message: '请填写“完成时限”' },
    ]);
    expect(taskDraftProblems({ ...draft, title: '', dueDate: '2026-02-28' })).toEqual([
      { path: 'title', message: '请填写“措施内容”' },
      { path: 'dueDate', message: '“完成时限”不能早于下达日期（2026-03-01）' },
    ]);
    expect(taskDraftProblems(draft, '2026-04-01')).toEqual([
      { path: 'dueDate', message: '“完成时限”不能早于今天（2026-04-01）' },
    ]);
  });
});

describe('deadline stages of a task', () => {
  const stage = (startDate: string, dueDate: string, today: string, status: TaskStatus = 'in_progress') =>
    taskStage({ status, startDate, dueDate, today });

  it.each([
    // Set on the last day of January, due at the end of February (28 days in 2026).
    ['2026-01-31', '2026-02-28', '2026-02-13', 'normal'],
    ['2026-01-31', '2026-02-28', '2026-02-14', 'half_used'],
    ['2026-01-31', '2026-02-28', '2026-02-24', 'half_used'],
    ['2026-01-31', '2026-02-28', '2026-02-25', 'due_soon'],
    ['2026-01-31', '2026-02-28', '2026-02-28', 'due_soon'],
    ['2026-01-31', '2026-02-28', '2026-03-01', 'overdue'],
    // Leap year: 2024-02-15 → 2024-03-01 is 15 days, 02-29 included.
    ['2024-02-15', '2024-03-01', '2024-02-22', 'normal'],
    ['2024-02-15', '2024-03-01', '2024-02-23', 'half_used'],
    ['2024-02-15', '2024-03-01', '2024-02-26', 'half_used'],
    ['2024-02-15', '2024-03-01', '2024-02-27', 'due_soon'],
    ['2024-02-15', '2024-03-01', '2024-02-29', 'due_soon'],
    // Due 03-02: on 02-28 three days are left only because 02-29 exists.
    ['2024-02-15', '2024-03-02', '2024-02-27', 'half_used'],
    ['2024-02-15', '2024-03-02', '2024-02-28', 'due_soon'],
    ['2023-02-15', '2023-03-02', '2023-02-27', 'due_soon'],
    ['2024-02-15', '2024-03-01', '2024-03-02', 'overdue'],
    // Across the year end.
    ['2025-12-20', '2026-01-05', '2025-12-27', 'normal'],
    ['2025-12-20', '2026-01-05', '2025-12-28', 'half_used'],
    ['2025-12-20', '2026-01-05', '2026-01-02', 'due_soon'],
    ['2025-12-20', '2026-01-05', '2026-01-06', 'overdue'],
  ] as const)('set %s, due %s: on %s it is %s', (start, due, today, expected) => {
    expect(stage(start, due, today)).toBe(expected);
    expect(stage(start, due, today, 'pending')).toBe(expected);
  });

  it('stops the clock when done and drops a cancelled task', () => {
    expect(stage('2026-01-31', '2026-02-28', '2026-05-01', 'done')).toBe('done');
    expect(stage('2026-01-31', '2026-02-28', '2026-05-01', 'cancelled')).toBeNull();
  });

  it('takes the 临期 threshold from the settings', () => {
    expect(
      taskStage({ status: 'pending', startDate: '2026-01-31', dueDate: '2026-02-28', today: '2026-02-23' }, 5),
    ).toBe('due_soon');
    expect(() =>
      taskStage({ status: 'pending', startDate: '2026-01-31', dueDate: null, today: '2026-02-23' }, 1.5),
    ).toThrow('临期天数应为非负整数：1.5');
  });

  it('agrees with the petitions’ deadlineStage on every day of a clock, so that one can delegate', () => {
    for (const [start, due] of [
      ['2024-02-10', '2024-03-10'],
      ['2026-03-01', '2026-03-16'],
      ['2026-12-25', '2027-01-03'],
    ] as const) {
      for (let i = -2; i < 45; i += 1) {
        const today = addDays(start, i);
        for (const dueSoon of [0, 3, 7]) {
          const petition = deadlineStage({ status: 'resolving', startDate: start, dueDate: due, today }, dueSoon);
          expect(clockStage({ concluded: false, startDate: start, dueDate: due, today }, dueSoon)).toBe(petition);
        }
      }
    }
    expect(clockStage({ concluded: true, startDate: '2026-01-01', dueDate: null, today: '2026-02-01' })).toBe('done');
    expect(clockStage({ concluded: false, startDate: '2026-01-01', dueDate: null, today: '2026-02-01' })).toBeNull();
  });
});

describe('moving a date by months', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 48, '2028-02-29'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-05-31', 1, '2026-06-30'],
    ['2026-08-31', 6, '2027-02-28'],
    ['2026-12-15', 1, '2027-01-15'],
    ['2026-01-15', -1, '2025-12-15'],
    ['1900-01-29', 1, '1900-02-28'],
    ['2000-01-29', 1, '2000-02-29'],
    ['2026-04-30', 0, '2026-04-30'],
  ] as const)('%s + %i months is %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it('refuses bad input', () => {
    expect(() => addMonths('2026-02-30', 1)).toThrow('日期“2026-02-30”无效');
    expect(() => addMonths('2026-01-01', 1.5)).toThrow('月数应为整数：1.5');
    expect(() => addMonths('9999-12-01', 1)).toThrow('超出 0001–9999 年的范围');
  });
});

describe('re-reviews', () => {
  it('anchors the schedule on the implementation date, so month ends do not drift', () => {
    expect(reReviewSchedule('2026-01-31', 1, 4)).toEqual(['2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31']);
    expect(reReviewSchedule('2023-08-31', 6, 3)).toEqual(['2024-02-29', '2024-08-31', '2025-02-28']);
    expect(reReviewSchedule('2026-06-01', 12, 0)).toEqual([]);
    expect(reReviewDate('2024-02-29', 12, 4)).toBe('2028-02-29');
  });

  it('gives the next date after the re-reviews held', () => {
    expect(nextReReviewDate('2026-01-31', 3, 0)).toBe('2026-04-30');
    expect(nextReReviewDate('2026-01-31', 3, 1)).toBe('2026-07-31');
    expect(nextReReviewDate('2026-01-31', 6, 1)).toBe('2027-01-31');
  });

  it('refuses a bad interval or position', () => {
    expect(() => reReviewDate('2026-01-01', 0, 1)).toThrow('复评周期应为 1 至 60 之间的整数（月）：0');
    expect(() => reReviewDate('2026-01-01', 6, 0)).toThrow('复评次序应为正整数：0');
    expect(() => reReviewSchedule('2026-01-01', 6, -1)).toThrow('复评次数应为非负整数：-1');
  });

  const item = (id: string, status: ReReviewItem['status'], nextReReviewOn: string | null): ReReviewItem => ({
    id,
    status,
    lastReviewedOn: '2026-01-01',
    nextReReviewOn,
  });
  const items = [
    item('a', 'tracking', '2026-06-17'), // 2 days left: due soon
    item('b', 'tracking', '2026-06-10'), // overdue
    item('c', 'tracking', '2026-06-19'), // 4 days left: not yet
    item('d', 'archived', '2026-06-01'), // archived: never shows
    item('e', 'tracking', null), // none scheduled
    item('f', 'tracking', '2026-06-15'), // due today
    item('g', 'decided', '2026-06-15'), // not tracked yet
  ];

  it('shows the due and overdue re-reviews of tracked assessments, earliest first', () => {
    expect(dueReReviews(items, '2026-06-15').map((i) => i.id)).toEqual(['b', 'f', 'a']);
    expect(dueReReviews(items, '2026-06-15', 5).map((i) => i.id)).toEqual(['b', 'f', 'a', 'c']);
    expect(dueReReviews(items, '2026-01-02')).toEqual([]);
    expect(reReviewStage(items[2], '2026-06-15')).toBe('half_used');
    expect(reReviewStage(items[3], '2026-06-15')).toBeNull();
  });

  it('checks a re-review entry', () => {
    const context = { status: 'tracking', implementedOn: '2026-01-31', today: '2026-07-31' } as const;
    expect(
      reReviewEntryProblems(
        { reviewedOn: '2026-07-31', finding: '群众情绪平稳', riskLevel: 'low', nextReReviewOn: '2027-01-31' },
        context,
      ),
    ).toEqual([]);
    expect(reReviewEntryProblems({}, context).map((p) => p.path)).toEqual(['reviewedOn', 'finding', 'riskLevel']);
    expect(
      reReviewEntryProblems(
        { reviewedOn: '2026-01-30', finding: 'x', riskLevel: 'severe', nextReReviewOn: '2026-01-29' },
        context,
      ),
    ).toEqual([
      { path: 'reviewedOn', message: '“复评日期”不能早于实施日期（2026-01-31）' },
      { path: 'riskLevel', message: '“当前风险等级”应为高、中、低之一' },
    ]);
    expect(
      reReviewEntryProblems(
        { reviewedOn: '2026-07-01', finding: 'x', riskLevel: 'low', nextReReviewOn: '2026-07-01' },
        context,
      ),
    ).toEqual([{ path: 'nextReReviewOn', message: '“下次复评日期”应晚于“复评日期”' }]);
    expect(reReviewEntryProblems({}, { ...context, status: 'archived' })).toEqual([
      { path: 'status', message: '只有“跟踪中”的事项可以登记复评' },
    ]);
  });
});

describe('meetings (一评四会)', () => {
  it('has the four levels, village to city, with their meetings', () => {
    expect(MEETING_LEVELS).toEqual(['village', 'township', 'county', 'city']);
    expect(MEETING_LEVELS.map((l) => MEETING_NAMES[l])).toEqual([
      '村居说事评理会',
      '乡办综治联席会',
      '县区评议会商会',
      '市级分析研判会',
    ]);
    expect(MEETING_LEVEL_LABELS.township).toBe('乡镇（街道）级');
    expect(MEETING_LEVELS.map(nextMeetingLevel)).toEqual(['township', 'county', 'city', null]);
  });

  it('checks a meeting record', () => {
    const meeting = {
      level: 'township',
      heldOn: '2026-03-05',
      topic: '某村征地补偿',
      chairedBy: '张三',
      attendeeCount: 12,
    };
    expect(meetingProblems(meeting, '2026-03-05')).toEqual([]);
    expect(meetingProblems({ ...meeting, subjectKind: 'hazard', subjectId: 'h1' })).toEqual([]);
    expect(meetingProblems({})).toEqual([
      { path: 'level', message: '请选择“会议层级”' },
      { path: 'heldOn', message: '请填写“会议日期”' },
      { path: 'topic', message: '请填写“议题”' },
      { path: 'chairedBy', message: '请填写“主持人”' },
    ]);
    expect(
      meetingProblems(
        { ...meeting, level: 'province', heldOn: '2026-03-06', attendeeCount: -1, subjectId: 'x' },
        '2026-03-05',
      ),
    ).toEqual([
      { path: 'level', message: '“会议层级”应为村（社区）级、乡镇（街道）级、县（区）级、市级之一' },
      { path: 'heldOn', message: '“会议日期”不能晚于今天（2026-03-05）' },
      { path: 'attendeeCount', message: '“参会人数”应为不小于 0 的整数' },
      { path: 'subjectKind', message: '关联事项的类型和编号须同时填写' },
    ]);
    expect(meetingProblems({ ...meeting, subjectKind: 'petition', subjectId: 'p1' })).toEqual([
      { path: 'subjectKind', message: '关联事项应为稳评或风险隐患' },
    ]);
  });

  it('turns an assigned decision into a task with a unit and a deadline, its clock starting on the meeting day', () => {
    const decision = { content: '住建局牵头约谈开发商', assign: true, unitId: 'U-zj', dueDate: '2026-03-20' };
    expect(meetingDecisionProblems(decision, { heldOn: '2026-03-05', today: '2026-03-06' })).toEqual([]);
    expect(assignmentFromDecision(decision, { heldOn: '2026-03-05' })).toEqual({
      kind: 'assignment',
      title: '住建局牵头约谈开发商',
      unitId: 'U-zj',
      startDate: '2026-03-05',
      dueDate: '2026-03-20',
    });
  });

  it('needs a unit and a deadline only for an assigned decision', () => {
    expect(meetingDecisionProblems({ content: '继续观察' }, { heldOn: '2026-03-05' })).toEqual([]);
    expect(meetingDecisionProblems({ content: '', assign: true }, { heldOn: '2026-03-05' })).toEqual([
      { path: 'content', message: '请填写“议定事项”' },
      { path: 'unitId', message: '交办事项请填写“责任单位”' },
      { path: 'dueDate', message: '交办事项请填写“完成时限”' },
    ]);
    expect(
      meetingDecisionProblems(
        { content: 'x', assign: true, unitId: 'U', dueDate: '2026-03-04' },
        { heldOn: '2026-03-05' },
      ),
    ).toEqual([{ path: 'dueDate', message: '“完成时限”不能早于会议日期（2026-03-05）' }]);
    expect(() => assignmentFromDecision({ content: '继续观察' }, { heldOn: '2026-03-05' })).toThrow('该议定事项未交办');
    expect(() => assignmentFromDecision({ content: 'x', assign: true }, { heldOn: '2026-03-05' })).toThrow(
      '交办事项请填写“责任单位”',
    );
  });
});
