import { HAZARD_LEVELS, hazardLevelRank, type HazardLevel } from '../../../../shared/domain/risks/hazard-levels';
import { DECIDED_ASSESSMENT_SQL, OPEN_TASK_SQL } from '../../db/status-lists';
import { CASE_PREDICATES } from '../../db/figure-tallies';
import { conclusionRateOf, resolutionRateOf } from '../../../../shared/domain/petitions/metrics';
import { ASSESSMENT_DECISION_LABELS, type AssessmentDecision } from '../../../../shared/domain/risks/assessment-levels';
import type { DailyFacts } from '../../../../shared/domain/reports/daily';
import type { PeriodFacts, TownshipPeriod } from '../../../../shared/domain/reports/period';
import { addDays } from '../../../../shared/domain/ledger/calendar';
import { countyMidnight } from '../../../../shared/domain/time';
import type { Sql } from '../../db/sql';
import { liveTaskCount, liveTaskOwner, notVoided } from '../../ledger/live';

/** Voided records (作废) count nowhere. */
const LIVE = notVoided();

/**
 * The facts of one day for the daily report, county-wide, as they stand now: counts of what
 * happened on `date` (registered, found, noted, assigned, decided …) and of what is open today.
 */
/**
 * The day's cases by their date columns; the backlog's counts from the tallies (migrations 0017,
 * 0018, 0019): all cases, 化解, 办结 (the reply), open ones and overdue ones by due date.
 */
const PETITIONS = `SELECT
    (SELECT count(*) FROM petitions WHERE received_date = @date AND ${LIVE}) AS registered,
    (SELECT count(*) FROM petitions WHERE resolved_date = @date AND ${LIVE}) AS resolved,
    (SELECT count(*) FROM petitions WHERE closed_date = @date AND ${LIVE}) AS closed,
    (SELECT sum(cases) FROM petition_tallies) AS cases,
    (SELECT sum(resolved) FROM petition_tallies) AS resolvedInAll,
    (SELECT sum(concluded) FROM petition_tallies) AS concluded,
    (SELECT sum(open) FROM petition_tallies) AS open,
    (SELECT sum(open_due) FROM petition_tallies)
      - coalesce((SELECT sum(open) FROM petition_due_tallies WHERE due_date >= @date), 0) AS overdue,
    (SELECT sum(open) FROM petition_due_tallies WHERE due_date BETWEEN @date AND @soon) AS dueSoon`;
/** Found today, and open, by colour (the open ones from the board's tallies, migration 0010). */
const HAZARDS_BY_LEVEL = `SELECT level, sum(found) AS found, sum(open) AS open FROM (
    SELECT level, count(*) AS found, 0 AS open FROM hazards WHERE found_on = @date AND ${LIVE} GROUP BY level
    UNION ALL
    SELECT level, 0, sum(open) FROM board_hazard_tallies GROUP BY level)
  GROUP BY level`;
/** The domain's hazardLevelRank in SQL. */
const rank = (column: string) =>
  `(CASE ${column} ${HAZARD_LEVELS.map((l) => `WHEN '${l}' THEN ${hazardLevelRank(l)}`).join(' ')} END)`;
const HAZARDS_DAY = `SELECT
    (SELECT count(*) FROM hazards WHERE resolved_on = @date AND ${LIVE}) AS resolved,
    (SELECT count(*) FROM hazard_level_changes c
      WHERE c.changed_on = @date AND ${rank('c.to_level')} > ${rank('c.from_level')}
        AND NOT EXISTS (SELECT 1 FROM hazards h WHERE h.id = c.hazard_id AND h.voided_at IS NOT NULL)) AS raised`;
const NOTES = `SELECT h.hazard_no AS hazardNo, h.title, n.content FROM hazard_notes n JOIN hazards h ON h.id = n.hazard_id
  WHERE n.noted_on = @date AND n.kind = 'analysis' AND ${notVoided('h')} ORDER BY n.at, n.id`;
