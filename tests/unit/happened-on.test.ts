import { describe, expect, it } from 'vitest';
import type { InputOf } from '../../shared/contract';
import { checkHappenedOn, latestBound } from '../../shared/domain/ledger/happened-on';
import { transitionProblems } from '../../shared/domain/petitions/statuses';
import { seed } from '../helpers/backend';
import { hazardDraft, RESPONSIBLE } from '../helpers/hazards';
import { LEADER, must, petitionBackend, registration, TOWN_UNIT } from '../helpers/petitions';

type Setup = Awaited<ReturnType<typeof petitionBackend>>;

describe('checkHappenedOn', () => {
  const bounds = { today: '2026-11-22', since: { date: '2026-11-03', label: '交办日期' } };

  it('takes a real date between the previous step and today, both included', () => {
    expect(checkHappenedOn('happenedOn', '化解日期', '2026-11-03', bounds)).toBeNull();
    expect(checkHappenedOn('happenedOn', '化解日期', '2026-11-22', bounds)).toBeNull();
    expect(checkHappenedOn('happenedOn', '化解日期', '', bounds)).toBeNull();
  });

  it('refuses the future, a date before the previous step and a date that does not exist, naming the field', () => {
    expect(checkHappenedOn('happenedOn', '化解日期', '2026-11-23', bounds)).toEqual({
      path: 'happenedOn',
      message: '“化解日期”不能晚于今天（2026-11-22）',
    });
    expect(checkHappenedOn('completedOn', '完成日期', '2026-11-02', bounds)).toEqual({
      path: 'completedOn',
      message: '“完成日期”不能早于交办日期（2026-11-03）',
    });
    expect(checkHappenedOn('happenedOn', '销号日期', '2026-02-30', bounds)).toEqual({
      path: 'happenedOn',
      message: '“销号日期”应为 YYYY-MM-DD 格式的真实日期',
    });
  });

  it('bounds by the latest of the record’s dates', () => {
    expect(
      latestBound({ date: '2026-11-01', label: '受理日期' }, null, { date: '2026-11-05', label: '交办日期' }),
    ).toEqual({ date: '2026-11-05', label: '交办日期' });
    expect(latestBound({ date: '', label: '化解日期' })).toBeNull();
  });

  it('is what a petition step answers: 答复 and 化解 not before the step before, no date on other steps', () => {
    const dates = { receivedDate: '2026-11-01', assignedDate: '2026-11-05', resolvedDate: null };
    const context = { today: '2026-11-22', dates };
    expect(
      transitionProblems('resolving', 'reply', { replyKind: 'support', happenedOn: '2026-11-04' }, context),
    ).toEqual([{ path: 'happenedOn', message: '“答复日期”不能早于交办日期（2026-11-05）' }]);
    expect(
      transitionProblems('resolving', 'reply', { replyKind: 'support', happenedOn: '2026-11-05' }, context),
    ).toEqual([]);
    const replied = { today: '2026-11-22', dates: { ...dates, replyDate: '2026-11-10' } };
    expect(transitionProblems('replied', 'resolve', { outcome: '已结清', happenedOn: '2026-11-09' }, replied)).toEqual([
      { path: 'happenedOn', message: '“化解日期”不能早于答复日期（2026-11-10）' },
    ]);
    expect(
      transitionProblems('found', 'classify', { itemType: 'appeal', category: 'x', happenedOn: '2026-11-05' }, context),
    ).toEqual([{ path: 'happenedOn', message: '“梳理分类”不记日期，请不要填写日期' }]);
  });
});

/**
 * A 申诉求决 case worked to 化解中, then dated back as a late entry would be: received and accepted
 * 11-08, assigned 11-10, due 11-20 by its 办理时限 and (as if the law said so) by Art. 34.
 */
async function caseDueOn20th(setup: Setup) {
  const { backend, officer } = setup;
  const { petition } = await must(backend.call('petitions.create', registration({ separateCase: true }), officer));
  const steps: Array<Omit<InputOf<'petitions.transition'>, 'id'>> = [
    { action: 'classify', itemType: 'appeal', category: 'labour_social_security' },
    { action: 'assign', handlingUnitId: TOWN_UNIT, responsibleLeaderId: LEADER, dueDate: '2026-11-25' },
    { action: 'startResolving', progressNote: '已约见信访人' },
  ];
  for (const step of steps) await must(backend.call('petitions.transition', { id: petition.id, ...step }, officer));
  seed(
    backend,
    `UPDATE petitions SET received_date = '2026-11-08', accepted_date = '2026-11-08', assigned_date = '2026-11-10',
     due_date = '2026-11-20', conclusion_due_date = '2026-11-20' WHERE id = '${petition.id}'`,
  );
  return petition.id;
}

