import { OPEN_DISPUTE_STATUSES } from '../../../../shared/domain/disputes/statuses';
import { inList, OPEN_CASE_SQL, OPEN_HAZARD_SQL, OPEN_TASK_SQL } from '../../db/status-lists';
import type { Sql } from '../../db/sql';
import { liveTaskCount, liveTaskOwner, notVoided } from '../../ledger/live';
import type { RegionReference } from '../../ledger/registry';

/**
 * The snapshot's statements. Each reads a summary table kept by triggers (migrations 0010, 0017, 0018)
 * or a range of an index, never a ledger in full (the disputes: the board's 30 days of intake, and
 * the open ones), and leaves voided records out; the bench runs
 * them raw as the floor.
 * Parameters: @today, @from (first day of the trend), @level, @limit.
 */
export const SNAPSHOT_SQL = {
  county: "SELECT name FROM regions WHERE level = 'county' ORDER BY sort, code LIMIT 1",
  // Townships in use: a merged (disabled) township's records have moved to the one it joined.
  townships: "SELECT code, name FROM regions WHERE level = 'township' AND disabled_at IS NULL ORDER BY sort, code",
  boundarySource: `SELECT source_unit AS sourceUnit, approval_no AS approvalNo, crs, data_date AS dataDate
    FROM boundaries WHERE active = 1`,
  categoryLabels: `SELECT dict_code AS dict, code, label FROM dict_entries
    WHERE dict_code IN ('hazard_category', 'petition_category', 'dispute_category')`,
  hazardTallies: `SELECT township_code AS township, level, category, open FROM board_hazard_tallies WHERE open != 0`,
  caseTallies: `SELECT township_code AS township, sum(cases) AS cases, sum(open) AS open,
      sum(concluded) AS concluded, sum(resolved) AS resolved
    FROM petition_tallies GROUP BY township_code`,
  caseCategories: 'SELECT category AS code, open AS count FROM board_case_categories WHERE open > 0',
  /**
   * Open cases past their 办理时限, per township: those with a 办理时限 less the ones due today or
   * later (migration 0018), so the overdue ones are never read.
   */
  overdueCases: `SELECT township, sum(n) AS n FROM (
      SELECT township_code AS township, sum(open_due) AS n FROM petition_tallies GROUP BY 1
      UNION ALL
      SELECT township_code, -sum(open) FROM petition_due_tallies WHERE due_date >= @today GROUP BY 1)
    GROUP BY township`,
  /** Overdue open tasks by the township of their owner (an assessment counts in each of its townships). */
  overdueTasks: `SELECT township, count(*) AS n FROM (
      SELECT h.township_code AS township FROM risk_tasks t INDEXED BY risk_tasks_open_due JOIN hazards h ON h.id = t.owner_id
      WHERE t.owner_kind = 'hazard' AND t.status IN ${OPEN_TASK_SQL} AND t.due_date < @today AND ${notVoided('h')}
      UNION ALL
      SELECT m.township_code FROM risk_tasks t INDEXED BY risk_tasks_open_due JOIN meetings m ON m.id = t.owner_id
      WHERE t.owner_kind = 'meeting' AND t.status IN ${OPEN_TASK_SQL} AND t.due_date < @today
        AND m.township_code IS NOT NULL
      UNION ALL
      SELECT a.township_code FROM risk_tasks t INDEXED BY risk_tasks_open_due JOIN assessment_townships a ON a.assessment_id = t.owner_id
      WHERE t.owner_kind = 'assessment' AND t.status IN ${OPEN_TASK_SQL} AND t.due_date < @today
        AND ${liveTaskOwner('t')}
    ) GROUP BY township`,
  overdueTasksTotal: `SELECT ${liveTaskCount(`t.status IN ${OPEN_TASK_SQL} AND t.due_date < @today`)} AS n`,
  newCases: `SELECT received_date AS date, count(*) AS n FROM petitions
    WHERE received_date BETWEEN @from AND @today AND ${notVoided()} GROUP BY received_date`,
  newHazards: `SELECT found_on AS date, count(*) AS n FROM hazards
    WHERE found_on BETWEEN @from AND @today AND ${notVoided()} GROUP BY found_on`,
  resolvedCases: `SELECT resolved_date AS date, count(*) AS n FROM petitions INDEXED BY petitions_resolved
    WHERE resolved_date BETWEEN @from AND @today AND ${notVoided()} GROUP BY resolved_date`,
  pointsTotal: `SELECT count(*) AS n FROM hazards INDEXED BY hazards_open_points
    WHERE status IN ${OPEN_HAZARD_SQL} AND lng IS NOT NULL AND ${notVoided()}`,
  points: `SELECT lng, lat FROM hazards INDEXED BY hazards_open_points
    WHERE status IN ${OPEN_HAZARD_SQL} AND lng IS NOT NULL AND ${notVoided()} AND level = @level LIMIT @limit`,
  alerts: `SELECT at, kind, township_code AS township, category, level FROM board_alerts
    WHERE NOT EXISTS (SELECT 1 FROM hazards h WHERE h.id = source_id AND h.voided_at IS NOT NULL)
      AND NOT EXISTS (SELECT 1 FROM petitions p WHERE p.id = source_id AND p.voided_at IS NOT NULL)
    ORDER BY at DESC, id DESC LIMIT @limit`,
  /** The cases that became overdue most recently: last day first. */
  overdueAlerts: `SELECT due_date AS dueDate, township_code AS township, coalesce(category, '') AS category
    FROM petitions INDEXED BY petitions_open_due
    WHERE status IN ${OPEN_CASE_SQL} AND due_date IS NOT NULL AND due_date < @today AND ${notVoided()}
    ORDER BY due_date DESC LIMIT @limit`,
  duty: 'SELECT role, name FROM duty_roster WHERE date = @today ORDER BY role, sort, name',
  /** Disputes taken in today: a range of `disputes_received`, which holds every column read. */
  /**
   * The window's disputes (one range of `disputes_received`) per township, category and whether taken
   * in today, grouped by every column the dispute figures read as well, so the domain's definitions
   * sort them.
   */
  disputeWindow: `SELECT township_code AS township, category, received_on = @today AS today, result, escalated,
      satisfaction, prevented_criminal AS preventedCriminal, sum(prevented_criminal_people) AS people,
      prevented_collective AS preventedCollective, level, count(*) AS n
    FROM disputes WHERE received_on BETWEEN @from AND @today AND ${notVoided()}
    GROUP BY township_code, category, received_on = @today, result, escalated, satisfaction, prevented_criminal,
      prevented_collective, level`,
  /** Open disputes per township (`disputes_status_received`, one range per open status). */
  openDisputes: `SELECT township_code AS township, count(*) AS n FROM disputes
    WHERE status IN ${inList(OPEN_DISPUTE_STATUSES)} AND ${notVoided()} GROUP BY township_code`,
} as const;

export type SnapshotStatement = keyof typeof SNAPSHOT_SQL;

/** Runs one statement (named parameters it does not use are ignored). */
export function snapshotRows<T>(sql: Sql, name: SnapshotStatement, params: Record<string, unknown> = {}): T[] {
  return sql.prepare(SNAPSHOT_SQL[name]).all(params) as T[];
}

/** The ticker's alerts name a township (kept by triggers, migration 0010), re-pointed by a merge. */
export const boardAlertRegions: RegionReference = {
  noun: '大屏提示',
  table: 'board_alerts',
  columns: { township: 'township_code' },
};
