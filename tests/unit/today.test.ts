import { describe, expect, it } from 'vitest';
import { seed, signInAs } from '../helpers/backend';
import { assessmentInput } from '../helpers/assessments';
import { hazardDraft } from '../helpers/hazards';
import { EAST, must, petitionBackend, registration, TOWN_UNIT, WEST } from '../helpers/petitions';

/**
 * A hand-built day in the test county (today 2026-11-22): what arrived, was noted, assigned and
 * decided today, what falls due today and what became overdue today (due yesterday, 2026-11-21).
 */
async function builtDay() {
  const setup = await petitionBackend();
  const { backend, officer } = setup;
  // Hazards: two found today, one two days ago.
  const old = await must(backend.call('hazards.create', hazardDraft({ foundOn: '2026-11-20' }), officer));
  const red = await must(
    backend.call(
      'hazards.create',
      hazardDraft({ foundOn: '2026-11-22', level: 'red', title: '小区业主聚集' }),
      officer,
    ),
  );
  await must(backend.call('hazards.create', hazardDraft({ foundOn: '2026-11-22', title: '学校周边纠纷' }), officer));
  // Cases: one received today, two earlier, one of them due today and one due yesterday.
  await must(backend.call('petitions.create', registration({ receivedDate: '2026-11-22' }), officer));
  const dueToday = (
    await must(
      backend.call(
        'petitions.create',
        registration({ summary: '征地补偿', petitioners: [{ name: '刘一', phone: '13800000001' }] }),
        officer,
      ),
    )
  ).petition;
  const dueYesterday = (
    await must(
      backend.call(
        'petitions.create',
        registration({ summary: '拆迁安置', petitioners: [{ name: '陈二', phone: '13800000002' }] }),
        officer,
      ),
    )
  ).petition;
  // Analysis notes: two today (one on the old hazard), one older; a trend note today does not count.
  const note = (id: string, notedOn: string, kind: 'analysis' | 'trend' = 'analysis') =>
    must(backend.call('hazards.addNote', { id, kind, notedOn, content: `研判${notedOn}`, trend: 'stable' }, officer));
  await note(old.id, '2026-11-21');
  await note(old.id, '2026-11-22');
  await note(red.id, '2026-11-22');
  await note(red.id, '2026-11-22', 'trend');
  // Tasks: a measure set today due today, one due later; a meeting today with one assignment.
  const measure = (title: string, dueDate: string) =>
    must(
      backend.call(
        'tasks.create',
        { ownerKind: 'hazard', ownerId: red.id, title, unitId: TOWN_UNIT, dueDate },
        officer,
      ),
    );
  await measure('今日约谈', '2026-11-22');
  const overdue = await measure('逐户走访', '2026-11-30');
  await must(
    backend.call(
      'meetings.create',
      {
        level: 'township',
        heldOn: '2026-11-22',
        topic: '联席研判',
        chairedBy: '李华',
        townshipCode: EAST,
        items: [{ kind: 'hazard', number: red.hazardNo }],
        decisions: [
          { content: '成立专班', assign: true, unitId: TOWN_UNIT, dueDate: '2026-11-29' },
          { content: '下周再议' },
        ],
      },
      officer,
    ),
  );
  // Assessments: one decided today, two tracked with re-reviews due today and yesterday.
  const a1 = await must(backend.call('assessments.create', assessmentInput(), officer));
  const a2 = await must(backend.call('assessments.create', assessmentInput({ matter: '学校撤并' }), officer));
  const a3 = await must(backend.call('assessments.create', assessmentInput({ matter: '水价调整' }), officer));
  seed(
    backend,
    `UPDATE petitions SET due_date = '2026-11-22' WHERE id = '${dueToday.id}';
     UPDATE petitions SET due_date = '2026-11-21' WHERE id = '${dueYesterday.id}';
     UPDATE risk_tasks SET due_date = '2026-11-21', start_date = '2026-11-10',
       created_at = '2026-11-10T02:00:00.000Z' WHERE id = '${overdue.id}';
     UPDATE assessments SET status = 'decided', decision = 'implement', decided_on = '2026-11-22' WHERE id = '${a1.id}';
     UPDATE assessments SET status = 'tracking', decision = 'implement', decided_on = '2026-10-01',
       next_re_review_on = '2026-11-22' WHERE id = '${a2.id}';
     UPDATE assessments SET status = 'tracking', decision = 'implement', decided_on = '2026-10-01',
       next_re_review_on = '2026-11-21' WHERE id = '${a3.id}';`,
  );
  return setup;
}

