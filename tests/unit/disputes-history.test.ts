import { describe, expect, it } from 'vitest';
import { disputeHistory, type DisputeHistoryInput } from '../../shared/domain/disputes/history';

const TODAY = '2026-11-22';
const row = (over: Partial<DisputeHistoryInput>): DisputeHistoryInput => ({
  status: null,
  result: null,
  handlingKind: false,
  unit: false,
  receivedOn: '2026-10-01',
  routedOn: null,
  resultOn: null,
  visitedOn: null,
  closedOn: null,
  satisfaction: false,
  ...over,
});
const routed = { handlingKind: true, unit: true };

describe('a dispute brought in with its history', () => {
  it('infers the status as far as the dates reach, the routing day the intake day when not given', () => {
    expect(disputeHistory(row({}), TODAY)).toEqual({ status: 'received', result: null, routedOn: null, problems: [] });
    expect(disputeHistory(row(routed), TODAY)).toMatchObject({
      status: 'routed',
      routedOn: '2026-10-01',
      problems: [],
    });
    expect(disputeHistory(row({ ...routed, resultOn: '2026-10-20' }), TODAY)).toMatchObject({
      status: 'settled',
      result: 'settled',
      problems: [],
    });
    expect(
      disputeHistory(
        row({ result: 'withdrawn', resultOn: '2026-10-05', visitedOn: '2026-10-06', satisfaction: true }),
        TODAY,
      ),
    ).toMatchObject({ status: 'visited', result: 'withdrawn', routedOn: null, problems: [] });
  });

  it('refuses a status its result, routing or dates contradict, naming the field', () => {
    expect(disputeHistory(row({ status: 'closed', closedOn: '2026-10-30' }), TODAY).problems).toEqual([
      { key: 'result', message: '状态为“已销号”须填写处理结果' },
      { key: 'resultOn', message: '状态为“已销号”须填写结果日期' },
      { key: 'visitedOn', message: '状态为“已销号”须填写回访日期' },
      { key: 'satisfaction', message: '状态为“已销号”须填写当事人满意度' },
    ]);
    expect(
      disputeHistory(row({ status: 'guided', result: 'settled', resultOn: '2026-10-02', ...routed }), TODAY).problems,
    ).toEqual([
      { key: 'result', message: '处理结果“调解成功”与状态“已引导”不一致' },
      { key: 'handlingKind', message: '状态为“已引导”不应有调处方式' },
      { key: 'unit', message: '状态为“已引导”不应有归口单位' },
    ]);
    expect(disputeHistory(row({ status: 'received', resultOn: '2026-10-02' }), TODAY).problems).toEqual([
      { key: 'resultOn', message: '状态为“已受理”不应有结果日期' },
    ]);
    expect(
      disputeHistory(row({ ...routed, routedOn: '2026-09-30', resultOn: '2026-12-01' }), TODAY).problems.map(
        (p) => p.key,
      ),
    ).toEqual(['routedOn', 'resultOn']);
  });
});
