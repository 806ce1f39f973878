import { describe, expect, it } from 'vitest';
import type { InputOf } from '../../shared/contract';
import { seed } from '../helpers/backend';
import { BUREAU, LEADER, must, PETITIONER, petitionBackend, registration, TOWN_UNIT } from '../helpers/petitions';

type Setup = Awaited<ReturnType<typeof petitionBackend>>;
type Step = Omit<InputOf<'petitions.transition'>, 'id'>;

async function step(setup: Setup, id: string, input: Step) {
  return must(setup.backend.call('petitions.transition', { id, ...input }, setup.officer));
}

/** A 申诉求决 case registered (received 2026-11-20) and classified; today is 2026-11-22. */
async function appealCase(setup: Setup, over: Partial<InputOf<'petitions.create'>> = {}) {
  const { petition } = await must(
    setup.backend.call('petitions.create', registration({ separateCase: true, ...over }), setup.officer),
  );
  await step(setup, petition.id, { action: 'classify', itemType: 'appeal', category: 'labour_social_security' });
  return petition.id;
}

const assign = (dueDate: string): Step => ({
  action: 'assign',
  handlingUnitId: TOWN_UNIT,
  responsibleLeaderId: LEADER,
  dueDate,
});

describe('petitions: the procedure of the regulation, on real SQLite', () => {
  it('runs 受理 → 交办 → 答复 → 复查 → 复核 to finality, each limit shown with its article and date', async () => {
    const setup = await petitionBackend();
    const id = await appealCase(setup);
    const accepted = await step(setup, id, { action: 'accept', happenedOn: '2026-11-21' });
    expect(accepted).toMatchObject({ status: 'accepted', acceptedDate: '2026-11-21', conclusionDueDate: '2027-01-20' });
    // Before assignment the list runs on Art. 22 (15 days from receipt).
    expect(accepted).toMatchObject({ statutoryDueDate: '2026-12-05', statutoryStage: 'normal' });

    // The 办理时限 defaults to the statutory date; later is refused naming 办理时限, earlier is an internal limit.
    const late = await setup.backend.call('petitions.transition', { id, ...assign('2027-01-21') }, setup.officer);
    expect(late).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        details: [
          {
            path: 'dueDate',
            message: '“办理时限”不能晚于法定办结期限（2027-01-20，第三十四条）；确需延长的，请先办理延期',
          },
        ],
      },
    });
    const assigned = await step(setup, id, assign('2026-12-31'));
    expect(assigned).toMatchObject({
      status: 'assigned',
      dueDate: '2026-12-31',
      statutoryDueDate: '2027-01-20',
      stage: 'normal',
      statutoryStage: 'normal',
    });
    expect(assigned.limits.map((l) => [l.key, l.article, l.due, l.doneOn, l.late])).toEqual([
      ['registration', '第二十二条', '2026-12-05', '2026-11-22', false],
      ['notification', '第二十三条', '2026-12-05', '2026-11-21', false],
      // 5 working days from Sunday 2026-11-22: Mon 23 … Fri 27.
      ['objection', '第二十三条', '2026-11-27', null, false],
      ['conclusion', '第三十四条', '2027-01-20', null, false],
    ]);

    const replied = await step(setup, id, { action: 'reply', replyKind: 'reject' });
    expect(replied).toMatchObject({ status: 'replied', replyDate: '2026-11-22', replyKind: 'reject', stage: 'done' });
    expect(replied.events.at(-1)).toMatchObject({ action: 'reply', reason: '处理意见：不予支持' });
    const reviewing = await step(setup, id, { action: 'requestReview' });
    expect(reviewing.limits.map((l) => [l.key, l.due, l.petitioners])).toEqual([
      ['registration', '2026-12-05', false],
      ['notification', '2026-12-05', false],
      ['conclusion', '2027-01-20', false],
      ['reviewRequest', '2026-12-22', true],
      ['reviewDecision', '2026-12-22', false],
    ]);
    await step(setup, id, { action: 'decideReview', reason: '维持原处理意见' });
    await step(setup, id, { action: 'requestReReview' });
    const final = await step(setup, id, { action: 'decideReReview', reason: '维持复查意见', hearingDays: '5' });
    expect(final).toMatchObject({ status: 'final', reReviewDecidedDate: '2026-11-22', reReviewHearingDays: 5 });
    // Hearing days are not counted: 30 + 5 days from the request.
    expect(final.limits.at(-1)).toMatchObject({ key: 'reReviewDecision', due: '2026-12-27', doneOn: '2026-11-22' });
    const after = await setup.backend.call('petitions.transition', { id, action: 'requestReview' }, setup.officer);
    expect(after).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    // A new petition on the same facts: linked to the final case and flagged 不再受理, not opened as new.
    const match = await must(
      setup.backend.call(
        'petitions.finalMatch',
        { idNumber: PETITIONER.idNumber, category: 'labour_social_security' },
        setup.officer,
      ),
    );
    expect(match).toEqual({ id, caseNo: final.caseNo });
    const other = await must(
      setup.backend.call(
        'petitions.finalMatch',
        { idNumber: PETITIONER.idNumber, category: 'land_acquisition' },
        setup.officer,
      ),
    );
    expect(other).toBeNull();
    const again = await must(
      setup.backend.call(
        'petitions.create',
        registration({ category: 'labour_social_security', receivedDate: '2026-11-22' }),
        setup.officer,
      ),
    );
    expect(again.linked).toBe(false);
    expect(again.petition).toMatchObject({
      status: 'not_again',
      finalCase: { id, caseNo: final.caseNo },
      stage: 'done',
      statutoryDueDate: null,
    });
    expect(again.petition.events[0]!.reason).toBe(
      `同一事实和理由已于 ${final.caseNo} 复核终结，不再受理（第三十六条）`,
    );
    expect((await must(setup.backend.call('petitions.get', { id }, setup.officer))).petitionCount).toBe(1);
  });

  it('never reopens a case decided on 复核, even once it was resolved and closed out', async () => {
    const setup = await petitionBackend();
    const id = await appealCase(setup);
    const steps: Step[] = [
      assign('2026-12-20'),
      { action: 'reply', replyKind: 'explain' },
      { action: 'requestReview' },
      { action: 'decideReview', reason: '维持原处理意见' },
      { action: 'requestReReview' },
      { action: 'decideReReview', reason: '维持复查意见' },
      { action: 'resolve', outcome: '信访人息诉罢访' },
    ];
    for (const input of steps) await step(setup, id, input);
    const closed = await must(
      setup.backend.call(
        'petitions.transition',
        { id, action: 'closeOut', evidence: '签署息诉罢访协议' },
        setup.leader,
      ),
    );
    expect(closed.status).toBe('closed');
    const reopened = await setup.backend.call(
      'petitions.transition',
      { id, action: 'reopen', reason: '信访人再次来访', dueDate: '2026-12-30' },
      setup.officer,
    );
    expect(reopened).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        details: [
          {
            path: 'status',
            message:
              '本案已于 2026-11-22 复核终结（第三十六条），不能重新化解。' +
              '信访人以同一事实和理由再次提出的，登记后按“不再受理”处理。',
          },
        ],
      },
    });
    expect((await must(setup.backend.call('petitions.get', { id }, setup.officer))).status).toBe('closed');
  });

  it('refuses 复查 requested after its 30 days, and refuses and records 不予受理 with its reason', async () => {
    const setup = await petitionBackend();
    const id = await appealCase(setup);
    await step(setup, id, assign('2026-12-20'));
    await step(setup, id, { action: 'reply', replyKind: 'explain' });
    seed(setup.backend, `UPDATE petitions SET reply_date = '2026-10-20' WHERE id = '${id}'`);
    const r = await setup.backend.call('petitions.transition', { id, action: 'requestReview' }, setup.officer);
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        details: [
          {
            path: 'happenedOn',
            message: '“复查申请日期”已超过请求复查期限（答复后 30 日内，至 2026-11-19，第三十五条），不予受理',
          },
        ],
      },
    });

    const refused = await appealCase(setup);
    const missing = await setup.backend.call('petitions.transition', { id: refused, action: 'refuse' }, setup.officer);
    expect(missing).toMatchObject({ ok: false, error: { details: [{ path: 'reason', message: '请填写“原因”' }] } });
    const done = await step(setup, refused, { action: 'refuse', reason: '属于诉讼程序处理的事项' });
    expect(done).toMatchObject({ status: 'not_accepted', refusedDate: '2026-11-22', stage: 'done' });
    expect(done.limits.map((l) => [l.key, l.doneOn])).toEqual([
      ['registration', '2026-11-22'],
      ['notification', '2026-11-22'],
    ]);
    expect(done.events.at(-1)).toMatchObject({ action: 'refuse', reason: '属于诉讼程序处理的事项' });
  });

  it('takes an objection within 5 working days, says when it came late, and awaits another assignment', async () => {
    const setup = await petitionBackend();
    const id = await appealCase(setup);
    await step(setup, id, assign('2026-12-20'));
    // Assigned on Thursday 2026-11-12: Fri 13, Mon 16 … Thu 19 are its five working days.
    seed(setup.backend, `UPDATE petitions SET assigned_date = '2026-11-12' WHERE id = '${id}'`);
    const objected = await step(setup, id, { action: 'object', reason: '不属本单位职权' });
    expect(objected).toMatchObject({ status: 'accepted', objectionDate: '2026-11-22', handlingUnitId: null });
    expect(objected.events.at(-1)!.reason).toBe(
      '不属本单位职权（逾期异议：已超过第二十三条规定的 5 个工作日，期限至 2026-11-19）',
    );
    expect(objected.limits.find((l) => l.key === 'objection')).toMatchObject({
      due: '2026-11-19',
      late: true,
      doneOn: '2026-11-22',
    });
    const reassigned = await step(setup, id, { ...assign('2026-12-31'), handlingUnitId: BUREAU });
    expect(reassigned).toMatchObject({ status: 'assigned', handlingUnitId: BUREAU });
  });

  it('puts an item not passed on within Art. 22’s 15 days on the supervision queue, overdue', async () => {
    const setup = await petitionBackend();
    const { petition } = await must(
      setup.backend.call(
        'petitions.create',
        registration({ separateCase: true, receivedDate: '2026-11-01' }),
        setup.officer,
      ),
    );
    const queue = await must(setup.backend.call('petitions.supervisionQueue', {}, setup.officer));
    expect(queue.items.map((q) => [q.id, q.reason, q.statutoryDueDate, q.daysOverdue])).toEqual([
      [petition.id, 'overdue', '2026-11-16', 6],
    ]);
  });
});
