import { describe, expect, it } from 'vitest';
import { disputeFigureTotals } from '../../electron/backend/features/disputes/figures';
import type { InputOf } from '../../shared/contract';
import {
  computeDisputeFigures,
  DISPUTE_BREAKDOWNS,
  preventedCriminalPeople,
  type DisputeBreakdown,
  type DisputeFigureRecord,
} from '../../shared/domain/disputes/figures';
import type { DisputeLevel } from '../../shared/domain/disputes/levels';
import type { DisputeResult, Satisfaction } from '../../shared/domain/disputes/statuses';
import type { FigurePeriod } from '../../shared/domain/ledger/figure-period';
import { addDays } from '../../shared/domain/ledger/calendar';
import { agreementOf, DISPUTE_TALLY_PAIRS, intake } from '../helpers/disputes';
import { BUREAU, EAST, must, petitionBackend, TOWN_UNIT, WEST } from '../helpers/petitions';

type Setup = Awaited<ReturnType<typeof petitionBackend>>;
type Detail = { id: string; version: number };

/** A seeded generator (mulberry32), so a failure can be replayed. */
function seeded(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]! };
}

const CATEGORIES = ['neighbour', 'contract', 'labour', 'medical', 'housing_land', 'marriage_family'];
const TOWNSHIPS = [EAST, WEST];
const LEVELS: DisputeLevel[] = ['village', 'township', 'county'];
const SATISFACTIONS: Satisfaction[] = ['satisfied', 'basically_satisfied', 'unsatisfied'];
/** 受理 days from August to today (2026-11-22): whole months and days at either end of a period. */
const day = (n: number) => addDays('2026-08-01', n);

type Row = DisputeFigureRecord & {
  category: string;
  township: string;
  unit: string;
  receivedOn: string;
};

/** The live disputes as the domain reads them, with their breakdown keys and 受理 day. */
function ledgerRows({ backend }: Setup): Row[] {
  const rows = backend.services.sql.db
    .prepare(
      `SELECT result, escalated, satisfaction, prevented_criminal, prevented_criminal_people,
        prevented_collective, level, category, township_code, coalesce(unit_id, '') AS unit, received_on
      FROM disputes WHERE voided_at IS NULL`,
    )
    .all() as Array<Record<string, unknown>>;
  return rows.map((r) => ({
    result: r.result as DisputeResult | null,
    escalated: r.escalated === 1,
    satisfaction: r.satisfaction as Satisfaction | null,
    preventedCriminal: r.prevented_criminal === 1,
    preventedCriminalPeople: r.prevented_criminal_people as number,
    preventedCollective: r.prevented_collective === 1,
    level: r.level as DisputeLevel,
    category: r.category as string,
    township: r.township_code as string,
    unit: r.unit as string,
    receivedOn: r.received_on as string,
  }));
}

const KEY_OF: Record<DisputeBreakdown, (r: Row) => string> = {
  level: (r) => r.level,
  category: (r) => r.category,
  township: (r) => r.township,
  unit: (r) => r.unit,
};

/** What the domain's `computeDisputeFigures` makes of the rows: overall and per breakdown key. */
function expected(rows: Row[]) {
  const set = (of: Row[]) => ({
    figures: computeDisputeFigures(of),
    preventedCriminalPeople: preventedCriminalPeople(of),
  });
  const breakdowns = Object.fromEntries(
    DISPUTE_BREAKDOWNS.map((by) => {
      const keys = [...new Set(rows.map(KEY_OF[by]))].sort();
      return [by, keys.map((key) => ({ key, ...set(rows.filter((r) => KEY_OF[by](r) === key)) }))];
    }),
  );
  return { ...set(rows), breakdowns };
}

/** The tally-read figures in the same shape, each breakdown in key order. */
function actual(figures: ReturnType<typeof disputeFigureTotals>) {
  const breakdowns = Object.fromEntries(
    DISPUTE_BREAKDOWNS.map((by) => [
      by,
      figures.breakdowns[by]
        .map(({ key, figures, preventedCriminalPeople }) => ({ key, figures, preventedCriminalPeople }))
        .sort((a, b) => (a.key < b.key ? -1 : 1)),
    ]),
  );
  return { figures: figures.figures, preventedCriminalPeople: figures.preventedCriminalPeople, breakdowns };
}

