import { describe, expect, it } from 'vitest';
import { formatRate, resultOf } from '../../shared/domain/ledger/figures';
import {
  computeDisputeFigures,
  preventedCriminalPeople,
  type DisputeFigureRecord,
} from '../../shared/domain/disputes/figures';
import { DEFAULT_DISPUTE_TIME_LIMITS, disputeDueDate } from '../../shared/domain/disputes/handling';
import { disputeDraftProblems } from '../../shared/domain/disputes/intake';
import { transferDirection, transferProblems } from '../../shared/domain/disputes/levels';
import {
  allowedDisputeActions,
  disputeTransitionProblems,
  nextDisputeStatus,
} from '../../shared/domain/disputes/statuses';

const draft = {
  channel: 'visit',
  category: 'neighbour',
  summary: '宅基地边界争执',
  receivedOn: '2026-11-20',
  townshipCode: '999901001000',
  parties: [{ kind: 'person', side: 'applicant', name: '王建国', idNumber: '410102198001191234' }],
};

const context = { today: '2026-11-22', receivedOn: '2026-11-20', routedOn: null, resultOn: null, visitedOn: null };

describe('disputes: intake', () => {
  it('accepts a complete intake and names each missing or wrong field', () => {
    expect(disputeDraftProblems(draft, '2026-11-22')).toEqual([]);
    const problems = disputeDraftProblems(
      {
        ...draft,
        channel: 'fax',
        summary: ' ',
        receivedOn: '2026-11-23',
        parties: [{ kind: 'person', name: '', idNumber: '123' }],
      },
      '2026-11-22',
    );
    expect(problems.map((p) => p.path)).toEqual([
      'summary',
      'channel',
      'receivedOn',
      'parties.0.name',
      'parties.0.idNumber',
    ]);
    expect(disputeDraftProblems({ ...draft, parties: [] })).toEqual([
      { path: 'parties', message: '请至少登记一位“当事人”' },
    ]);
  });

  it('refuses an ID number on an organisation', () => {
    const problems = disputeDraftProblems({
      ...draft,
      parties: [{ kind: 'organisation', side: 'respondent', name: '某物业公司', idNumber: '410102198001191234' }],
    });
    expect(problems).toEqual([{ path: 'parties.0.idNumber', message: '单位当事人不填身份证号，请清空' }]);
  });
});

