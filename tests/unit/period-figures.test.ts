import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { InputOf } from '../../shared/contract';
import { presetPeriod } from '../../shared/domain/ledger/figure-period';
import { resultOf } from '../../shared/domain/ledger/figures';
import { PETITION_METRIC_CODES } from '../../shared/domain/petitions/metrics';
import type { PetitionStatus } from '../../shared/domain/petitions/statuses';
import { assessmentInput } from '../helpers/assessments';
import { hazardDraft } from '../helpers/hazards';
import { BUREAU, EAST, must, petitionBackend, TOWN_UNIT, WEST } from '../helpers/petitions';

type Setup = Awaited<ReturnType<typeof petitionBackend>>;

// Today is 2026-11-22 (a Sunday) in the tiny county the test builds; 本月 is 1 to 22 November.
const TODAY = '2026-11-22';
const MONTH = { from: '2026-11-01', to: TODAY };

interface Case {
  n: number;
  received: string;
  township: string;
  status: PetitionStatus;
  unit: string | null;
  due: string | null;
  reply: string | null;
  resolved: string | null;
  category: string | null;
}

// Counted by hand for 本月 (cases 1-4 and 6; case 5 was received in October):
// 办结 1 and 4; 超期 2 (due 15 November, open); 3 not yet due; 化解 1; 按期 1 (4 replied late).
const CASES: Case[] = [
  {
    n: 1,
    received: '2026-11-02',
    township: EAST,
    status: 'resolved',
    unit: TOWN_UNIT,
    due: '2026-11-20',
    reply: '2026-11-10',
    resolved: '2026-11-12',
    category: 'labor',
  },
  {
    n: 2,
    received: '2026-11-05',
    township: EAST,
    status: 'resolving',
    unit: TOWN_UNIT,
    due: '2026-11-15',
    reply: null,
    resolved: null,
    category: 'labor',
  },
  {
    n: 3,
    received: '2026-11-10',
    township: WEST,
    status: 'assigned',
    unit: BUREAU,
    due: '2026-12-01',
    reply: null,
    resolved: null,
    category: 'land',
  },
  {
    n: 4,
    received: '2026-11-20',
    township: WEST,
    status: 'replied',
    unit: BUREAU,
    due: '2026-11-18',
    reply: '2026-11-21',
    resolved: null,
    category: 'land',
  },
  {
    n: 5,
    received: '2026-10-15',
    township: EAST,
    status: 'closed',
    unit: TOWN_UNIT,
    due: '2026-10-30',
    reply: '2026-10-20',
    resolved: '2026-10-25',
    category: 'labor',
  },
  {
    n: 6,
    received: '2026-11-21',
    township: EAST,
    status: 'found',
    unit: null,
    due: null,
    reply: null,
    resolved: null,
    category: null,
  },
];

function insertCases(setup: Setup): void {
  const db = setup.backend.services.sql.db;
  const creator = db.prepare("SELECT id FROM users WHERE username = 'admin'").pluck().get();
  const insert = db.prepare(`INSERT INTO petitions (id, case_no, township_code, summary, first_petition_date,
      received_date, status, handling_unit_id, due_date, reply_date, resolved_date, category, created_by,
      created_at, updated_at)
    VALUES (@id, @caseNo, @township, '积案', @received, @received, @status, @unit, @due, @reply, @resolved, @category,
      @creator, 't', 't')`);
  for (const c of CASES) {
    const id = `01900000-0000-7000-8000-${String(c.n).padStart(12, '0')}`;
    insert.run({ ...c, id, caseNo: `XF2026-${String(c.n).padStart(6, '0')}`, creator });
  }
}

