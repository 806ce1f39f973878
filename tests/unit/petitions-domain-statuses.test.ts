import { describe, expect, it } from 'vitest';
import {
  allowedActions,
  canTransition,
  nextStatus,
  PETITION_ACTION_LABELS,
  PETITION_ACTIONS,
  PETITION_STATUS_LABELS,
  PETITION_STATUSES,
  requiredFields,
  statusAfterProgress,
  transitionError,
  transitionProblems,
  type PetitionAction,
  type PetitionStatus,
} from '../../shared/domain/petitions/statuses';

// The expected machine, written out by hand: status → action → resulting status.
const LEGAL: Record<PetitionStatus, Partial<Record<PetitionAction, PetitionStatus>>> = {
  found: { refuse: 'not_accepted', refuseAgain: 'not_again', classify: 'classified' },
  classified: { accept: 'accepted', refuse: 'not_accepted', refuseAgain: 'not_again', assign: 'assigned' },
  accepted: { assign: 'assigned' },
  assigned: { transfer: 'assigned', object: 'accepted', startResolving: 'resolving', reply: 'replied' },
  resolving: { transfer: 'assigned', reply: 'replied' },
  replied: { requestReview: 'reviewing', resolve: 'resolved' },
  reviewing: { decideReview: 'reviewed' },
  reviewed: { requestReReview: 're_reviewing', resolve: 'resolved' },
  re_reviewing: { decideReReview: 'final' },
  final: { resolve: 'resolved' },
  resolved: { closeOut: 'closed', sendBack: 'replied' },
  closed: { reopen: 'resolving' },
  not_accepted: {},
  not_again: {},
};

