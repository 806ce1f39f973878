import { describe, expect, it } from 'vitest';
import { FIGURE_TALLIES } from '../../electron/backend/db/figure-tallies';
import { PETITION_TALLIES } from '../../electron/backend/db/migrations/0019-open-tally';
import { PERIOD_TALLIES } from '../../electron/backend/db/migrations/0024-period-tallies';
import { FIGURE_SQL } from '../../electron/backend/features/petitions/figures';
import { DAILY_SQL, PERIOD_SQL, periodFacts } from '../../electron/backend/features/reports/facts';
import { Random } from '../../electron/backend/demo/random';
import { addDays } from '../../shared/domain/ledger/calendar';
import { computeAllMetrics, type PetitionMetricRecord } from '../../shared/domain/petitions/metrics';
import {
  allowedActions,
  CONCLUDED_STATUSES,
  isConcluded,
  isResolved,
  OPEN_STATUSES,
  PETITION_STATUSES,
  RESOLVED_STATUSES,
  type PetitionAction,
  type PetitionStatus,
} from '../../shared/domain/petitions/statuses';
import {
  BUREAU,
  EAST,
  must,
  petitionBackend,
  registration,
  STEPS,
  TALLIES_BY_TRIGGERS,
  TOWN_UNIT,
  WEST,
} from '../helpers/petitions';
import type { InputOf } from '../../shared/contract';

type Setup = Awaited<ReturnType<typeof petitionBackend>>;

/** The domain's lists written out for the recount by hand. */
const sqlList = (statuses: readonly PetitionStatus[]) => `(${statuses.map((s) => `'${s}'`).join(', ')})`;
const [OPEN, CONCLUDED, RESOLVED] = [OPEN_STATUSES, CONCLUDED_STATUSES, RESOLVED_STATUSES].map(sqlList);

const TODAY = '2026-11-22';
const idOf = (n: number) => `01900000-0000-7000-8000-${String(n).padStart(12, '0')}`;
const creatorOf = (setup: Setup) =>
  setup.backend.services.sql.db.prepare("SELECT id FROM users WHERE username = 'admin'").pluck().get() as string;

interface Row {
  n: number;
  township: string;
  status: PetitionStatus;
  unit: string | null;
  received: string;
  due: string | null;
  /** Art. 34's date (申诉求决 once accepted). */
  statutory: string | null;
  reply: string | null;
  resolved: string | null;
}

function insertCases(setup: Setup, rows: Row[]): void {
  const db = setup.backend.services.sql.db;
  const creator = creatorOf(setup);
  const insert = db.prepare(`INSERT INTO petitions (id, case_no, township_code, summary, first_petition_date,
      received_date, status, handling_unit_id, due_date, conclusion_due_date, reply_date, resolved_date, created_by,
      created_at, updated_at)
    VALUES (@id, @caseNo, @township, '积案', @received, @received, @status, @unit, @due, @statutory, @reply, @resolved,
      @creator, 't', 't')`);
  db.transaction(() => {
    for (const r of rows)
      insert.run({ ...r, id: idOf(r.n), caseNo: `XF2026-${String(r.n).padStart(6, '0')}`, creator });
  })();
}

