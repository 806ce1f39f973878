import { describe, expect, it } from 'vitest';
import type { InputOf } from '../../shared/contract';
import { workSettingsInput } from '../../shared/contract/settings';
import {
  computeAllMetrics,
  PETITION_METRIC_CODES,
  type PetitionMetricRecord,
} from '../../shared/domain/petitions/metrics';
import { deadlineStage, earlierClock, sortByUrgency } from '../../shared/domain/petitions/stages';
import type { PetitionStatus } from '../../shared/domain/petitions/statuses';
import { BUREAU, EAST, LEADER, must, petitionBackend, TOWN_UNIT, WEST } from '../helpers/petitions';

type Setup = Awaited<ReturnType<typeof petitionBackend>>;

interface Case {
  n: number;
  township: string;
  status: PetitionStatus;
  unit: string | null;
  leader: string | null;
  assigned: string | null;
  due: string | null;
  resolved: string | null;
  count: number;
  level: 'county' | 'city' | 'province' | 'national';
}

// Today is 2026-11-22 in the county. Each case was received on 2026-01-01 and accepted when assigned;
// a resolved one was replied to on its resolution day.
const CASES: Case[] = [
  {
    n: 1,
    township: EAST,
    status: 'found',
    unit: null,
    leader: null,
    assigned: null,
    due: null,
    resolved: null,
    count: 1,
    level: 'county',
  },
  {
    n: 2,
    township: EAST,
    status: 'assigned',
    unit: TOWN_UNIT,
    leader: LEADER,
    assigned: '2026-10-01',
    due: '2026-11-10',
    resolved: null,
    count: 3,
    level: 'city',
  },
  {
    n: 3,
    township: EAST,
    status: 'resolving',
    unit: TOWN_UNIT,
    leader: LEADER,
    assigned: '2026-11-01',
    due: '2026-11-24',
    resolved: null,
    count: 1,
    level: 'county',
  },
  {
    n: 4,
    township: EAST,
    status: 'resolved',
    unit: TOWN_UNIT,
    leader: LEADER,
    assigned: '2026-09-01',
    due: '2026-10-01',
    resolved: '2026-09-20',
    count: 2,
    level: 'county',
  },
  {
    n: 5,
    township: WEST,
    status: 'closed',
    unit: BUREAU,
    leader: null,
    assigned: '2026-08-01',
    due: '2026-09-01',
    resolved: '2026-09-15',
    count: 1,
    level: 'county',
  },
  {
    n: 6,
    township: WEST,
    status: 'resolving',
    unit: BUREAU,
    leader: LEADER,
    assigned: '2026-11-01',
    due: '2026-12-31',
    resolved: null,
    count: 4,
    level: 'national',
  },
  {
    n: 7,
    township: WEST,
    status: 'assigned',
    unit: BUREAU,
    leader: null,
    assigned: '2026-10-01',
    due: '2026-11-01',
    resolved: null,
    count: 1,
    level: 'county',
  },
  {
    n: 8,
    township: WEST,
    status: 'resolving',
    unit: BUREAU,
    leader: null,
    assigned: '2026-11-10',
    due: '2026-11-22',
    resolved: null,
    count: 1,
    level: 'province',
  },
  {
    n: 9,
    township: WEST,
    status: 'resolving',
    unit: BUREAU,
    leader: null,
    assigned: '2026-09-01',
    due: '2027-01-20',
    resolved: null,
    count: 1,
    level: 'county',
  },
];

const idOf = (n: number) => `01900000-0000-7000-8000-${String(n).padStart(12, '0')}`;

function seedCases(setup: Setup) {
  const db = setup.backend.services.sql.db;
  const creator = db.prepare("SELECT id FROM users WHERE username = 'admin'").pluck().get() as string;
  const insert =
    db.prepare(`INSERT INTO petitions (id, case_no, township_code, summary, first_petition_date, received_date,
    petition_count, highest_level, status, handling_unit_id, leader_id, assigned_date, due_date, resolved_date,
    accepted_date, reply_date, created_by, created_at, updated_at)
    VALUES (@id, @caseNo, @township, '积案', '2026-01-01', '2026-01-01', @count, @level, @status, @unit, @leader,
    @assigned, @due, @resolved, @assigned, @resolved, @creator, 't', 't')`);
  for (const c of CASES) insert.run({ ...c, id: idOf(c.n), caseNo: `XF2026-${String(c.n).padStart(6, '0')}`, creator });
}