const STATUS_ZH: Record<PetitionStatus, string> = {
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

const ACTION_ZH: Record<PetitionAction, string> = {
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

const NOTHING = '此状态下没有可进行的操作';
const ALLOWED_ZH: Record<PetitionStatus, string> = {
  found: '可进行：梳理分类、不予受理、不再受理',
  classified: '可进行：受理、不予受理、不再受理、交办',
  accepted: '可进行：交办',
  assigned: '可进行：转办、异议退回、开始化解、出具处理意见',
  resolving: '可进行：转办、出具处理意见',
  replied: '可进行：申请复查、确认化解',
  reviewing: '可进行：复查意见',
  reviewed: '可进行：申请复核、确认化解',
  re_reviewing: '可进行：复核意见',
  final: '可进行：确认化解',
  resolved: '可进行：销号、退回未化解',
  closed: '可进行：重新化解',
  not_accepted: NOTHING,
  not_again: NOTHING,
};

const pairs = PETITION_STATUSES.flatMap((from) => PETITION_ACTIONS.map((action) => [from, action] as const));
const legalPairs = pairs.filter(([from, action]) => LEGAL[from][action] !== undefined);
const illegalPairs = pairs.filter(([from, action]) => LEGAL[from][action] === undefined);

describe('petition statuses and actions', () => {
  it('has the statuses of the procedure, in order, with Chinese labels', () => {
    expect(PETITION_STATUSES).toEqual(Object.keys(STATUS_ZH));
    expect(PETITION_STATUS_LABELS).toEqual(STATUS_ZH);
    expect(PETITION_ACTION_LABELS).toEqual(ACTION_ZH);
  });

  it('covers all 238 status × action pairs: 24 legal, 214 refused', () => {
    expect(pairs).toHaveLength(14 * 17);
    expect(legalPairs).toHaveLength(24);
    expect(illegalPairs).toHaveLength(214);
  });

  it.each(legalPairs)('allows %s → %s and reaches the expected status', (from, action) => {
    expect(canTransition(from, action)).toBe(true);
    expect(nextStatus(from, action)).toBe(LEGAL[from][action]);
    expect(transitionError(from, action)).toBeNull();
  });

  it.each(illegalPairs)('refuses %s → %s with a message naming both and what is allowed', (from, action) => {
    expect(canTransition(from, action)).toBe(false);
    expect(nextStatus(from, action)).toBeNull();
    expect(transitionError(from, action)).toBe(
      `当前状态为“${STATUS_ZH[from]}”，不能“${ACTION_ZH[action]}”。${ALLOWED_ZH[from]}`,
    );
  });

  it('words the refusal of assigning a resolved case exactly', () => {
    expect(transitionError('resolved', 'assign')).toBe('当前状态为“已化解”，不能“交办”。可进行：销号、退回未化解');
  });

  it('lists the allowed actions of each status in the order of the loop', () => {
    expect(allowedActions('assigned')).toEqual(['transfer', 'object', 'startResolving', 'reply']);
    expect(allowedActions('resolved')).toEqual(['closeOut', 'sendBack']);
    // Only a refused item (不予受理, 不再受理) takes no further step.
    const terminal = PETITION_STATUSES.filter((status) => allowedActions(status).length === 0);
    expect(terminal).toEqual(['not_accepted', 'not_again']);
  });

  it('walks the whole procedure, with an objection, a transfer, 复查, 复核, a send-back and a reopening', () => {
    const path: PetitionAction[] = [
      'classify',
      'accept',
      'assign',
      'object',
      'assign',
      'startResolving',
      'transfer',
      'startResolving',
      'reply',
      'requestReview',
      'decideReview',
      'requestReReview',
      'decideReReview',
      'resolve',
      'sendBack',
      'resolve',
      'closeOut',
      'reopen',
      'reply',
      'resolve',
      'closeOut',
    ];
    const visited: PetitionStatus[] = ['found'];
    for (const action of path) {
      const next = nextStatus(visited[visited.length - 1], action);
      expect(next, action).not.toBeNull();
      visited.push(next!);
    }
    expect(visited).toEqual([
      'found',
      'classified',
      'accepted',
      'assigned',
      'accepted',
      'assigned',
      'resolving',
      'assigned',
      'resolving',
      'replied',
      'reviewing',
      'reviewed',
      're_reviewing',
      'final',
      'resolved',
      'replied',
      'resolved',
      'closed',
      'resolving',
      'replied',
      'resolved',
      'closed',
    ]);
  });

  it('cannot close out a case that was never resolved, nor skip straight from found to assigned', () => {
    expect(canTransition('resolving', 'closeOut')).toBe(false);
    expect(canTransition('assigned', 'resolve')).toBe(false);
    // 化解 only after the written reply: never straight from 化解中.
    expect(canTransition('resolving', 'resolve')).toBe(false);
    expect(canTransition('found', 'assign')).toBe(false);
    expect(canTransition('closed', 'transfer')).toBe(false);
  });

  it('moves an assigned case to resolving when its first progress is recorded, and refuses progress elsewhere', () => {
    expect(statusAfterProgress('assigned')).toBe('resolving');
    expect(statusAfterProgress('assigned')).toBe(nextStatus('assigned', 'startResolving'));
    expect(statusAfterProgress('resolving')).toBe('resolving');
    for (const status of ['found', 'classified', 'accepted', 'replied', 'final', 'resolved', 'closed'] as const) {
      expect(statusAfterProgress(status)).toBeNull();
    }
  });
});

describe('required fields per action', () => {
  it.each([
    ['classify', ['itemType', 'category']],
    ['accept', []],
    ['refuse', ['reason']],
    ['refuseAgain', ['reason']],
    ['assign', ['handlingUnitId', 'responsibleLeaderId', 'dueDate']],
    ['transfer', ['handlingUnitId', 'reason']],
    ['object', ['reason']],
    ['startResolving', ['progressNote']],
    ['reply', ['replyKind']],
    ['decideReview', ['reason']],
    ['decideReReview', ['reason']],
    ['resolve', ['outcome']],
    ['closeOut', ['approvingLeaderId', 'evidence']],
    ['sendBack', ['reason']],
    ['reopen', ['reason', 'dueDate']],
  ] as const)('%s needs %j', (action, fields) => {
    expect(requiredFields(action)).toEqual(fields);
  });

  it('names every missing field in Chinese, treating blank text as missing', () => {
    expect(transitionProblems('classified', 'assign', { handlingUnitId: '  ', responsibleLeaderId: null })).toEqual([
      { path: 'handlingUnitId', message: '请填写“承办单位”' },
      { path: 'responsibleLeaderId', message: '请填写“包案领导”' },
      { path: 'dueDate', message: '请填写“办理时限”' },
    ]);
    expect(transitionProblems('resolved', 'closeOut', {})).toEqual([
      { path: 'approvingLeaderId', message: '请填写“审批领导”' },
      { path: 'evidence', message: '请填写“销号依据”' },
    ]);
    expect(transitionProblems('closed', 'reopen', { dueDate: '2026-09-30' })).toEqual([
      { path: 'reason', message: '请填写“原因”' },
    ]);
  });

  it('accepts a complete assignment', () => {
    expect(
      transitionProblems(
        'classified',
        'assign',
        { handlingUnitId: 'u1', responsibleLeaderId: 'p1', dueDate: '2026-06-30' },
        { today: '2026-06-01' },
      ),
    ).toEqual([]);
  });

  it('refuses a due date that is not a real date, or lies before today', () => {
    const base = { handlingUnitId: 'u1', responsibleLeaderId: 'p1' };
    expect(transitionProblems('classified', 'assign', { ...base, dueDate: '2026-02-29' })).toEqual([
      { path: 'dueDate', message: '“办理时限”应为 YYYY-MM-DD 格式的真实日期' },
    ]);
    expect(
      transitionProblems('classified', 'assign', { ...base, dueDate: '2026-05-31' }, { today: '2026-06-01' }),
    ).toEqual([{ path: 'dueDate', message: '“办理时限”不能早于今天（2026-06-01）' }]);
    expect(
      transitionProblems('classified', 'assign', { ...base, dueDate: '2026-06-01' }, { today: '2026-06-01' }),
    ).toEqual([]);
  });

  it('takes a 办理时限 up to the statutory date, refuses a later one naming 办理时限', () => {
    const base = { handlingUnitId: 'u1', responsibleLeaderId: 'p1' };
    const context = { today: '2026-06-01', statutoryDue: '2026-07-31' };
    expect(transitionProblems('accepted', 'assign', { ...base, dueDate: '2026-07-01' }, context)).toEqual([]);
    expect(transitionProblems('accepted', 'assign', { ...base, dueDate: '2026-07-31' }, context)).toEqual([]);
    expect(transitionProblems('accepted', 'assign', { ...base, dueDate: '2026-08-01' }, context)).toEqual([
      {
        path: 'dueDate',
        message: '“办理时限”不能晚于法定办结期限（2026-07-31，第三十四条）；确需延长的，请先办理延期',
      },
    ]);
    // An item without Art. 34's clock (not 申诉求决) takes any future date.
    expect(
      transitionProblems('accepted', 'assign', { ...base, dueDate: '2027-12-31' }, { today: '2026-06-01' }),
    ).toEqual([]);
  });

  it('refuses a transfer to the unit that already has the case', () => {
    expect(
      transitionProblems(
        'resolving',
        'transfer',
        { handlingUnitId: 'u1', reason: '职责调整' },
        { handlingUnitId: 'u1' },
      ),
    ).toEqual([{ path: 'handlingUnitId', message: '转办须改为另一个承办单位' }]);
    expect(
      transitionProblems(
        'resolving',
        'transfer',
        { handlingUnitId: 'u2', reason: '职责调整' },
        { handlingUnitId: 'u1' },
      ),
    ).toEqual([]);
  });

  it('reports only the state error for a refused action, whatever the fields', () => {
    expect(transitionProblems('closed', 'closeOut', {})).toEqual([
      { path: 'status', message: '当前状态为“已销号”，不能“销号”。可进行：重新化解' },
    ]);
  });
});
