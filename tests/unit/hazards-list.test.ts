import { describe, expect, it } from 'vitest';
import { computeRiskFigures } from '../../shared/domain/risks/figures';
import { EAST, LEADER, must, petitionBackend, TOWN_UNIT, WEST } from '../helpers/petitions';
import { seed, signInAs } from '../helpers/backend';
import { hazardDraft, RESPONSIBLE } from '../helpers/hazards';

/** Five hazards in two townships, colours and statuses mixed. */
async function ledger() {
  const setup = await petitionBackend();
  const { backend, officer, leader } = setup;
  const add = (over: Parameters<typeof hazardDraft>[0]) =>
    must(backend.call('hazards.create', hazardDraft(over), officer));
  const a = await add({
    title: '拆迁补偿纠纷',
    category: 'land_dispute',
    level: 'red',
    foundOn: '2026-11-01',
    people: [{ name: '钱多多', phone: null }],
  });
  const b = await add({
    title: '问题楼盘逾期交房',
    category: 'stalled_housing',
    level: 'orange',
    foundOn: '2026-11-05',
    townshipCode: WEST,
  });
  const c = await add({ title: '工地欠薪', level: 'yellow', foundOn: '2026-11-10' });
  const d = await add({
    title: '化工厂异味',
    category: 'pollution',
    level: 'blue',
    foundOn: '2026-11-15',
    townshipCode: WEST,
  });
  const e = await add({ title: '欠薪后续', level: 'yellow', foundOn: '2026-11-20' });
  const start = {
    action: 'startResolving' as const,
    responsibleLeaderId: LEADER,
    responsiblePersonId: RESPONSIBLE,
    measures: '走访',
  };
  await must(backend.call('hazards.transition', { id: c.id, ...start }, officer));
  await must(backend.call('hazards.transition', { id: e.id, ...start }, officer));
  await must(backend.call('hazards.transition', { id: e.id, action: 'resolve', outcome: '结清' }, officer));
  await must(backend.call('hazards.transition', { id: e.id, action: 'closeOut', evidence: '签收表' }, leader));
  return { ...setup, ids: { a: a.id, b: b.id, c: c.id, d: d.id, e: e.id } };
}

describe('the hazard list', () => {
  it('finds 1-, 2- and 4-character keywords in title and names, and nothing across two values', async () => {
    const { backend, officer, ids } = await ledger();
    const titles = async (keyword: string) =>
      (await must(backend.call('hazards.list', { keyword, sort: 'foundOn', direction: 'asc' }, officer))).items.map(
        (i) => i.id,
      );
    expect(await titles('味')).toEqual([ids.d]);
    expect(await titles('欠薪')).toEqual([ids.c, ids.e]);
    expect(await titles('逾期交房')).toEqual([ids.b]);
    expect(await titles('钱多')).toEqual([ids.a]);
    expect(await titles('FX2026-000004')).toEqual([ids.d]);
    expect(await titles('纠纷问题')).toEqual([]);
  });

  it('filters by township, category, level, status, open and dates', async () => {
    const { backend, officer, ids } = await ledger();
    const list = async (filter: object) =>
      (await must(backend.call('hazards.list', { ...filter, sort: 'foundOn', direction: 'asc' }, officer))).items.map(
        (i) => i.id,
      );
    expect(await list({ townshipCode: WEST })).toEqual([ids.b, ids.d]);
    expect(await list({ category: 'wage_arrears' })).toEqual([ids.c, ids.e]);
    expect(await list({ level: 'yellow', status: 'closed' })).toEqual([ids.e]);
    expect(await list({ open: true, townshipCode: EAST })).toEqual([ids.a, ids.c]);
    expect(await list({ leaderId: LEADER })).toEqual([ids.c, ids.e]);
    expect(await list({ foundFrom: '2026-11-05', foundTo: '2026-11-15' })).toEqual([ids.b, ids.c, ids.d]);
  });

  it('sorts by level red first and pages on the server', async () => {
    const { backend, officer, ids } = await ledger();
    const page1 = await must(backend.call('hazards.list', { sort: 'level', direction: 'desc', pageSize: 2 }, officer));
    expect(page1).toMatchObject({ total: 5, page: 1, pageSize: 2 });
    expect(page1.items.map((i) => i.level)).toEqual(['red', 'orange']);
    const page3 = await must(
      backend.call('hazards.list', { sort: 'level', direction: 'desc', pageSize: 2, page: 3 }, officer),
    );
    expect(page3.items.map((i) => i.id)).toEqual([ids.d]);
    const byNo = await must(backend.call('hazards.list', { sort: 'hazardNo', direction: 'asc' }, officer));
    expect(byNo.items.map((i) => i.hazardNo)).toEqual([
      'FX2026-000001',
      'FX2026-000002',
      'FX2026-000003',
      'FX2026-000004',
      'FX2026-000005',
    ]);
  });

  it('keeps a township user to their township', async () => {
    const setup = await ledger();
    const west = (await signInAs(setup.backend, setup.admin, ['duty_officer'], WEST)).client;
    const page = await must(setup.backend.call('hazards.list', {}, west));
    expect(page.items.map((i) => i.id).sort()).toEqual([setup.ids.b, setup.ids.d].sort());
  });
});