const PERIODS: FigurePeriod[] = [
  { from: '2026-09-01', to: '2026-10-31' }, // whole months only
  { from: '2026-08-13', to: '2026-11-09' }, // days, two whole months, days
  { from: '2026-10-04', to: '2026-10-19' }, // days inside a month
  { from: '2026-11-01', to: '2026-11-22' }, // this month so far
  { from: '2026-08-01', to: '2026-08-31' }, // one whole month
];

/** Every tally equals its recount, and the figures read from them equal the domain's over the rows. */
async function expectTalliesTrue(setup: Setup, label: string) {
  const db = setup.backend.services.sql.db;
  for (const pair of DISPUTE_TALLY_PAIRS) {
    expect(db.prepare(pair.byTriggers).all(), `${label}: ${pair.table}`).toEqual(db.prepare(pair.recounted).all());
  }
  const rows = ledgerRows(setup);
  const all = await must(setup.backend.call('disputes.figures', {}, setup.leader));
  expect(actual(all), `${label}: all time`).toEqual(expected(rows));
  for (const period of PERIODS) {
    const inPeriod = rows.filter((r) => r.receivedOn >= period.from && r.receivedOn <= period.to);
    const read = await must(setup.backend.call('disputes.figures', { period }, setup.leader));
    expect(actual(read), `${label}: ${period.from}…${period.to}`).toEqual(expected(inPeriod));
  }
  // A township's account reads its own township only.
  const east = rows.filter((r) => r.township === EAST);
  expect(actual(disputeFigureTotals(setup.backend.services.sql, EAST)), `${label}: 东镇`).toEqual(expected(east));
  const period = PERIODS[1]!;
  expect(actual(disputeFigureTotals(setup.backend.services.sql, EAST, period)), `${label}: 东镇, period`).toEqual(
    expected(east.filter((r) => r.receivedOn >= period.from && r.receivedOn <= period.to)),
  );
  return rows;
}

