import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ADMIN, newClient, signInAs } from '../helpers/backend';
import { seedBoundary, hazardDraft, RESPONSIBLE } from '../helpers/hazards';
import { idCheckCharacter } from '../../shared/domain/id-number';
import { EAST, LEADER, must, petitionBackend, registration, TOWN_UNIT, WEST } from '../helpers/petitions';

type Setup = Pick<Awaited<ReturnType<typeof petitionBackend>>, 'backend'>;

const FIVE = ['甲一', '乙二', '丙三', '丁四', '戊五'].map((name, i) => ({
  name,
  idNumber: `41010219800101${100 + i}` + idCheckCharacter(`41010219800101${100 + i}`),
  phone: `1380000${String(1000 + i)}`,
  address: `测试县东镇${name}家`,
}));

/** The board's trigger-kept tables, and the same counted afresh from the ledgers. */
const KEPT = {
  hazards: 'SELECT township_code, level, category, open FROM board_hazard_tallies WHERE open != 0 ORDER BY 1, 2, 3',
  cases: 'SELECT category, open FROM board_case_categories WHERE open != 0 ORDER BY 1',
};
const RECOUNTED = {
  hazards: `SELECT township_code, level, category, count(*) AS open FROM hazards
    WHERE status IN ('found', 'resolving') GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
  cases: `SELECT coalesce(category, '') AS category, count(*) AS open FROM petitions
    WHERE status IN ('found', 'classified', 'accepted', 'assigned', 'resolving') GROUP BY 1 ORDER BY 1`,
};

function expectTalliesInStep(setup: Setup) {
  const db = new Database(setup.backend.dbFile, { readonly: true });
  try {
    for (const key of ['hazards', 'cases'] as const)
      expect(db.prepare(KEPT[key]).all(), key).toEqual(db.prepare(RECOUNTED[key]).all());
  } finally {
    db.close();
  }
}

/**
 * A hand-built county (东镇 and 西街道), built on 2026-11-22 and looked at on 2026-11-26:
 * - hazards: 东镇 red 欠薪 (found 11-22, with coordinates), 东镇 yellow 土地纠纷 raised to orange
 *   (found 11-20, with coordinates), 西街道 orange 欠薪 (11-21), 西街道 blue 环境污染 (11-22, closed
 *   out), 西街道 yellow 其他 (found 11-26);
 * - cases: 东镇 collective (5 petitioners, 11-20) classified 征地拆迁 and due 11-25 (overdue),
 *   东镇 劳动社保 (11-21) resolved on 11-22 and closed out, 西街道 unclassified (11-22), 西街道 (11-26);
 * - a measure on the red hazard due 11-24 (overdue).
 */
async function builtCounty() {
  const setup = await petitionBackend();
  const { backend, clock, officer, leader } = setup;
  seedBoundary(backend);
  const step = () => clock.advance(5);

  step();
  const red = await must(
    backend.call(
      'hazards.create',
      hazardDraft({ level: 'red', foundOn: '2026-11-22', lng: 113.1, lat: 34.4, title: '工地聚集讨薪' }),
      officer,
    ),
  );
  step();
  const raised = await must(
    backend.call(
      'hazards.create',
      hazardDraft({ category: 'land_dispute', foundOn: '2026-11-20', lng: 113.2, lat: 34.5 }),
      officer,
    ),
  );
  step();
  await must(
    backend.call(
      'hazards.create',
      hazardDraft({ level: 'orange', townshipCode: WEST, foundOn: '2026-11-21' }),
      officer,
    ),
  );
  const closing = await must(
    backend.call(
      'hazards.create',
      hazardDraft({ level: 'blue', category: 'pollution', townshipCode: WEST, foundOn: '2026-11-22' }),
      officer,
    ),
  );
  expectTalliesInStep(setup);

  step();
  const collective = (
    await must(
      backend.call('petitions.create', registration({ petitioners: FIVE, receivedDate: '2026-11-20' }), officer),
    )
  ).petition;
  const settled = (
    await must(
      backend.call('petitions.create', registration({ receivedDate: '2026-11-21', summary: '讨要工资' }), officer),
    )
  ).petition;
  await must(
    backend.call(
      'petitions.create',
      registration({
        townshipCode: WEST,
        receivedDate: '2026-11-22',
        petitioners: [{ name: '孙六', phone: '13700001111' }],
      }),
      officer,
    ),
  );
  const move = (id: string, step: Record<string, unknown>, as = officer) =>
    must(backend.call('petitions.transition', { id, ...step } as never, as));
  await move(collective.id, { action: 'classify', itemType: 'appeal', category: 'land_demolition' });
  await move(collective.id, {
    action: 'assign',
    handlingUnitId: TOWN_UNIT,
    responsibleLeaderId: LEADER,
    dueDate: '2026-11-25',
  });
  await move(settled.id, { action: 'classify', itemType: 'appeal', category: 'labour_social_security' });
  await move(settled.id, {
    action: 'assign',
    handlingUnitId: TOWN_UNIT,
    responsibleLeaderId: LEADER,
    dueDate: '2026-12-20',
  });
  await move(settled.id, { action: 'startResolving', progressNote: '已约见信访人' });
  await move(settled.id, { action: 'reply', replyKind: 'support' });
  await move(settled.id, { action: 'resolve', outcome: '工资已结清' });
  expectTalliesInStep(setup);
  await move(settled.id, { action: 'closeOut', evidence: '签署息诉罢访协议' }, leader);

  step();
  await must(
    backend.call(
      'hazards.changeLevel',
      { id: raised.id, level: 'orange', reason: '人数增加', changedOn: '2026-11-22' },
      officer,
    ),
  );
  await must(
    backend.call(
      'hazards.transition',
      {
        id: closing.id,
        action: 'startResolving',
        responsibleLeaderId: LEADER,
        responsiblePersonId: RESPONSIBLE,
        measures: '走访',
      },
      officer,
    ),
  );
  await must(backend.call('hazards.transition', { id: closing.id, action: 'resolve', outcome: '已整改' }, officer));
  await must(
    backend.call('hazards.transition', { id: closing.id, action: 'closeOut', evidence: '整改验收单' }, leader),
  );
  await must(
    backend.call(
      'tasks.create',
      { ownerKind: 'hazard', ownerId: red.id, title: '约谈企业', unitId: TOWN_UNIT, dueDate: '2026-11-24' },
      officer,
    ),
  );
  expectTalliesInStep(setup);

  clock.advance(4 * 24 * 60); // 2026-11-26 09:25 in the county: every session has ended, so sign in again
  const admin = newClient('admin-again');
  await must(backend.call('auth.login', { username: ADMIN.username, password: ADMIN.password }, admin));
  const today = {
    backend,
    admin,
    officer: (await signInAs(backend, admin, ['duty_officer'])).client,
    leader: (await signInAs(backend, admin, ['leader'])).client,
  };
  await must(
    backend.call(
      'petitions.create',
      registration({
        townshipCode: WEST,
        receivedDate: '2026-11-26',
        petitioners: [{ name: '钱七', idNumber: '41010219900118002X' }],
      }),
      today.officer,
    ),
  );
  await must(
    backend.call(
      'hazards.create',
      hazardDraft({ level: 'yellow', category: 'other', townshipCode: WEST, foundOn: '2026-11-26' }),
      today.officer,
    ),
  );
  expectTalliesInStep(setup);
  await must(
    backend.call(
      'duty.save',
      {
        date: '2026-11-26',
        entries: [
          { role: 'officer', name: '周值班', phone: '13911112222' },
          { role: 'leader', name: '吴带班', phone: '13933334444' },
        ],
      },
      today.officer,
    ),
  );
  return today;
}

const zeroDay = (date: string) => ({ date, newCases: 0, newHazards: 0, resolvedCases: 0 });

// Each test builds its county through dispatch (a few dozen calls, each with its audit row).
describe('board.snapshot', { timeout: 30_000 }, () => {
  it('answers every figure of the board from the hand-built county', async () => {
    const setup = await builtCounty();
    const board = await must(setup.backend.call('board.snapshot', {}, setup.leader));
    expect(board.today).toBe('2026-11-26');
    expect(board.countyName).toBe('测试县');
    expect(board.boundarySource).toEqual({
      sourceUnit: '测试县自然资源局',
      approvalNo: '测试审图号',
      crs: 'CGCS2000',
      dataDate: '2026-01-01',
    });
    // 东镇: 10 + 5 + 3×1 overdue + 1×1 open + 2×1 task = 21 → 100×21/121 = 17.4;
    // 西街道: 5 (orange) + 2 (yellow) + 2 open cases = 9 → 100×9/109 = 8.3.
    expect(board.townships).toEqual([
      {
        code: EAST,
        name: '东镇',
        riskIndex: 17,
        band: 'low',
        openHazards: { red: 1, orange: 1, yellow: 0, blue: 0 },
        openCases: 1,
        overdueCases: 1,
        resolution: { numerator: 1, denominator: 2, rate: 0.5 },
        overdueTasks: 1,
      },
      {
        code: WEST,
        name: '西街道',
        riskIndex: 8,
        band: 'low',
        openHazards: { red: 0, orange: 1, yellow: 1, blue: 0 },
        openCases: 2,
        overdueCases: 0,
        resolution: { numerator: 0, denominator: 2, rate: 0 },
        overdueTasks: 0,
      },
    ]);
    expect(board.totals).toEqual({
      openHazards: { red: 1, orange: 2, yellow: 1, blue: 0 },
      openCases: 3,
      resolution: { numerator: 1, denominator: 4, rate: 0.25 },
      // 办结率: the 1 concluded case ÷ it and the 1 overdue one.
      conclusion: { numerator: 1, denominator: 2, rate: 0.5 },
      overdue: { cases: 1, tasks: 1 },
      today: { cases: 1, hazards: 1 },
    });
    expect(board.trends).toHaveLength(30);
    expect(board.trends[0]).toEqual(zeroDay('2026-10-28'));
    expect(board.trends.filter((d) => d.newCases || d.newHazards || d.resolvedCases)).toEqual([
      { date: '2026-11-20', newCases: 1, newHazards: 1, resolvedCases: 0 },
      { date: '2026-11-21', newCases: 1, newHazards: 1, resolvedCases: 0 },
      { date: '2026-11-22', newCases: 1, newHazards: 2, resolvedCases: 1 },
      { date: '2026-11-26', newCases: 1, newHazards: 1, resolvedCases: 0 },
    ]);
    expect(board.categories).toEqual({
      hazards: [
        { code: 'wage_arrears', label: '欠薪', count: 2 },
        { code: 'land_dispute', label: '土地纠纷', count: 1 },
        { code: 'other', label: '其他', count: 1 },
      ],
      petitions: [
        { code: '', label: '未分类', count: 2 },
        { code: 'land_demolition', label: '征地拆迁', count: 1 },
      ],
    });
    expect(board.ranking).toEqual([
      { rank: 1, code: EAST, name: '东镇', riskIndex: 17, band: 'low' },
      { rank: 2, code: WEST, name: '西街道', riskIndex: 8, band: 'low' },
    ]);
    expect(board.hazardPoints).toEqual({
      points: [
        [113.1, 34.4, 'red'],
        [113.2, 34.5, 'orange'],
      ],
      omitted: 0,
    });
    expect(board.ticker.map((a) => a.text)).toEqual([
      '11-26起 东镇 征地拆迁 信访积案超期',
      '11-22 09:25 东镇 土地纠纷 风险隐患升为橙色',
      '11-22 09:20 东镇 未分类 新登记集体访',
      '11-22 09:15 西街道 欠薪 新发现橙色风险隐患',
      '11-22 09:05 东镇 欠薪 新发现红色风险隐患',
    ]);
    expect(board.ticker[1]).toMatchObject({ kind: 'hazard_raised', level: 'orange', townshipName: '东镇' });
    expect(board.duty).toEqual([
      { role: 'leader', name: '吴带班' },
      { role: 'officer', name: '周值班' },
    ]);
    expect(board.refreshSeconds).toBe(30);
  });

  it('holds no personal data: no ID numbers, phones, petitioners’ names or summaries', async () => {
    const setup = await builtCounty();
    const text = JSON.stringify(await must(setup.backend.call('board.snapshot', {}, setup.officer)));
    expect(text).not.toMatch(/\d{17}[\dXx]/);
    expect(text).not.toMatch(/1[3-9]\d{9}/);
    for (const word of [
      ...FIVE.map((p) => p.name),
      '王建国',
      '孙六',
      '钱七',
      '赵大勇',
      '讨要工资',
      '拖欠工资',
      '工地聚集',
      '测试县东镇',
    ])
      expect(text).not.toContain(word);
  });

  it('follows the weights and the refresh interval of the board settings', async () => {
    const setup = await builtCounty();
    const settings = await must(setup.backend.call('settings.getBoard', {}, setup.admin));
    await must(
      setup.backend.call(
        'settings.updateBoard',
        {
          weights: { ...settings.weights, halfScore: 21 },
          refreshSeconds: 60,
          web: { enabled: false, address: '127.0.0.1', port: 8787 },
        },
        setup.admin,
      ),
    );
    const board = await must(setup.backend.call('board.snapshot', {}, setup.officer));
    expect(board.townships.map((t) => [t.riskIndex, t.band])).toEqual([
      [50, 'elevated'],
      [30, 'medium'], // 100×9/30
    ]);
    expect(board.ranking.map((t) => t.code)).toEqual([EAST, WEST]);
    expect(board.refreshSeconds).toBe(60);
  });

  it('counts as 在办 only the items whose reply is owed: neither refused nor replied ones', async () => {
    const setup = await petitionBackend();
    const { backend, officer } = setup;
    const register = async (summary: string) =>
      (await must(backend.call('petitions.create', registration({ separateCase: true, summary }), officer))).petition;
    const [open, refused, replied] = [await register('甲'), await register('乙'), await register('丙')];
    const move = (id: string, step: Record<string, unknown>) =>
      must(backend.call('petitions.transition', { id, ...step } as never, officer));
    await move(refused.id, { action: 'refuse', reason: '不属于信访事项' });
    await move(replied.id, { action: 'classify', itemType: 'appeal', category: 'labour_social_security' });
    await move(replied.id, {
      action: 'assign',
      handlingUnitId: TOWN_UNIT,
      responsibleLeaderId: LEADER,
      dueDate: '2026-12-20',
    });
    await move(replied.id, { action: 'reply', replyKind: 'explain' });
    const board = await must(backend.call('board.snapshot', {}, officer));
    expect(board.townships.find((t) => t.code === EAST)?.openCases).toBe(1);
    expect(board.totals.openCases).toBe(1);
    expect(open.status).toBe('found');
    expectTalliesInStep(setup);
  });

  it('is empty but well-formed on a county with no ledgers, and refused to a role without board.read', async () => {
    const setup = await petitionBackend();
    const board = await must(setup.backend.call('board.snapshot', {}, setup.officer));
    expect(board.townships.map((t) => [t.name, t.riskIndex, t.band])).toEqual([
      ['东镇', 0, 'low'],
      ['西街道', 0, 'low'],
    ]);
    // Equal indexes share the first place.
    expect(board.ranking.map((t) => [t.rank, t.name])).toEqual([
      [1, '东镇'],
      [1, '西街道'],
    ]);
    expect(board.totals.resolution).toEqual({ numerator: 0, denominator: 0, rate: null });
    expect(board.totals.conclusion).toEqual({ numerator: 0, denominator: 0, rate: null });
    expect(board).toMatchObject({
      boundarySource: null,
      ticker: [],
      duty: [],
      hazardPoints: { points: [], omitted: 0 },
    });
    const auditor = await signInAs(setup.backend, setup.admin, ['auditor']);
    expect(await setup.backend.call('board.snapshot', {}, auditor.client)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });
});
