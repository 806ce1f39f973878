import { describe, expect, it } from 'vitest';
import type { InputOf } from '../../shared/contract';
import { seed, signInAs } from '../helpers/backend';
import { hazardDraft, RESPONSIBLE } from '../helpers/hazards';
import { EAST, LEADER, must, petitionBackend, registration, STEPS, WEST } from '../helpers/petitions';

type Step = Omit<InputOf<'petitions.transition'>, 'id'>;

/**
 * A hand-built county (today 2026-11-22, 临期 3 days): in 东镇 a case to classify, one to assign,
 * one due in two days, one overdue, one resolved awaiting 销号, a resolved hazard and an overdue
 * measure; in 西街道 one case to classify.
 */
async function builtCounty() {
  const setup = await petitionBackend();
  const { backend, officer } = setup;
  const register = async (summary: string, townshipCode = EAST) =>
    (
      await must(
        backend.call(
          'petitions.create',
          registration({ summary, townshipCode, petitioners: [{ name: summary, phone: '13800000009' }] }),
          officer,
        ),
      )
    ).petition;
  const steps = async (id: string, list: Step[]) => {
    for (const step of list) await must(backend.call('petitions.transition', { id, ...step }, officer));
  };
  const found = await register('待分类案件');
  await register('西街道待分类', WEST);
  const classified = await register('待交办案件');
  await steps(classified.id, [STEPS.classify]);
  const dueSoon = await register('临期案件');
  await steps(dueSoon.id, [STEPS.classify, { ...STEPS.assign, dueDate: '2026-11-24' }]);
  const overdue = await register('超期案件');
  await steps(overdue.id, [STEPS.classify, { ...STEPS.assign, dueDate: '2026-11-23' }]);
  // Its 办理时限 passed: moved back by hand, as time cannot run backwards in a test.
  seed(backend, `UPDATE petitions SET due_date = '2026-11-21' WHERE id = '${overdue.id}'`);
  const resolved = await register('待销号案件');
  await steps(resolved.id, [STEPS.classify, STEPS.assign, STEPS.reply, STEPS.resolve]);
  const hazard = await must(backend.call('hazards.create', hazardDraft({ title: '待销号隐患' }), officer));
  await must(
    backend.call(
      'hazards.transition',
      {
        id: hazard.id,
        action: 'startResolving',
        responsibleLeaderId: LEADER,
        responsiblePersonId: RESPONSIBLE,
        measures: '走访',
      },
      officer,
    ),
  );
  await must(backend.call('hazards.transition', { id: hazard.id, action: 'resolve', outcome: '结清' }, officer));
  const open = await must(backend.call('hazards.create', hazardDraft({ title: '措施隐患' }), officer));
  const task = await must(
    backend.call(
      'tasks.create',
      {
        ownerKind: 'hazard',
        ownerId: open.id,
        title: '入户走访',
        unitId: '01900000-0000-7000-8000-000000000001',
        dueDate: '2026-11-23',
      },
      officer,
    ),
  );
  seed(backend, `UPDATE risk_tasks SET due_date = '2026-11-21' WHERE id = '${task.id}'`);
  await must(
    backend.call(
      'tasks.create',
      {
        ownerKind: 'hazard',
        ownerId: open.id,
        title: '约谈业主',
        unitId: '01900000-0000-7000-8000-000000000001',
        dueDate: '2026-11-25',
      },
      officer,
    ),
  );
  return {
    ...setup,
    ids: {
      found: found.id,
      classified: classified.id,
      dueSoon: dueSoon.id,
      overdue: overdue.id,
      resolved: resolved.id,
      hazard: hazard.id,
    },
  };
}

const summaries = (list: { items: Array<{ summary: string }> }) => list.items.map((p) => p.summary);