describe('completion dates as they happened', () => {
  it('records a late-entered reply and resolution on their real dates, and the on-time rate counts the reply', async () => {
    const setup = await petitionBackend();
    const { backend, officer, leader } = setup;
    const onTime = await caseDueOn20th(setup);
    const late = await caseDueOn20th(setup);
    const replied = await must(
      backend.call(
        'petitions.transition',
        { id: onTime, action: 'reply', replyKind: 'support', happenedOn: '2026-11-17' },
        officer,
      ),
    );
    expect(replied).toMatchObject({ status: 'replied', replyDate: '2026-11-17' });
    const resolved = await must(
      backend.call(
        'petitions.transition',
        { id: onTime, action: 'resolve', outcome: '工资已结清', happenedOn: '2026-11-18' },
        officer,
      ),
    );
    expect(resolved).toMatchObject({ status: 'resolved', resolvedDate: '2026-11-18' });
    const lateOne = await must(
      backend.call('petitions.transition', { id: late, action: 'reply', replyKind: 'explain' }, officer),
    );
    expect(lateOne.replyDate).toBe('2026-11-22');
    const figures = await must(backend.call('petitions.figures', {}, officer));
    expect(figures.overall.on_time_rate).toMatchObject({ numerator: 1, denominator: 2 });

    const closed = await must(
      backend.call(
        'petitions.transition',
        { id: onTime, action: 'closeOut', evidence: '和解协议', happenedOn: '2026-11-21' },
        leader,
      ),
    );
    expect(closed).toMatchObject({ status: 'closed', closedDate: '2026-11-21' });
  });

  it('refuses a date in the future or before the previous step, naming the field, and changes nothing', async () => {
    const setup = await petitionBackend();
    const { backend, officer } = setup;
    const id = await caseDueOn20th(setup);
    const reply = (happenedOn: string) =>
      backend.call('petitions.transition', { id, action: 'reply', replyKind: 'support', happenedOn }, officer);
    expect(await reply('2026-11-23')).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: [{ path: 'happenedOn', message: '“答复日期”不能晚于今天（2026-11-22）' }] },
    });
    expect(await reply('2026-11-09')).toMatchObject({
      ok: false,
      error: { details: [{ path: 'happenedOn', message: '“答复日期”不能早于交办日期（2026-11-10）' }] },
    });
    expect((await must(backend.call('petitions.get', { id }, officer))).status).toBe('resolving');
  });

  it('records a hazard’s resolution and close-out on their real dates, not before it was found', async () => {
    const setup = await petitionBackend();
    const { backend, officer, leader } = setup;
    const hazard = await must(backend.call('hazards.create', hazardDraft({ foundOn: '2026-11-20' }), officer));
    await must(
      backend.call(
        'hazards.transition',
        {
          id: hazard.id,
          action: 'startResolving',
          responsibleLeaderId: LEADER,
          responsiblePersonId: RESPONSIBLE,
          measures: '约谈施工方',
        },
        officer,
      ),
    );
    const early = await backend.call(
      'hazards.transition',
      { id: hazard.id, action: 'resolve', outcome: '已结清', happenedOn: '2026-11-19' },
      officer,
    );
    expect(early).toMatchObject({
      ok: false,
      error: { details: [{ path: 'happenedOn', message: '“化解日期”不能早于发现日期（2026-11-20）' }] },
    });
    await must(
      backend.call(
        'hazards.transition',
        { id: hazard.id, action: 'resolve', outcome: '已结清', happenedOn: '2026-11-21' },
        officer,
      ),
    );
    const closed = await must(
      backend.call(
        'hazards.transition',
        { id: hazard.id, action: 'closeOut', evidence: '工资发放表', happenedOn: '2026-11-21' },
        leader,
      ),
    );
    expect(closed).toMatchObject({ status: 'closed', resolvedOn: '2026-11-21', closedOn: '2026-11-21' });
  });
});