describe('disputes: the loop', () => {
  it('runs 受理 → 分流 → 调处 → 调解成功 → 回访 → 销号', () => {
    const path = ['route', 'startMediation', 'settle', 'visit', 'closeOut'] as const;
    let status = 'received' as const as Parameters<typeof nextDisputeStatus>[0];
    for (const action of path) {
      expect(allowedDisputeActions(status)).toContain(action);
      status = nextDisputeStatus(status, action)!;
    }
    expect(status).toBe('closed');
    expect(allowedDisputeActions('closed')).toEqual([]);
  });

  it('requires each step its fields and refuses a step out of turn', () => {
    expect(disputeTransitionProblems('received', 'route', {}, context).map((p) => p.path)).toEqual([
      'handlingKind',
      'unitId',
    ]);
    expect(disputeTransitionProblems('received', 'settle', {}, context)).toEqual([
      { path: 'status', message: '当前状态为“已受理”，不能“调解成功”。可进行：分流、引导、撤回、转出' },
    ]);
    expect(
      disputeTransitionProblems('routed', 'startMediation', { coordination: 'joint', mediator: '李调解' }, context),
    ).toEqual([{ path: 'coUnitIds', message: '协同调处请选择至少一个“协同单位”' }]);
    const lead = { ...context, unitId: 'u1' };
    expect(
      disputeTransitionProblems(
        'routed',
        'startMediation',
        { coordination: 'joint', coUnitIds: ['u1'], mediator: '李' },
        lead,
      ),
    ).toEqual([{ path: 'coUnitIds', message: '归口单位已是牵头单位，请从“协同单位”中去掉' }]);
  });

  it('dates a step not before the previous one nor after today', () => {
    const routed = { ...context, routedOn: '2026-11-21' };
    const early = disputeTransitionProblems(
      'mediating',
      'settle',
      { agreementAttachmentId: 'f', judicialConfirmation: 'no', happenedOn: '2026-11-20' },
      routed,
    );
    expect(early).toEqual([{ path: 'happenedOn', message: '“结果日期”不能早于分流日期（2026-11-21）' }]);
    const late = disputeTransitionProblems(
      'received',
      'route',
      { handlingKind: 'unit', unitId: 'u', happenedOn: '2026-11-23' },
      context,
    );
    expect(late).toEqual([{ path: 'happenedOn', message: '“分流日期”不能晚于今天（2026-11-22）' }]);
  });

  it('gives people’s mediation a month and a unit 15 days by default', () => {
    expect(DEFAULT_DISPUTE_TIME_LIMITS.people_mediation).toBe(30);
    expect(disputeDueDate('2026-11-20', 'people_mediation', DEFAULT_DISPUTE_TIME_LIMITS)).toBe('2026-12-20');
    expect(disputeDueDate('2026-11-20', 'unit', { ...DEFAULT_DISPUTE_TIME_LIMITS, unit: 10 })).toBe('2026-11-30');
  });

  it('moves between levels with a reason, never once concluded', () => {
    expect(transferDirection('village', 'township')).toBe('up');
    expect(transferDirection('county', 'township')).toBe('down');
    expect(transferProblems({ toLevel: 'village', reason: '' }, { level: 'village', open: true })).toEqual([
      { path: 'reason', message: '请填写“移交原因”' },
      { path: 'toLevel', message: '当前已在“村（社区）”，请选择另一层级' },
    ]);
    expect(transferProblems({ toLevel: 'county', reason: '复杂' }, { level: 'village', open: false })[0]!.path).toBe(
      'status',
    );
  });
});

describe('disputes: figures', () => {
  it('prints 化解率 and 办结率 with two decimals, exact half up', () => {
    expect(formatRate(resultOf(34_509, 36_045))).toBe('95.74%');
    // 3,783 of 4,346 is 87.0455…%: half up to 87.05%.
    expect(formatRate(resultOf(3_783, 4_346))).toBe('87.05%');
    expect(formatRate(resultOf(1, 8))).toBe('12.50%');
    expect(formatRate(resultOf(1, 800))).toBe('0.13%');
    expect(formatRate(resultOf(0, 0))).toBe('—');
  });

  it('counts each figure over its own denominator', () => {
    const base: DisputeFigureRecord = {
      result: null,
      escalated: false,
      satisfaction: null,
      preventedCriminal: false,
      preventedCriminalPeople: 0,
      preventedCollective: false,
      level: 'village',
    };
    const records: DisputeFigureRecord[] = [
      { ...base, result: 'settled', satisfaction: 'satisfied', preventedCriminal: true, preventedCriminalPeople: 3 },
      { ...base, result: 'settled', satisfaction: 'unsatisfied', preventedCollective: true },
      { ...base, result: 'unsettled', escalated: true, satisfaction: 'basically_satisfied' },
      { ...base, escalated: true },
    ];
    const figures = computeDisputeFigures(records);
    expect(figures.resolution_rate).toMatchObject({ numerator: 2, denominator: 4 });
    expect(figures.closure_rate).toMatchObject({ numerator: 3, denominator: 4 });
    expect(figures.satisfaction_rate).toMatchObject({ numerator: 2, denominator: 3 });
    expect(figures.escalation_rate).toMatchObject({ numerator: 2, denominator: 4 });
    expect(figures.prevented_criminal).toMatchObject({ numerator: 1, denominator: 2 });
    expect(figures.prevented_collective).toMatchObject({ numerator: 1, denominator: 2 });
    expect(preventedCriminalPeople(records)).toBe(3);
  });
});