describe('workbench', () => {
  it("lists the duty officer's to-dos with their counts, and a township account only its township's", async () => {
    const { backend, officer, admin } = await builtCounty();
    const bench = await must(backend.call('workbench.get', {}, officer));
    expect(bench.today).toBe('2026-11-22');
    expect(bench.leader).toBeUndefined();
    expect(bench.admin).toBeUndefined();
    expect(bench.auditor).toBeUndefined();
    const duty = bench.duty!;
    expect(summaries(duty.toClassify)).toEqual(['待分类案件', '西街道待分类']);
    expect(duty.toClassify.total).toBe(2);
    expect(summaries(duty.toAssign)).toEqual(['待交办案件']);
    expect(summaries(duty.progressDue)).toEqual(['临期案件']);
    expect(summaries(duty.overdue.petitions)).toEqual(['超期案件']);
    expect(duty.measuresDue.items.map((t) => t.title)).toEqual(['约谈业主']);
    expect(duty.overdue.tasks.items.map((t) => [t.title, t.stage])).toEqual([['入户走访', 'overdue']]);
    // Each case row carries its 办理时限's stage as the petitions' list computes it; none undated.
    const stages = Object.fromEntries(
      [...duty.toClassify.items, ...duty.progressDue.items, ...duty.overdue.petitions.items].map((p) => [
        p.summary,
        p.stage,
      ]),
    );
    expect(stages).toEqual({ 待分类案件: null, 西街道待分类: null, 临期案件: 'due_soon', 超期案件: 'overdue' });
    const listed = await must(backend.call('petitions.list', { pageSize: 50 }, officer));
    for (const row of listed.items.filter((r) => r.summary in stages)) expect(stages[row.summary]).toBe(row.stage);

    const west = await signInAs(backend, admin, ['duty_officer'], WEST);
    const westBench = (await must(backend.call('workbench.get', {}, west.client))).duty!;
    expect(summaries(westBench.toClassify)).toEqual(['西街道待分类']);
    expect([westBench.toAssign.total, westBench.overdue.petitions.total, westBench.overdue.tasks.total]).toEqual([
      0, 0, 0,
    ]);
    expect(await must(backend.call('workbench.badges', {}, west.client))).toEqual({
      supervision: 0,
      overdue: 0,
      disputeSupervision: 0,
    });
  });

  it('caps each list at the limit asked for and still counts all', async () => {
    const { backend, officer } = await builtCounty();
    const duty = (await must(backend.call('workbench.get', { limit: 1 }, officer))).duty!;
    expect(duty.toClassify.items).toHaveLength(1);
    expect(duty.toClassify.total).toBe(2);
  });

  it("gives the leader 待审批销号, the supervision queue's top, the rates and the cases they hold", async () => {
    const { backend, leader, ids } = await builtCounty();
    const me = await must(backend.call('auth.me', {}, leader));
    // The leader's account bears the name of the 包案领导 the cases were assigned to.
    seed(backend, `UPDATE people SET name = '${me.displayName}' WHERE id = '${LEADER}'`);
    const bench = await must(backend.call('workbench.get', {}, leader));
    expect(bench.duty).toBeUndefined();
    const section = bench.leader!;
    expect(section.closeOut.petitions.items.map((p) => p.id)).toEqual([ids.resolved]);
    expect(section.closeOut.hazards.items.map((h) => h.id)).toEqual([ids.hazard]);
    // Overdue first, then due soon (the queue's own order).
    expect(section.supervision.items.map((p) => p.id).slice(0, 2)).toEqual([ids.overdue, ids.dueSoon]);
    expect(section.myCases?.items.map((p) => p.id).sort()).toEqual([ids.overdue, ids.dueSoon].sort());
    expect(section.rates.map((r) => [r.name, r.result.numerator, r.result.denominator])).toEqual([
      ['办结率', 1, 2],
      ['化解率', 1, 6],
      ['按期办结率', 1, 1],
    ]);
    const figures = await must(backend.call('petitions.figures', {}, leader));
    expect(section.rates[0]!.result).toEqual(figures.overall.conclusion_rate);
    expect(await must(backend.call('workbench.badges', {}, leader))).toEqual({
      supervision: section.supervision.total,
      closeOut: 2,
      disputeSupervision: 0,
    });
  });

  it('says so when no 包案领导 bears the leader account’s name', async () => {
    const { backend, leader } = await builtCounty();
    expect((await must(backend.call('workbench.get', {}, leader))).leader!.myCases).toBeNull();
  });

  it("shows the administrator the system's health", async () => {
    const { backend, admin } = await builtCounty();
    await must(backend.call('backup.run', {}, admin));
    const bench = await must(backend.call('workbench.get', {}, admin));
    expect(Object.keys(bench).sort()).toEqual(['admin', 'today']);
    const health = bench.admin!;
    expect(health.backup.count).toBe(1);
    expect(health.backup.lastSuccessAt).not.toBeNull();
    expect(health.audit?.ok).toBe(true);
    expect(health.disk.freeBytes).toBeGreaterThan(0);
    expect(health.disk.totalBytes).toBeGreaterThanOrEqual(health.disk.freeBytes);
    // From 1 November the next year's calendar is due; only 2026 is seeded.
    expect(health.calendar).toEqual({ nextYear: 2027, missingYears: [2027] });
    expect(health.imports.total).toBe(0);
    expect(await must(backend.call('workbench.badges', {}, admin))).toEqual({});
  });

  it('shows the auditor failed sign-ins and denied calls, newest first', async () => {
    const { backend, officer, admin } = await builtCounty();
    const auditor = await signInAs(backend, admin, ['auditor']);
    await backend.call('auth.login', { username: 'nobody', password: 'wrong-password' }, officer);
    const denied = await backend.call('audit.list', {}, officer);
    expect(denied.ok).toBe(false);
    const bench = await must(backend.call('workbench.get', {}, auditor.client));
    expect(Object.keys(bench).sort()).toEqual(['auditor', 'today']);
    const events = bench.auditor!.events;
    expect(events.items.map((e) => [e.action, e.result]).slice(0, 2)).toEqual([
      ['audit.list', 'denied'],
      ['auth.login', 'failure'],
    ]);
    expect(events.items.every((e) => e.result !== 'success')).toBe(true);
  });
});