describe('figure tallies: the published 办结率', () => {
  // 4,346 cases received on 1 September, due on 15 October; 3,783 replied (办结) and resolved on 10
  // October, the other 563 still open and overdue since. Published: 办结率 87.05% (3,783 ÷ 4,346).
  async function published() {
    const setup = await petitionBackend();
    insertCases(
      setup,
      Array.from({ length: 4346 }, (_, i) => ({
        n: i + 1,
        township: i % 2 ? EAST : WEST,
        status: i < 3783 ? (i % 3 ? 'resolved' : 'closed') : 'resolving',
        unit: i % 2 ? TOWN_UNIT : BUREAU,
        received: '2026-09-01',
        due: '2026-10-15',
        statutory: null,
        reply: i < 3783 ? '2026-10-10' : null,
        resolved: i < 3783 ? '2026-10-10' : null,
      })),
    );
    return setup;
  }

  it('shows 87.05% with its numerator and denominator on 统计, in the 日报 and in the 月通报', async () => {
    const setup = await published();
    const figures = await must(setup.backend.call('petitions.figures', {}, setup.leader));
    expect(figures.overall.conclusion_rate).toEqual({ numerator: 3783, denominator: 4346, rate: 3783 / 4346 });
    const metric = figures.metrics.find((m) => m.code === 'conclusion_rate')!;
    expect([metric.name, metric.numeratorLabel, metric.denominatorLabel]).toEqual([
      '办结率',
      '已办结积案数（已出具处理意见书）',
      '应办结积案数（已办结的积案，加上办理时限已过、今天仍未办结的积案）',
    ]);
    expect(figures.overall.overdue.numerator).toBe(563);
    const daily = await must(setup.backend.call('reports.draft', { kind: 'daily' }, setup.officer));
    expect(daily.sections[0]!.paragraphs[1]).toBe(
      '截至今日，全县积案办结率 87.05%（已办结积案数 3,783 件 ÷ 应办结积案数 4,346 件）；' +
        '化解率 87.05%（已化解积案数 3,783 件 ÷ 积案总数 4,346 件）。',
    );
    expect(daily.figures.rows).toContainEqual(['积案办结率', '—', '87.05%']);
    // The bulletin of October, drafted in November: concluded by 31 October ÷ those and the overdue then.
    const monthly = await must(setup.backend.call('reports.draft', { kind: 'monthly', date: TODAY }, setup.officer));
    expect(monthly.sections[0]!.paragraphs[1]).toContain(
      '截至期末积案办结率 87.05%（截至期末已办结的积案数 3,783 件 ÷ 截至期末应办结的积案数 4,346 件）',
    );
    // The cases' 化解率 and the hazards' 隐患化解率 apart, never one rate over 件 and 处 together.
    expect(monthly.sections[0]!.paragraphs[1]).toContain(
      '本月积案化解率 87.05%（期内化解的积案数 3,783 件 ÷ 期内在办积案数 4,346 件）；' +
        '隐患化解率 —（期内化解的隐患数 0 处 ÷ 期内在办隐患数 0 处）',
    );
  });

  it('reads no overdue case: no case row for the figures, the dated tallies only from the day on', async () => {
    const setup = await published();
    const db = setup.backend.services.sql.db;
    const params = { today: TODAY, scope: null, from: '2026-10-01', to: '2026-10-31', date: TODAY, soon: TODAY };
    const plans = [...Object.values(FIGURE_SQL), ...PERIOD_SQL, DAILY_SQL[0]!].flatMap((text) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${text}`).all(params) as Array<{ detail: string }>).map((row) => row.detail),
    );
    // Whole scans of a case table or of a dated tally would grow with the backlog.
    expect(plans.filter((detail) => /^SCAN (petitions|\w+_(due|day|period)_tallies)\b/.test(detail))).toEqual([]);
    expect(plans).toContain('SEARCH petition_period_due_tallies USING PRIMARY KEY (due_date>?)');
    expect(plans).toContain('SEARCH petition_period_tallies USING PRIMARY KEY (received_date>? AND received_date<?)');
    expect(plans).toContain('SEARCH petition_day_tallies USING PRIMARY KEY (day>?)');
    expect(
      plans.filter(
        (detail) =>
          /\bpetitions\b/.test(detail) &&
          !/petitions_(resolved|replied)|received_date|resolved_date|closed_date/.test(detail),
      ),
    ).toEqual([]);
  });
});

describe('figure tallies: kept by triggers through random writes', () => {
  const dateIn = (rng: Random) => addDays('2026-08-01', rng.int(0, 140));
  /** Before the assignment: no unit and no 办理时限. */
  const UNASSIGNED: readonly PetitionStatus[] = ['found', 'classified', 'accepted', 'not_accepted', 'not_again'];

  function randomRow(rng: Random, n: number): Row {
    const status = rng.pick(PETITION_STATUSES);
    const received = dateIn(rng);
    const assigned = !UNASSIGNED.includes(status);
    const replied = isConcluded(status) || (status === 'resolving' && rng.int(0, 2) === 0); // reopened: reply kept
    return {
      n,
      township: rng.pick([EAST, WEST]),
      status,
      unit: assigned ? rng.pick([TOWN_UNIT, BUREAU]) : null,
      received,
      due: assigned ? addDays(received, rng.int(0, 60)) : null,
      statutory: assigned && rng.int(0, 1) ? addDays(received, 60) : null,
      reply: replied ? addDays(received, rng.int(0, 70)) : null,
      resolved: isResolved(status) ? addDays(received, rng.int(0, 80)) : null,
    };
  }

  /** The live cases as the domain's records. */
  function records(setup: Setup, township?: string, period?: { from: string; to: string }): PetitionMetricRecord[] {
    const rows = setup.backend.services.sql.db
      .prepare(
        `SELECT id, status, due_date AS dueDate, conclusion_due_date AS statutoryDueDate, reply_date AS concludedOn,
          petition_count AS petitionCount, leader_id AS responsibleLeaderId FROM petitions
        WHERE voided_at IS NULL AND (@township IS NULL OR township_code = @township)
          AND received_date BETWEEN @from AND @to`,
      )
      .all({
        township: township ?? null,
        from: period?.from ?? '0000-01-01',
        to: period?.to ?? '9999-12-31',
      }) as PetitionMetricRecord[];
    return rows;
  }

  /** Each tally recounted from the ledger with the same predicates, to compare with the kept one. */
  function recount(setup: Setup) {
    const db = setup.backend.services.sql.db;
    return FIGURE_TALLIES.map((tally) => {
      const kept = db.prepare(`SELECT * FROM ${tally.table} ORDER BY ${tally.keys.join(', ')}`).all();
      const counted = new Map<string, Record<string, unknown>>();
      for (const part of tally.parts) {
        const keys = tally.keys.map((k) => `${part.keys[k]!('r')} AS ${k}`);
        const sql = `SELECT ${keys.join(', ')}, count(*) AS n FROM ${tally.ledger} r
          WHERE r.voided_at IS NULL AND (${part.when('r')}) GROUP BY ${tally.keys.map((_, i) => i + 1).join(', ')}`;
        for (const row of db.prepare(sql).all() as Array<Record<string, unknown>>) {
          const key = tally.keys.map((k) => row[k]).join('|');
          const cell =
            counted.get(key) ??
            Object.fromEntries([...tally.keys.map((k) => [k, row[k]]), ...tally.counters.map((c) => [c, 0])]);
          cell[part.counter] = row.n;
          counted.set(key, cell);
        }
      }
      const expected = [...counted.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, cell]) => cell);
      return { table: tally.table, kept, expected };
    });
  }

  /** The period tallies (0024) as kept, without emptied rows, and recounted from the ledger. */
  function recountPeriodTallies(setup: Setup) {
    const db = setup.backend.services.sql.db;
    return PERIOD_TALLIES.map((tally) => {
      const keys = Object.keys(tally.keys);
      const counters = Object.keys(tally.counters);
      const order = keys.map((_, i) => i + 1).join(', ');
      const kept = db
        .prepare(
          `SELECT * FROM ${tally.table} WHERE ${counters.map((c) => `${c} != 0`).join(' OR ')} ORDER BY ${order}`,
        )
        .all();
      const expected = db
        .prepare(
          `SELECT ${keys.map((k) => `${tally.keys[k]!('r')} AS ${k}`).join(', ')},
            ${counters.map((c) => `sum(${tally.counters[c]!('r')}) AS ${c}`).join(', ')}
          FROM ${tally.ledger} r WHERE r.voided_at IS NULL AND (${(tally.when ?? (() => '1'))('r')})
          GROUP BY ${order} ORDER BY ${order}`,
        )
        .all();
      return { table: tally.table, kept, expected };
    });
  }

  /** petition_tallies (0017) counted afresh from the live cases. */
  function liveTotals(setup: Setup) {
    const counters = Object.keys(PETITION_TALLIES) as Array<keyof typeof PETITION_TALLIES>;
    return setup.backend.services.sql.db
      .prepare(
        `SELECT township_code, coalesce(handling_unit_id, '') AS unit_id,
          ${counters.map((c) => `sum(${PETITION_TALLIES[c]('p')}) AS ${c}`).join(', ')}
        FROM petitions p WHERE p.voided_at IS NULL GROUP BY 1, 2 ORDER BY 1, 2`,
      )
      .all();
  }

  it('equal the domain’s compute and a recount after random registrations, steps through every status, moves and voids', async () => {
    const setup = await petitionBackend();
    const db = setup.backend.services.sql.db;
    const rng = new Random(20261122);
    insertCases(
      setup,
      Array.from({ length: 120 }, (_, i) => randomRow(rng, i + 1)),
    );
    const update = db.prepare(`UPDATE petitions SET status = @status, township_code = @township,
      handling_unit_id = @unit, due_date = @due, conclusion_due_date = @statutory, reply_date = @reply,
      resolved_date = @resolved, received_date = @received WHERE id = @id`);
    const voiding = db.prepare('UPDATE petitions SET voided_at = @at WHERE id = @id');
    for (let round = 0; round < 4; round += 1) {
      for (let i = 0; i < 60; i += 1) {
        const n = rng.int(1, 120);
        if (rng.int(0, 4) === 0) voiding.run({ id: idOf(n), at: rng.int(0, 1) ? 't' : null });
        else update.run({ ...randomRow(rng, n), id: idOf(n) });
      }
      for (const { table, kept, expected } of [...recount(setup), ...recountPeriodTallies(setup)]) {
        expect([table, kept]).toEqual([table, expected]);
      }
      expect(db.prepare(TALLIES_BY_TRIGGERS).all()).toEqual(liveTotals(setup));
      const figures = await must(setup.backend.call('petitions.figures', {}, setup.leader));
      expect(figures.overall).toEqual(computeAllMetrics(records(setup), { today: TODAY }));
      for (const group of figures.byTownship) {
        expect(group.results).toEqual(computeAllMetrics(records(setup, group.key), { today: TODAY }));
      }
      // A figures period: the domain's compute over the cases received in it, and each month's likewise.
      const start = dateIn(rng);
      const period = { from: start, to: addDays(start, rng.int(0, 60)) };
      const inPeriod = await must(setup.backend.call('petitions.figures', { period }, setup.leader));
      expect(inPeriod.overall).toEqual(computeAllMetrics(records(setup, undefined, period), { today: TODAY }));
      for (const month of inPeriod.monthly) {
        expect([month.month, month.results]).toEqual([
          month.month,
          computeAllMetrics(records(setup, undefined, month), { today: TODAY }),
        ]);
      }
      // A period read from the day tallies equals one counted case by case from the ledger.
      const from = dateIn(rng);
      const to = addDays(from, rng.int(0, 30));
      const direct = db
        .prepare(
          `SELECT township_code AS code,
            sum(received_date < @from AND (resolved_on IS NULL OR resolved_on >= @from)) AS casesOpenAtStart,
            sum(received_date BETWEEN @from AND @to) AS casesNew,
            sum(resolved_on BETWEEN @from AND @to) AS casesResolved,
            sum(concluded AND coalesce(reply_date, @to) <= @to) AS casesConcluded,
            sum(due_date < @to AND (status IN ${OPEN} OR (concluded AND reply_date > @to))) AS casesOverdue
          FROM (SELECT *, status IN ${CONCLUDED} AS concluded,
              CASE WHEN status IN ${RESOLVED} THEN resolved_date END AS resolved_on
            FROM petitions WHERE voided_at IS NULL)
          GROUP BY township_code ORDER BY township_code`,
        )
        .all({ from, to });
      const facts = periodFacts(setup.backend.services.sql, 'weekly', from, to);
      const picked = facts.townships
        .filter((t) => direct.some((d) => (d as { code: string }).code === t.code))
        .map(({ code, casesOpenAtStart, casesNew, casesResolved, casesConcluded, casesOverdue }) => ({
          code,
          casesOpenAtStart,
          casesNew,
          casesResolved,
          casesConcluded,
          casesOverdue,
        }));
      expect([from, to, picked]).toEqual([from, to, direct]);
    }
  });

  it('equal a recount and the domain’s compute after random workflow steps through the backend', async () => {
    const setup = await petitionBackend();
    const db = setup.backend.services.sql.db;
    const rng = new Random(20261206);
    // The steps beside the forward ones: moves between units, objections, send-backs, reopenings.
    const REFUSALS: PetitionAction[] = ['refuse', 'refuseAgain'];
    const steps: Partial<Record<PetitionAction, Omit<InputOf<'petitions.transition'>, 'id'>>> = {
      ...STEPS,
      object: { action: 'object', reason: '不属于本单位职责' },
      sendBack: { action: 'sendBack', reason: '信访人不认可化解结果' },
      reopen: { action: 'reopen', reason: '信访人再次来访', dueDate: '2026-12-31' },
    };
    const cases = new Map<string, { status: PetitionStatus; unit: string | null }>();
    const visited = new Set<PetitionStatus>();
    for (let i = 0; i < 12; i += 1) {
      const { petition } = await must(
        setup.backend.call(
          'petitions.create',
          registration({ separateCase: true, townshipCode: i % 2 ? EAST : WEST }),
          setup.officer,
        ),
      );
      cases.set(petition.id, { status: petition.status, unit: null });
    }
    for (let round = 0; round < 4; round += 1) {
      for (let i = 0; i < 60; i += 1) {
        const id = rng.pick([...cases.keys()]);
        const { status, unit } = cases.get(id)!;
        // Refusal ends a case: only the first few may be refused, so the others go on.
        const refusable = [...cases.keys()].indexOf(id) < 3;
        const actions = allowedActions(status).filter(
          (a) => (a === 'transfer' || steps[a]) && (refusable || !REFUSALS.includes(a)),
        );
        if (actions.length === 0) continue;
        const action = rng.pick(actions);
        const input =
          action === 'transfer'
            ? { action, reason: '职责调整', handlingUnitId: unit === TOWN_UNIT ? BUREAU : TOWN_UNIT }
            : steps[action]!;
        const user = action === 'closeOut' ? setup.leader : setup.officer;
        const done = await must(setup.backend.call('petitions.transition', { id, ...input }, user));
        cases.set(id, { status: done.status, unit: done.handlingUnitId });
        visited.add(done.status);
      }
      for (const { table, kept, expected } of recount(setup)) expect([table, kept]).toEqual([table, expected]);
      expect(db.prepare(TALLIES_BY_TRIGGERS).all()).toEqual(liveTotals(setup));
      const figures = await must(setup.backend.call('petitions.figures', {}, setup.leader));
      expect(figures.overall).toEqual(computeAllMetrics(records(setup), { today: TODAY }));
    }
    // The walk went through the reply, 化解, 销号, finality after 复核 and a refusal.
    const wanted: PetitionStatus[] = ['replied', 'resolved', 'closed', 'final', 'not_accepted'];
    expect(wanted.filter((status) => !visited.has(status))).toEqual([]);
  });
});