describe('today.overview', () => {
  it('counts and lists exactly what the day holds', { timeout: 30_000 }, async () => {
    const { backend, officer } = await builtDay();
    const day = await must(backend.call('today.overview', {}, officer));
    expect(day.today).toBe('2026-11-22');
    expect(day.readable).toEqual({ petitions: true, risks: true, disputes: true });
    const totals = {
      hazards: day.arrived.hazards.total,
      petitions: day.arrived.petitions.total,
      notes: day.notes.total,
      assignments: day.assignments.total,
      meetingDecisions: day.meetingDecisions.total,
      assessmentDecisions: day.assessmentDecisions.total,
      duePetitions: day.dueToday.petitions.total,
      dueTasks: day.dueToday.tasks.total,
      dueReReviews: day.dueToday.reReviews.total,
      overduePetitions: day.overdueToday.petitions.total,
      overdueTasks: day.overdueToday.tasks.total,
      overdueReReviews: day.overdueToday.reReviews.total,
    };
    expect(totals).toEqual({
      hazards: 2,
      petitions: 1,
      notes: 2,
      assignments: 2,
      meetingDecisions: 2,
      assessmentDecisions: 1,
      duePetitions: 1,
      dueTasks: 1,
      dueReReviews: 1,
      overduePetitions: 1,
      overdueTasks: 1,
      overdueReReviews: 1,
    });
    expect(day.arrived.hazards.items.map((h) => h.hazardNo)).toEqual(['FX2026-000003', 'FX2026-000002']);
    expect(day.assignments.items.map((t) => [t.title, t.ownerKind, t.ownerNo])).toEqual([
      ['成立专班', 'meeting', 'HY2026-0001'],
      ['今日约谈', 'hazard', 'FX2026-000002'],
    ]);
    expect(day.dueToday.tasks.items[0]).toMatchObject({ title: '今日约谈', stage: 'due_soon' });
    expect(day.overdueToday.tasks.items[0]).toMatchObject({ title: '逐户走访', stage: 'overdue' });
    expect(day.meetingDecisions.items.map((d) => [d.content, d.taskId !== null])).toEqual([
      ['成立专班', true],
      ['下周再议', false],
    ]);
    expect(day.dueToday.petitions.items[0]).toMatchObject({ summary: '征地补偿', dueDate: '2026-11-22' });
    expect(day.overdueToday.petitions.items[0]).toMatchObject({ summary: '拆迁安置' });
    expect(day.dueToday.reReviews.items[0]).toMatchObject({ matter: '学校撤并' });
    expect(day.overdueToday.reReviews.items[0]).toMatchObject({ matter: '水价调整' });

    const capped = await must(backend.call('today.overview', { limit: 1 }, officer));
    expect(capped.arrived.hazards).toMatchObject({ total: 2 });
    expect(capped.arrived.hazards.items).toHaveLength(1);
  });

  it(
    'shows a township user only their township, and refuses roles without the risk ledger',
    {
      timeout: 30_000,
    },
    async () => {
      const setup = await builtDay();
      const west = (await signInAs(setup.backend, setup.admin, ['duty_officer'], WEST)).client;
      const day = await must(setup.backend.call('today.overview', {}, west));
      const totals = [
        day.arrived.hazards,
        day.arrived.petitions,
        day.arrived.disputes,
        day.notes,
        day.assignments,
        day.meetingDecisions,
        day.assessmentDecisions,
        ...Object.values(day.dueToday),
        ...Object.values(day.overdueToday),
      ].map((s) => s.total);
      expect(totals).toEqual(Array(15).fill(0));
      const auditor = (await signInAs(setup.backend, setup.admin, ['auditor'])).client;
      expect(await setup.backend.call('today.overview', {}, auditor)).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    },
  );
});