/** Assigned today: starting today, or created today (as the 今日 screen counts them). */
const ASSIGNED = `SELECT t.title, u.name AS unitName, t.due_date AS dueDate FROM risk_tasks t JOIN units u ON u.id = t.unit_id
  WHERE (t.start_date = @date OR (t.created_at >= @dayStart AND t.created_at < @dayEnd)) AND ${liveTaskOwner('t')}
  ORDER BY t.created_at, t.id`;
const TASKS = `SELECT
    (SELECT count(*) FROM risk_tasks t WHERE t.completed_on = @date AND ${liveTaskOwner('t')}) AS completed,
    ${liveTaskCount(`t.status IN ${OPEN_TASK_SQL} AND t.due_date < @date`)} AS overdue,
    ${liveTaskCount(`t.status IN ${OPEN_TASK_SQL} AND t.due_date BETWEEN @date AND @soon`)} AS dueSoon`;
/** Not yet decided: every status before 已决策 (the domain's DECIDED_ASSESSMENT_STATUSES). */
const ASSESSMENTS = `SELECT
    sum(registered_on = @date) AS registered,
    sum(status NOT IN ${DECIDED_ASSESSMENT_SQL}) AS undecided,
    sum(status = 'pending_decision') AS pendingDecision
  FROM assessments WHERE ${LIVE}`;
const DECISIONS = `SELECT matter AS title, decision FROM assessments
  WHERE decided_on = @date AND decision IS NOT NULL AND ${LIVE}
  ORDER BY decided_on, id`;

/** Every statement of the daily facts, for the bench's raw-SQL floor (named parameters as below). */
export const DAILY_SQL = [PETITIONS, HAZARDS_BY_LEVEL, HAZARDS_DAY, TASKS, ASSESSMENTS, NOTES, ASSIGNED, DECISIONS];

type Counts<K extends string> = Record<K, number | null>;
const n = (value: number | null | undefined) => value ?? 0;

export function dailyFacts(sql: Sql, date: string, dueSoonDays: number): DailyFacts {
  const params = { date, soon: addDays(date, dueSoonDays) };
  const all = <T>(text: string, bound: Record<string, string> = params) => sql.prepare(text).all(bound) as T[];
  const one = <T>(text: string, bound: Record<string, string> = params) => sql.prepare(text).get(bound) as T;
  const p =
    one<
      Counts<
        'registered' | 'resolved' | 'closed' | 'cases' | 'resolvedInAll' | 'concluded' | 'open' | 'overdue' | 'dueSoon'
      >
    >(PETITIONS);
  const byLevel = all<{ level: HazardLevel; found: number; open: number }>(HAZARDS_BY_LEVEL, { date });
  const level = (key: 'found' | 'open') =>
    Object.fromEntries(HAZARD_LEVELS.map((l) => [l, n(byLevel.find((r) => r.level === l)?.[key])])) as Record<
      HazardLevel,
      number
    >;
  const day = one<Counts<'resolved' | 'raised'>>(HAZARDS_DAY, { date });
  const tasks = one<Counts<'completed' | 'overdue' | 'dueSoon'>>(TASKS);
  const assessments = one<Counts<'registered' | 'undecided' | 'pendingDecision'>>(ASSESSMENTS, { date });
  return {
    date,
    petitions: {
      registered: n(p.registered),
      resolved: n(p.resolved),
      closed: n(p.closed),
      open: n(p.open),
      overdue: n(p.overdue),
      dueSoon: n(p.dueSoon),
      conclusion: conclusionRateOf({ concluded: n(p.concluded), overdue: n(p.overdue) }),
      resolution: resolutionRateOf({ resolved: n(p.resolvedInAll), cases: n(p.cases) }),
    },
    hazards: { found: level('found'), raised: n(day.raised), resolved: n(day.resolved), open: level('open') },
    assessments: {
      registered: n(assessments.registered),
      undecided: n(assessments.undecided),
      pendingDecision: n(assessments.pendingDecision),
    },
    notes: all(NOTES, { date }),
    assigned: all(ASSIGNED, { date, dayStart: countyMidnight(date), dayEnd: countyMidnight(addDays(date, 1)) }),
    decisions: all<{ title: string; decision: AssessmentDecision }>(DECISIONS, { date }).map((d) => ({
      title: d.title,
      decision: ASSESSMENT_DECISION_LABELS[d.decision],
    })),
    tasks: { completed: n(tasks.completed), overdue: n(tasks.overdue), dueSoon: n(tasks.dueSoon) },
  };
}

