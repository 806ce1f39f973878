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
  found: { classify: 'classified' },
  classified: { assign: 'assigned' },
  assigned: { transfer: 'assigned', startResolving: 'resolving' },
  resolving: { transfer: 'assigned', resolve: 'resolved' },
  resolved: { closeOut: 'closed', sendBack: 'resolving' },
  closed: { reopen: 'resolving' },
};

const STATUS_ZH: Record<PetitionStatus, string> = {
  found: '排查',
  classified: '梳理分类',
  assigned: '已交办',
  resolving: '化解中',
  resolved: '已化解',
  closed: '已销号',
};

const ACTION_ZH: Record<PetitionAction, string> = {
  classify: '梳理分类',
  assign: '交办',
  transfer: '转办',
  startResolving: '开始化解',
  resolve: '确认化解',
  closeOut: '销号',
  sendBack: '退回化解中',
  reopen: '重新化解',
};

const ALLOWED_ZH: Record<PetitionStatus, string> = {
  found: '梳理分类',
  classified: '交办',
  assigned: '转办、开始化解',
  resolving: '转办、确认化解',
  resolved: '销号、退回化解中',
  closed: '重新化解',
};

const pairs = PETITION_STATUSES.flatMap((from) => PETITION_ACTIONS.map((action) => [from, action] as const));
const legalPairs = pairs.filter(([from, action]) => LEGAL[from][action] !== undefined);
const illegalPairs = pairs.filter(([from, action]) => LEGAL[from][action] === undefined);

describe('petition statuses and actions', () => {
  it('has the six statuses of the closed loop, in order, with Chinese labels', () => {
    expect(PETITION_STATUSES).toEqual(['found', 'classified', 'assigned', 'resolving', 'resolved', 'closed']);
    expect(PETITION_STATUS_LABELS).toEqual(STATUS_ZH);
    expect(PETITION_ACTION_LABELS).toEqual(ACTION_ZH);
  });

  it('covers all 48 status × action pairs: 9 legal, 39 refused', () => {
    expect(pairs).toHaveLength(48);
    expect(legalPairs).toHaveLength(9);
    expect(illegalPairs).toHaveLength(39);
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
      `当前状态为“${STATUS_ZH[from]}”，不能“${ACTION_ZH[action]}”。可进行：${ALLOWED_ZH[from]}`,
    );
  });

  it('words the refusal of assigning a resolved case exactly', () => {
    expect(transitionError('resolved', 'assign')).toBe('当前状态为“已化解”，不能“交办”。可进行：销号、退回化解中');
  });

  it('lists the allowed actions of each status in the order of the loop', () => {
    expect(allowedActions('assigned')).toEqual(['transfer', 'startResolving']);
    expect(allowedActions('resolved')).toEqual(['closeOut', 'sendBack']);
    for (const status of PETITION_STATUSES) expect(allowedActions(status).length).toBeGreaterThan(0);
  });

  it('walks the whole loop, with a transfer, a send-back and a reopening', () => {
    const path: PetitionAction[] = [
      'classify',
      'assign',
      'startResolving',
      'transfer',
      'startResolving',
      'resolve',
      'sendBack',
      'resolve',
      'closeOut',
      'reopen',
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
      'assigned',
      'resolving',
      'assigned',
      'resolving',
      'resolved',
      'resolving',
      'resolved',
      'closed',
      'resolving',
      'resolved',
      'closed',
    ]);
  });

  it('cannot close out a case that was never resolved, nor skip straight from found to assigned', () => {
    expect(canTransition('resolving', 'closeOut')).toBe(false);
    expect(canTransition('assigned', 'resolve')).toBe(false);
    expect(canTransition('found', 'assign')).toBe(false);
    expect(canTransition('closed', 'transfer')).toBe(false);
  });

  it('moves an assigned case to resolving when its first progress is recorded, and refuses progress elsewhere', () => {
    expect(statusAfterProgress('assigned')).toBe('resolving');
    expect(statusAfterProgress('assigned')).toBe(nextStatus('assigned', 'startResolving'));
    expect(statusAfterProgress('resolving')).toBe('resolving');
    for (const status of ['found', 'classified', 'resolved', 'closed'] as const) {
      expect(statusAfterProgress(status)).toBeNull();
    }
  });
});

describe('required fields per action', () => {
  it.each([
    ['classify', ['itemType', 'category']],
    ['assign', ['handlingUnitId', 'responsibleLeaderId', 'dueDate']],
    ['transfer', ['handlingUnitId', 'reason']],
    ['startResolving', ['progressNote']],
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