describe('the disputes’ figure tallies (migration 0028)', () => {
  it('equal the domain’s figures over the ledger after intake, every step, edits, transfers, voids and restores', async () => {
    const setup = await petitionBackend();
    const { backend, officer, leader } = setup;
    const random = seeded(28);
    const call = async <M extends 'disputes.transition' | 'disputes.transfer' | 'disputes.update'>(
      method: M,
      input: InputOf<M>,
    ) => must(backend.call(method, input, officer)) as Promise<Detail>;
    const step = (id: string, input: Record<string, unknown>) =>
      call('disputes.transition', { id, ...input } as InputOf<'disputes.transition'>);
    const fields = () => ({
      category: random.pick(CATEGORIES),
      townshipCode: random.pick(TOWNSHIPS),
      receivedOn: day(Math.floor(random.next() * 114)),
      villageCode: null,
    });

    const disputes: Detail[] = [];
    for (let n = 0; n < 240; n++) {
      let d: Detail = await must(
        backend.call(
          'disputes.create',
          intake({
            ...fields(),
            level: random.pick(LEVELS),
            parties: [{ kind: 'person', side: 'applicant', name: `当事人${n}` }],
          }),
          officer,
        ),
      );
      if (random.next() < 0.15) {
        d = await call('disputes.transfer', { id: d.id, version: d.version, toLevel: 'city', reason: '移交上级' });
        if (random.next() < 0.5) {
          d = await call('disputes.transfer', { id: d.id, version: d.version, toLevel: 'county', reason: '交回' });
        }
      }
      const path = random.next();
      let concluded = false;
      if (path < 0.1) {
        d = await step(d.id, { action: 'guide', legalPath: 'litigation', reason: '须经法院' });
        concluded = true;
      } else if (path < 0.15) {
        d = await step(d.id, { action: 'convert', convertedTo: 'petition', reason: '走信访渠道' });
        concluded = true;
      } else if (path > 0.2) {
        d = await step(d.id, {
          action: 'route',
          handlingKind: 'people_mediation',
          unitId: random.pick([TOWN_UNIT, BUREAU]),
        });
        if (path > 0.3) {
          d = await step(d.id, { action: 'startMediation', coordination: 'single', mediator: '刘' });
          const ending = random.next();
          if (ending < 0.6) {
            const criminal = random.next() < 0.3;
            d = await step(d.id, {
              action: 'settle',
              agreementAttachmentId: await agreementOf(backend, officer, d.id),
              judicialConfirmation: 'no',
              preventedCriminal: criminal,
              preventedCriminalPeople: criminal ? 1 + Math.floor(random.next() * 4) : 0,
              preventedCollective: random.next() < 0.2,
            });
          } else if (ending < 0.75) {
            d = await step(d.id, { action: 'fail', legalPath: 'arbitration', reason: '分歧过大' });
          } else if (ending < 0.85) {
            d = await step(d.id, { action: 'withdraw', reason: '当事人撤回' });
          }
          concluded = ending < 0.85;
        }
      }
      if (concluded && random.next() < 0.6) {
        d = await step(d.id, { action: 'visit', satisfaction: random.pick(SATISFACTIONS), visitNote: '回访' });
        if (random.next() < 0.3) {
          d = await must(backend.call('disputes.transition', { id: d.id, action: 'closeOut' }, leader));
        }
      }
      disputes.push(d);
    }
    const rows = await expectTalliesTrue(setup, 'after intake and steps');
    expect(rows.length).toBe(240);
    // The sample reaches every counter.
    const figures = computeDisputeFigures(rows);
    for (const [code, result] of Object.entries(figures)) expect(result.numerator, code).toBeGreaterThan(0);

    // Corrections move disputes between days, months, categories and townships (a closed one is refused).
    let corrected = 0;
    for (const [i, d] of disputes.entries()) {
      if (i % 3 !== 0) continue;
      const { parties: _parties, level: _level, ...input } = intake(fields());
      const edited = await backend.call('disputes.update', { id: d.id, version: d.version, ...input }, officer);
      if (edited.ok) [disputes[i], corrected] = [edited.data, corrected + 1];
    }
    expect(corrected).toBeGreaterThan(50);
    await expectTalliesTrue(setup, 'after edits');

    // Transfers of the open ones (a concluded one is refused); 上交 stays counted once moved up.
    let transferred = 0;
    for (const [i, d] of disputes.entries()) {
      if (i % 4 !== 1) continue;
      const input = { id: d.id, version: d.version, toLevel: 'city', reason: '上交' } as const;
      const moved = await backend.call('disputes.transfer', input, officer);
      if (moved.ok) [disputes[i], transferred] = [moved.data, transferred + 1];
    }
    expect(transferred).toBeGreaterThan(10);
    await expectTalliesTrue(setup, 'after transfers');

    const voided: Detail[] = [];
    for (const [i, d] of disputes.entries()) {
      if (i % 6 !== 2) continue;
      const v = await must(backend.call('disputes.void', { id: d.id, version: d.version, reason: '重复录入' }, leader));
      voided.push(v);
    }
    const afterVoid = await expectTalliesTrue(setup, 'after voids');
    expect(afterVoid.length).toBe(240 - voided.length);

    for (const v of voided.slice(0, voided.length / 2)) {
      await must(backend.call('disputes.restore', { id: v.id, version: v.version, reason: '误作废' }, leader));
    }
    await expectTalliesTrue(setup, 'after restores');
  }, 180_000);

  it('reads a period from its whole months and the days at either end, never a dispute', async () => {
    const { backend } = await petitionBackend();
    const db = backend.services.sql.db;
    const { DISPUTE_FIGURE_SQL, tallyParams } = await import('../../electron/backend/features/disputes/figure-tallies');
    const plan = (text: string, params: object) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${text}`).all(params) as Array<{ detail: string }>).map((r) => r.detail);
    const period = plan(DISPUTE_FIGURE_SQL.period, tallyParams(null, PERIODS[1]!));
    expect(period).toContain('SEARCH dispute_month_tallies USING PRIMARY KEY (received_month>? AND received_month<?)');
    expect(
      period.filter((d) => d === 'SEARCH dispute_day_tallies USING PRIMARY KEY (received_on>? AND received_on<?)'),
    ).toHaveLength(2);
    const every = [...period, ...plan(DISPUTE_FIGURE_SQL.all, { scope: null })];
    expect(every.filter((d) => /\bdisputes\b/.test(d))).toEqual([]);
    expect(tallyParams(null, PERIODS[1]!)).toMatchObject({
      fromMonth: '2026-09',
      toMonth: '2026-10',
      headTo: '2026-08-31',
      tailFrom: '2026-11-01',
    });
    // No whole month: the days only.
    expect(tallyParams(null, PERIODS[2]!)).toMatchObject({ headTo: '2026-10-19' });
  });
});