/**
 * Per township over [from, to], reconstructed from the tallies (migrations 0017, 0018) so a past period
 * reads as it was, from the days since its start only: received (found) before it = all less those
 * since; open at the start = that less the ones resolved before it; new and resolved in it;
 * concluded by its end = all concluded less those concluded after it. Voided records are in none.
 */
const DAYS = `SELECT g.code, g.name,
    coalesce(pt.cases, 0) - coalesce(p.received_since, 0) - coalesce(pt.resolved, 0) + coalesce(p.resolved_since, 0)
      AS casesOpenAtStart,
    coalesce(p.new, 0) AS casesNew, coalesce(p.resolved, 0) AS casesResolved,
    coalesce(pt.concluded, 0) - coalesce(p.concluded_after, 0) AS casesConcluded,
    coalesce(ht.found, 0) - coalesce(h.found_since, 0) - coalesce(ht.resolved, 0) + coalesce(h.resolved_since, 0)
      AS hazardsOpenAtStart,
    coalesce(h.new, 0) AS hazardsNew, coalesce(h.resolved, 0) AS hazardsResolved
  FROM regions g
  LEFT JOIN (SELECT township_code, sum(cases) AS cases, sum(resolved) AS resolved, sum(concluded) AS concluded
    FROM petition_tallies GROUP BY township_code) pt ON pt.township_code = g.code
  LEFT JOIN (SELECT township_code, sum(received) AS received_since, sum(resolved) AS resolved_since,
      sum(received * (day <= @to)) AS new, sum(resolved * (day <= @to)) AS resolved,
      sum(concluded * (day > @to)) AS concluded_after
    FROM petition_day_tallies WHERE day >= @from GROUP BY township_code) p ON p.township_code = g.code
  LEFT JOIN hazard_totals ht ON ht.township_code = g.code
  LEFT JOIN (SELECT township_code, sum(found) AS found_since, sum(resolved) AS resolved_since,
      sum(found * (day <= @to)) AS new, sum(resolved * (day <= @to)) AS resolved
    FROM hazard_day_tallies WHERE day >= @from GROUP BY township_code) h ON h.township_code = g.code
  WHERE g.level = 'township'
  ORDER BY g.sort, g.code`;
/**
 * Cases open and past their 办理时限 at the end of the period: those open today with a 办理时限,
 * less the ones due on its last day or later (the due tallies), and those due before it but
 * replied only after it (an index range over the reply dates since, migration 0018).
 */
const OVERDUE_AT_END = `SELECT township, sum(n) AS n FROM (
    SELECT township_code AS township, sum(open_due) AS n FROM petition_tallies GROUP BY 1
    UNION ALL
    SELECT township_code, -sum(open) FROM petition_due_tallies WHERE due_date >= @to GROUP BY 1
    UNION ALL
    SELECT township_code, count(*) FROM petitions INDEXED BY petitions_replied
    WHERE reply_date > @to AND ${CASE_PREDICATES.concluded('petitions')} AND due_date < @to AND ${LIVE}
    GROUP BY 1)
  GROUP BY township`;

/** The period facts' statements, for the bench's raw-SQL floor (parameters @from, @to). */
export const PERIOD_SQL = [DAYS, OVERDUE_AT_END];

export function periodFacts(sql: Sql, kind: PeriodFacts['kind'], from: string, to: string): PeriodFacts {
  const overdue = new Map(
    (sql.prepare(OVERDUE_AT_END).all({ to }) as Array<{ township: string; n: number }>).map((r) => [r.township, r.n]),
  );
  const townships = (sql.prepare(DAYS).all({ from, to }) as Array<Omit<TownshipPeriod, 'casesOverdue'>>).map((t) => ({
    ...t,
    casesOverdue: overdue.get(t.code) ?? 0,
  }));
  return { kind, from, to, townships };
}