describe('hazard figures', () => {
  it('match the domain definitions exactly, with numerator and denominator', async () => {
    const { backend, officer } = await ledger();
    const figures = await must(backend.call('hazards.figures', {}, officer));
    const rows = backend.services.sql.db
      .prepare('SELECT id, status, level, township_code AS townshipCode FROM hazards')
      .all() as Parameters<typeof computeRiskFigures>[0]['hazards'] extends readonly (infer R)[] ? R[] : never;
    const expected = computeRiskFigures(
      { hazards: rows, assessments: [], tasks: [] },
      { today: figures.today, townshipCodes: [EAST, WEST] },
    );
    expect(figures.figures.open_hazards).toEqual({ numerator: 4, denominator: 5, rate: 0.8 });
    expect(figures.figures).toMatchObject({
      open_hazards: expected.figures.open_hazards,
      hazard_resolution_rate: expected.figures.hazard_resolution_rate,
    });
    expect(figures.breakdowns.open_hazards_by_level.map((r) => [r.label, r.numerator, r.denominator])).toEqual([
      ['红色', 1, 4],
      ['橙色', 1, 4],
      ['黄色', 1, 4],
      ['蓝色', 1, 4],
    ]);
    expect(figures.breakdowns.open_hazards_by_township.map((r) => [r.label, r.numerator, r.denominator])).toEqual([
      ['东镇', 2, 4],
      ['西街道', 2, 4],
    ]);
    expect(figures.breakdowns.open_hazards_by_township.map((r) => [r.key, r.numerator])).toEqual(
      expected.breakdowns.open_hazards_by_township.map((r) => [r.key, r.numerator]),
    );
  });
});

describe('a click on a hazard figure', () => {
  it('lists exactly the hazards behind every figure, breakdown row and part', async () => {
    const { backend, officer } = await ledger();
    const figures = await must(backend.call('hazards.figures', {}, officer));
    const total = async (filter: object) => (await must(backend.call('hazards.list', filter, officer))).total;
    for (const code of ['open_hazards', 'hazard_resolution_rate'] as const) {
      expect(await total({ figure: code })).toBe(figures.figures[code].numerator);
      expect(await total({ figure: code, figurePart: 'denominator' })).toBe(figures.figures[code].denominator);
    }
    expect(await total({ figure: 'hazard_resolution_rate' })).toBe(1);
    for (const code of ['open_hazards_by_level', 'open_hazards_by_township'] as const) {
      for (const row of figures.breakdowns[code]) {
        expect(await total({ figure: code, figureKey: row.key })).toBe(row.numerator);
        expect(await total({ figure: code, figurePart: 'denominator' })).toBe(row.denominator);
      }
    }
  });

  it('counts the hazards’ overdue measures and lists the hazards that own them', async () => {
    const { backend, officer, ids } = await ledger();
    const measure = async (ownerId: string, title: string, dueDate = '2026-12-30') =>
      (
        await must(
          backend.call('tasks.create', { ownerKind: 'hazard', ownerId, title, unitId: TOWN_UNIT, dueDate }, officer),
        )
      ).id;
    // Today is 2026-11-22: a has two measures past due and one due next month, b one due next month,
    // c one past due but done. A new measure cannot be due in the past: the dates are set back by hand.
    const late = [await measure(ids.a, '逐户走访'), await measure(ids.a, '约谈开发商')];
    await measure(ids.a, '专班化解');
    await measure(ids.b, '协调交房');
    const done = await measure(ids.c, '督促发放工资', '2026-11-22');
    await must(
      backend.call(
        'tasks.transition',
        { id: done, action: 'complete', completedOn: '2026-11-22', outcome: '已发放' },
        officer,
      ),
    );
    const pastDue = [...late, done].map((id) => `'${id}'`).join(', ');
    seed(backend, `UPDATE risk_tasks SET due_date = '2026-11-20' WHERE id IN (${pastDue});`);
    const figures = await must(backend.call('hazards.figures', {}, officer));
    expect(figures.overdueMeasures).toEqual({
      measures: { numerator: 2, denominator: 4, rate: 0.5 },
      hazards: { numerator: 1, denominator: 2 },
    });
    const listed = async (filter: object) =>
      (await must(backend.call('hazards.list', filter, officer))).items.map((i) => i.id).sort();
    expect(await listed({ figure: 'overdue_measures' })).toEqual([ids.a]);
    expect(await listed({ figure: 'overdue_measures', figurePart: 'denominator' })).toEqual([ids.a, ids.b].sort());
  });
});