describe('统计 over a period', () => {
  it('counts the cases received in the period by the figures’ own definitions, hand-counted', async () => {
    const setup = await petitionBackend();
    insertCases(setup);
    expect(presetPeriod('month', TODAY)).toEqual(MONTH);
    expect(presetPeriod('week', TODAY)).toEqual({ from: '2026-11-16', to: TODAY });
    const figures = await must(setup.backend.call('petitions.figures', { period: MONTH }, setup.leader));
    expect(figures.period).toEqual(MONTH);
    expect(figures.overall.conclusion_rate).toEqual(resultOf(2, 3));
    expect(figures.overall.resolution_rate).toEqual(resultOf(1, 5));
    expect(figures.overall.on_time_rate).toEqual(resultOf(1, 2));
    expect(figures.overall.overdue).toEqual(resultOf(1, 2));
    expect(figures.byTownship.map((g) => [g.key, g.results.conclusion_rate])).toEqual([
      [EAST, resultOf(1, 2)],
      [WEST, resultOf(1, 1)],
    ]);
    expect(figures.byCategory.map((g) => [g.key, g.results.resolution_rate.denominator])).toEqual([
      ['', 1],
      ['labor', 2],
      ['land', 2],
    ]);
    // Without a period every case counts, case 5 among them.
    const all = await must(setup.backend.call('petitions.figures', {}, setup.leader));
    expect(all.overall.conclusion_rate).toEqual(resultOf(3, 4));
    expect(all.overall.resolution_rate).toEqual(resultOf(2, 6));
  });

  it('gives each month its flow and the figures of the cases received in it', async () => {
    const setup = await petitionBackend();
    insertCases(setup);
    const period = { from: '2026-10-01', to: TODAY };
    const figures = await must(setup.backend.call('petitions.figures', { period }, setup.leader));
    expect(
      figures.monthly.map((m) => [m.month, m.from, m.to, m.received, m.concluded, m.results.conclusion_rate]),
    ).toEqual([
      ['2026-10', '2026-10-01', '2026-10-31', 1, 1, resultOf(1, 1)],
      ['2026-11', '2026-11-01', TODAY, 5, 2, resultOf(2, 3)],
    ]);
    // The leader's 工作台 trend: the same series over the last 6 months, oldest first.
    const workbench = await must(setup.backend.call('workbench.get', {}, setup.leader));
    const conclusion = workbench.leader!.rates.find((r) => r.code === 'conclusion_rate')!;
    expect(conclusion.trend.map((t) => t.month)).toEqual([
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
    ]);
    expect(conclusion.trend.slice(-2).map((t) => t.result)).toEqual([resultOf(1, 1), resultOf(2, 3)]);
  });

  it('opens exactly the counted cases: each figure’s parts equal the list’s totals for the period', async () => {
    const setup = await petitionBackend();
    insertCases(setup);
    const week = presetPeriod('week', TODAY)!;
    for (const period of [MONTH, week]) {
      const figures = await must(setup.backend.call('petitions.figures', { period }, setup.leader));
      const total = async (filter: Partial<InputOf<'petitions.list'>>) =>
        (
          await must(
            setup.backend.call(
              'petitions.list',
              { receivedFrom: period.from, receivedTo: period.to, ...filter } as InputOf<'petitions.list'>,
              setup.leader,
            ),
          )
        ).total;
      for (const metric of PETITION_METRIC_CODES.filter((code) => code !== 'repeat_visits')) {
        for (const part of ['numerator', 'denominator'] as const) {
          const counted = figures.overall[metric][part];
          expect([period.from, metric, part, await total({ metric, metricPart: part })]).toEqual([
            period.from,
            metric,
            part,
            counted,
          ]);
          for (const group of figures.byTownship) {
            expect(await total({ metric, metricPart: part, townshipCode: group.key })).toBe(
              group.results[metric][part],
            );
          }
          for (const group of figures.byUnit) {
            const unit = group.key ? { handlingUnitId: group.key } : { unassigned: true };
            expect(await total({ metric, metricPart: part, ...unit })).toBe(group.results[metric][part]);
          }
        }
      }
    }
  });

  it('counts hazards found in the period and assessments registered in it, their lists agreeing', async () => {
    const setup = await petitionBackend();
    const { backend, officer, leader } = setup;
    const found = ['2026-10-20', '2026-11-03', '2026-11-12', '2026-11-21'];
    const ids: string[] = [];
    for (const foundOn of found)
      ids.push((await must(backend.call('hazards.create', hazardDraft({ foundOn }), officer))).id);
    // The one found on 12 November resolved on the 15th (the tallies follow the row's triggers).
    backend.services.sql.db
      .prepare("UPDATE hazards SET status = 'resolved', resolved_on = '2026-11-15' WHERE id = ?")
      .run(ids[2]);
    const hazards = await must(backend.call('hazards.figures', { period: MONTH }, leader));
    expect(hazards.figures.hazard_resolution_rate).toEqual(resultOf(1, 3));
    expect(hazards.figures.open_hazards).toEqual(resultOf(2, 3));
    expect(hazards.byCategory).toEqual([{ key: 'wage_arrears', label: expect.any(String), ...resultOf(1, 3) }]);
    const octNov = await must(backend.call('hazards.figures', { period: { from: '2026-10-01', to: TODAY } }, leader));
    expect(octNov.monthly.map((m) => [m.month, m.found, m.resolved, m.resolution])).toEqual([
      ['2026-10', 1, 0, resultOf(0, 1)],
      ['2026-11', 3, 1, resultOf(1, 3)],
    ]);
    for (const part of ['numerator', 'denominator'] as const) {
      const list = await must(
        backend.call(
          'hazards.list',
          { foundFrom: MONTH.from, foundTo: MONTH.to, figure: 'hazard_resolution_rate', figurePart: part },
          leader,
        ),
      );
      expect(list.total).toBe(hazards.figures.hazard_resolution_rate[part]);
    }
    const all = await must(backend.call('hazards.figures', {}, leader));
    expect(all.figures.hazard_resolution_rate).toEqual(resultOf(1, 4));

    for (const registeredOn of ['2026-10-09', '2026-11-02', '2026-11-19']) {
      await must(backend.call('assessments.create', assessmentInput({ registeredOn }), officer));
    }
    const assessments = await must(
      backend.call('assessments.figures', { period: { from: '2026-10-01', to: TODAY } }, leader),
    );
    expect(assessments.monthly.map((m) => [m.month, m.registered])).toEqual([
      ['2026-10', 1],
      ['2026-11', 2],
    ]);
    const inMonth = await must(
      backend.call('assessments.list', { registeredFrom: MONTH.from, registeredTo: MONTH.to }, leader),
    );
    expect(inMonth.total).toBe(2);
  });

  it('exports the page to xlsx: the period in the title row, each rate beside its numerator and denominator', async () => {
    const setup = await petitionBackend();
    insertCases(setup);
    const file = await must(setup.backend.call('petitions.figuresExport', { period: MONTH }, setup.leader));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as never);
    const sheet = workbook.getWorksheet('统计')!;
    expect(String(sheet.getCell('A1').value)).toBe(
      `信访积案统计（统计周期：2026-11-01 至 ${TODAY}；统计日期：${TODAY}）`,
    );
    const rows = sheet.getSheetValues().map((row) => (Array.isArray(row) ? row.slice(1) : []));
    expect(rows).toContainEqual(['全部', '办结率', 2, 3, '66.67%']);
    expect(rows).toContainEqual(['2026-11', '化解率', 1, 5, '20.00%']);
    const hazards = await must(setup.backend.call('hazards.figuresExport', {}, setup.leader));
    expect(hazards.fileName).toMatch(/^隐患统计-.*\.xlsx$/);
    const audit = setup.backend.services.sql.db
      .prepare("SELECT detail FROM audit_log WHERE action = 'petitions.figuresExport'")
      .pluck()
      .all();
    expect(audit).toEqual([`信访积案统计，2026-11-01 至 ${TODAY}`]);
  });

  it('refuses a period that ends before it starts, naming the field', async () => {
    const setup = await petitionBackend();
    const result = await setup.backend.call(
      'petitions.figures',
      { period: { from: '2026-11-10', to: '2026-11-01' } },
      setup.leader,
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('VALIDATION');
      expect(result.error.message).toContain('统计截止日期');
    }
  });
});
