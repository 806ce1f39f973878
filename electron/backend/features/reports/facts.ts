import { HAZARD_LEVELS, hazardLevelRank, type HazardLevel } from '../../../../shared/domain/risks/hazard-levels';
import {
  CONCLUDED_SQL,
  DECIDED_ASSESSMENT_SQL,
  OPEN_CASE_SQL,
  OPEN_HAZARD_SQL,
  OPEN_TASK_SQL,
} from '../../db/status-lists';
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
/** Open with a deadline: the very condition of index petitions_open_due (migration 0005). */
const OPEN_DUE = `status NOT IN ${CONCLUDED_SQL} AND due_date IS NOT NULL AND ${LIVE}`;
const PETITIONS = `SELECT
    (SELECT count(*) FROM petitions WHERE received_date = @date AND ${LIVE}) AS registered,
    (SELECT count(*) FROM petitions WHERE resolved_date = @date AND ${LIVE}) AS resolved,
    (SELECT count(*) FROM petitions WHERE closed_date = @date AND ${LIVE}) AS closed,
    (SELECT count(*) FROM petitions WHERE status IN ${OPEN_CASE_SQL} AND ${LIVE}) AS open,
    (SELECT count(*) FROM petitions WHERE ${OPEN_DUE} AND due_date < @date) AS overdue,
    (SELECT count(*) FROM petitions WHERE ${OPEN_DUE} AND due_date BETWEEN @date AND @soon) AS dueSoon`;
/** Found today, and open, by colour (index hazards_open for the open ones). */
const HAZARDS_BY_LEVEL = `SELECT level, sum(found) AS found, sum(open) AS open FROM (
    SELECT level, count(*) AS found, 0 AS open FROM hazards WHERE found_on = @date AND ${LIVE} GROUP BY level
    UNION ALL
    SELECT level, 0, count(*) FROM hazards WHERE status IN ${OPEN_HAZARD_SQL} AND ${LIVE} GROUP BY level)
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
  const p = one<Counts<'registered' | 'resolved' | 'closed' | 'open' | 'overdue' | 'dueSoon'>>(PETITIONS);
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
 * Per township over [from, to], reconstructed from the dates so a past period reads as it was:
 * open at the start, new, resolved, and (cases) past due and unresolved at the end.
 */
const TOWNSHIPS = `SELECT g.code, g.name,
    coalesce(p.open_start, 0) AS casesOpenAtStart, coalesce(p.new, 0) AS casesNew,
    coalesce(p.resolved, 0) AS casesResolved, coalesce(p.overdue, 0) AS casesOverdue,
    coalesce(h.open_start, 0) AS hazardsOpenAtStart, coalesce(h.new, 0) AS hazardsNew,
    coalesce(h.resolved, 0) AS hazardsResolved
  FROM regions g
  LEFT JOIN (SELECT township_code,
      sum(received_date < @from AND (resolved_date IS NULL OR resolved_date >= @from)) AS open_start,
      sum(received_date BETWEEN @from AND @to) AS new,
      sum(resolved_date BETWEEN @from AND @to) AS resolved,
      sum(received_date <= @to AND due_date < @to AND (resolved_date IS NULL OR resolved_date > @to)) AS overdue
    FROM petitions WHERE ${LIVE} GROUP BY township_code) p ON p.township_code = g.code
  LEFT JOIN (SELECT township_code,
      sum(found_on < @from AND (resolved_on IS NULL OR resolved_on >= @from)) AS open_start,
      sum(found_on BETWEEN @from AND @to) AS new,
      sum(resolved_on BETWEEN @from AND @to) AS resolved
    FROM hazards WHERE ${LIVE} GROUP BY township_code) h ON h.township_code = g.code
  WHERE g.level = 'township'
  ORDER BY g.sort, g.code`;

/** The period facts' statements, for the bench's raw-SQL floor (parameters @from, @to). */
export const PERIOD_SQL = [TOWNSHIPS];

export function periodFacts(sql: Sql, kind: PeriodFacts['kind'], from: string, to: string): PeriodFacts {
  return { kind, from, to, townships: sql.prepare(TOWNSHIPS).all({ from, to }) as TownshipPeriod[] };
}