const records = (cases: Case[]): PetitionMetricRecord[] =>
  cases.map((c) => ({
    id: idOf(c.n),
    status: c.status,
    dueDate: c.due,
    // No item type: no Art. 34 date, so 按期 is judged by the 办理时限.
    statutoryDueDate: null,
    concludedOn: c.resolved,
    petitionCount: c.count,
    responsibleLeaderId: c.leader,
  }));

describe('petitions: figures', () => {
  it('gives exact numerators and denominators, equal to the domain’s compute, overall and per group', async () => {
    const setup = await petitionBackend();
    seedCases(setup);
    const figures = await must(setup.backend.call('petitions.figures', {}, setup.leader));
    const today = '2026-11-22';
    expect(figures.today).toBe(today);
    expect(figures.overall).toEqual(computeAllMetrics(records(CASES), { today }));
    expect(figures.overall.resolution_rate).toEqual({ numerator: 2, denominator: 9, rate: 2 / 9 });
    expect(figures.overall.on_time_rate).toEqual({ numerator: 1, denominator: 2, rate: 0.5 });
    expect(figures.overall.overdue).toEqual({ numerator: 2, denominator: 6, rate: 2 / 6 });
    expect(figures.overall.repeat_cases).toEqual({ numerator: 3, denominator: 9, rate: 3 / 9 });
    expect(figures.overall.repeat_visits).toEqual({ numerator: 6, denominator: 15, rate: 6 / 15 });
    expect(figures.overall.leader_resolution_rate).toEqual({ numerator: 1, denominator: 4, rate: 0.25 });
    expect(figures.byTownship.map((g) => g.name)).toEqual(['东镇', '西街道']);
    for (const [i, code] of [EAST, WEST].entries()) {
      expect(figures.byTownship[i]!.results).toEqual(
        computeAllMetrics(records(CASES.filter((c) => c.township === code)), { today }),
      );
    }
    expect(figures.byUnit.map((g) => g.name)).toEqual(['未交办', '测试县东镇人民政府', '测试县信访局']);
    expect(figures.byUnit[2]!.results).toEqual(
      computeAllMetrics(records(CASES.filter((c) => c.unit === BUREAU)), { today }),
    );
    expect(figures.metrics.find((m) => m.code === 'resolution_rate')?.denominatorLabel).toContain('积案总数');
  });

  it('lists exactly the cases behind each figure’s numerator and denominator, per township and unassigned', async () => {
    const setup = await petitionBackend();
    seedCases(setup);
    const figures = await must(setup.backend.call('petitions.figures', {}, setup.leader));
    const listed = async (input: Record<string, unknown>) =>
      (await must(setup.backend.call('petitions.list', { pageSize: 50, ...input }, setup.officer))).total;
    for (const metric of PETITION_METRIC_CODES) {
      const { numerator, denominator } = figures.overall[metric];
      // Repeat visits are sums of petition counts: their cases are those with repeats, and all cases.
      const expected = metric === 'repeat_visits' ? figures.overall.repeat_cases : { numerator, denominator };
      expect([metric, await listed({ metric })]).toEqual([metric, expected.numerator]);
      expect([metric, await listed({ metric, metricPart: 'denominator' })]).toEqual([metric, expected.denominator]);
      const east = figures.byTownship[0]!.results[metric];
      if (metric !== 'repeat_visits') expect(await listed({ metric, townshipCode: EAST })).toBe(east.numerator);
    }
    expect(await listed({ unassigned: true })).toBe(CASES.filter((c) => c.unit === null).length);
  });

  it('computes the deadline stage in SQL as the domain does', async () => {
    const setup = await petitionBackend();
    seedCases(setup);
    const rows = (await must(setup.backend.call('petitions.list', { pageSize: 50 }, setup.officer))).items;
    for (const c of CASES) {
      const expected = deadlineStage({
        status: c.status,
        startDate: c.assigned ?? '2026-01-01',
        dueDate: c.due,
        today: '2026-11-22',
      });
      expect([c.n, rows.find((r) => r.id === idOf(c.n))!.stage]).toEqual([c.n, expected]);
    }
    expect(new Set(rows.map((r) => r.stage))).toEqual(
      new Set([null, 'overdue', 'due_soon', 'done', 'normal', 'half_used']),
    );
  });

  it('counts 临期 by the administrator’s setting: stages, the stage filter and the queue follow it, audited', async () => {
    const setup = await petitionBackend();
    seedCases(setup);
    const before = await must(setup.backend.call('petitions.supervisionQueue', {}, setup.officer));
    const stored = await must(setup.backend.call('settings.getWork', {}, setup.admin));
    // The numbers of the group (the conclusion mapping has its own method).
    const current = Object.fromEntries(
      Object.keys(workSettingsInput.shape).map((key) => [key, stored[key as keyof typeof stored]]),
    ) as InputOf<'settings.updateWork'>;
    const saved = await must(setup.backend.call('settings.updateWork', { ...current, dueSoonDays: 0 }, setup.admin));
    expect(saved).toMatchObject({ ...current, dueSoonDays: 0 });
    const rows = (await must(setup.backend.call('petitions.list', { pageSize: 50 }, setup.officer))).items;
    for (const c of CASES) {
      const expected = deadlineStage(
        { status: c.status, startDate: c.assigned ?? '2026-01-01', dueDate: c.due, today: '2026-11-22' },
        0,
      );
      expect([c.n, rows.find((r) => r.id === idOf(c.n))!.stage]).toEqual([c.n, expected]);
    }
    const dueSoon = rows.filter((r) => r.stage === 'due_soon').length;
    // Only the case due today is still 临期; the one due in two days no longer is.
    expect([dueSoon, before.items.filter((q) => q.reason === 'due_soon').length]).toEqual([1, 2]);
    const filtered = await must(setup.backend.call('petitions.list', { stage: 'due_soon' }, setup.officer));
    expect(filtered.total).toBe(dueSoon);
    const after = await must(setup.backend.call('petitions.supervisionQueue', {}, setup.officer));
    expect(after.items.filter((q) => q.reason === 'due_soon')).toHaveLength(dueSoon);
    const audit = setup.backend.services.sql.db
      .prepare("SELECT detail FROM audit_log WHERE action = 'settings.update' AND entity_id = 'work'")
      .pluck()
      .all();
    expect(audit).toEqual(['临期提醒天数（到期前几日起为临期）：3 → 0']);
    const refused = await setup.backend.call('settings.updateWork', { ...current, dueSoonDays: 31 }, setup.admin);
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('orders the supervision queue by the domain’s urgency: overdue, due soon, escalated', async () => {
    const setup = await petitionBackend();
    seedCases(setup);
    const page = await must(setup.backend.call('petitions.supervisionQueue', {}, setup.officer));
    const queue = page.items;
    // Case 1, received 2026-01-01 and never passed on, missed Art. 22's 15 days (2026-01-16) first.
    expect(page.total).toBe(6);
    expect(queue.map((q) => q.caseNo.slice(-1))).toEqual(['1', '7', '2', '8', '3', '6']);
    expect(queue.map((q) => q.reason)).toEqual(['overdue', 'overdue', 'overdue', 'due_soon', 'due_soon', 'escalated']);
    expect(queue.map((q) => q.daysOverdue).slice(0, 2)).toEqual([310, 21]);
    expect(queue[0]).toMatchObject({ dueDate: null, statutoryDueDate: '2026-01-16', statutoryStage: 'overdue' });
    const clocks = queue.map((q) => ({
      id: q.id,
      highestLevel: q.highestLevel,
      ...earlierClock(q, { stage: q.statutoryStage, dueDate: q.statutoryDueDate }),
    }));
    const domainOrder = sortByUrgency(clocks).map((q) => q.id);
    expect(queue.map((q) => q.id)).toEqual(domainOrder);
    // Pages of two cut across the due-date run and the escalated run and give the same order.
    const paged = [];
    for (const n of [1, 2, 3]) {
      const part = await must(
        setup.backend.call('petitions.supervisionQueue', { page: n, pageSize: 2 }, setup.officer),
      );
      expect(part.total).toBe(6);
      paged.push(...part.items.map((q) => q.id));
    }
    expect(paged).toEqual(domainOrder);
  });
});
