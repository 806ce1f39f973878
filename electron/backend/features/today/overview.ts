import type {
  TodayAssessment,
  TodayHazard,
  TodayList,
  TodayMeetingDecision,
  TodayNote,
  TodayOverview,
  TodayPetition,
  TodayTask,
} from '../../../../shared/contract/today';
import { CONCLUDED_SQL, OPEN_TASK_SQL } from '../../db/status-lists';
import { addDays } from '../../../../shared/domain/petitions/calendar';
import { hasAccess } from '../../../../shared/domain/roles';
import { taskStage } from '../../../../shared/domain/risks/tasks';
import { townshipPrefix } from '../../../../shared/domain/scope';
import { countyMidnight } from '../../../../shared/domain/time';
import { principalOf, type HandlerContext } from '../../api/types';
import type { Sql } from '../../db/sql';
import { taskClockOf } from '../risk-tasks/service';

/**
 * The 今日 screen's one call. Every section is "what happened on the county's date today" (or what
 * falls due today / fell overdue today: its last day was yesterday), counted in full and listed up
 * to `limit` rows; each reads one day through an index on its date column (migrations 0003, 0006,
 * 0007, 0009), so the cost follows the day's rows, not the ledger's size.
 */
interface Params {
  today: string;
  yesterday: string;
  /** Today's bounds as stored timestamps (UTC), for rows dated by `created_at`. */
  dayStart: string;
  dayEnd: string;
  prefix: string;
  limit: number;
}

/**
 * Scope conditions for a township user (null scope: none). Correlated lookups by key: a day holds
 * few rows, so each is checked on its own rather than listing every record of the township.
 */
const inTownship = (table: string, key: string, id: string) =>
  `EXISTS (SELECT 1 FROM ${table} WHERE ${key} = ${id} AND township_code LIKE @prefix)`;
const SCOPE = {
  hazard: 'h.township_code LIKE @prefix',
  petition: 'p.township_code LIKE @prefix',
  assessment: inTownship('assessment_townships', 'assessment_id', 'a.id'),
  meeting: 'm.township_code LIKE @prefix',
  task: `CASE t.owner_kind
    WHEN 'hazard' THEN ${inTownship('hazards', 'id', 't.owner_id')}
    WHEN 'assessment' THEN ${inTownship('assessment_townships', 'assessment_id', 't.owner_id')}
    ELSE ${inTownship('meetings', 'id', 't.owner_id')} END`,
};

const HAZARD = {
  select: `h.id, h.hazard_no AS hazardNo, h.title, h.level, h.status, g.name AS townshipName, h.found_on AS foundOn`,
  from: 'hazards h JOIN regions g ON g.code = h.township_code',
};
const PETITION = {
  select: `p.id, p.case_no AS caseNo, p.summary, p.status, g.name AS townshipName, p.received_date AS receivedDate,
    p.due_date AS dueDate, u.name AS handlingUnitName`,
  from: 'petitions p JOIN regions g ON g.code = p.township_code LEFT JOIN units u ON u.id = p.handling_unit_id',
};
const TASK = {
  select: `t.id, t.owner_kind AS ownerKind, t.owner_id AS ownerId,
    coalesce(CASE t.owner_kind
      WHEN 'hazard' THEN (SELECT hazard_no FROM hazards WHERE id = t.owner_id)
      WHEN 'assessment' THEN (SELECT assessment_no FROM assessments WHERE id = t.owner_id)
      ELSE (SELECT meeting_no FROM meetings WHERE id = t.owner_id) END, '') AS ownerNo,
    t.kind, t.title, u.name AS unitName, t.start_date AS startDate, t.due_date AS dueDate, t.status`,
  from: 'risk_tasks t JOIN units u ON u.id = t.unit_id',
};
const ASSESSMENT = {
  select: `a.id, a.assessment_no AS assessmentNo, a.matter, a.decision, a.decided_on AS decidedOn,
    a.next_re_review_on AS nextReReviewOn`,
  from: 'assessments a',
};

interface Source {
  select: string;
  from: string;
}

/** One section: the count and the first `limit` rows of `source` where `where` (and the scope). */
function section<T>(
  sql: Sql,
  params: Params,
  source: Source,
  where: string,
  scope: string | null,
  order: string,
): TodayList<T> {
  const condition = params.prefix && scope ? `(${where}) AND ${scope}` : where;
  const total = (
    sql.prepare(`SELECT count(*) AS n FROM ${source.from} WHERE ${condition}`).get(params) as {
      n: number;
    }
  ).n;
  const items = total
    ? (sql
        .prepare(`SELECT ${source.select} FROM ${source.from} WHERE ${condition} ORDER BY ${order} LIMIT @limit`)
        .all(params) as T[])
    : [];
  return { items, total };
}

const EMPTY = { items: [], total: 0 };

export function todayOverview(ctx: HandlerContext, limit: number): TodayOverview {
  const principal = principalOf(ctx);
  const clock = taskClockOf(ctx);
  const today = clock.today;
  const params: Params = {
    today,
    yesterday: addDays(today, -1),
    dayStart: countyMidnight(today),
    dayEnd: countyMidnight(addDays(today, 1)),
    prefix: principal.regionCode ? `${townshipPrefix(principal.regionCode)}%` : '',
    limit,
  };
  const readsCases = hasAccess(principal.roles, 'petitions.read');
  const sql = ctx.sql;

  const cases = (where: string, order: string): TodayList<TodayPetition> =>
    readsCases ? section<TodayPetition>(sql, params, PETITION, where, SCOPE.petition, order) : EMPTY;
  const tasks = (where: string, order: string): TodayList<TodayTask> => {
    const list = section<Omit<TodayTask, 'stage'>>(sql, params, TASK, where, SCOPE.task, order);
    return {
      total: list.total,
      items: list.items.map((t) => ({
        ...t,
        stage: taskStage({ status: t.status, startDate: t.startDate, dueDate: t.dueDate, today }, clock.dueSoonDays),
      })),
    };
  };
  const reReviews = (day: '@today' | '@yesterday') =>
    section<TodayAssessment>(
      sql,
      params,
      ASSESSMENT,
      `a.status = 'tracking' AND a.next_re_review_on = ${day}`,
      SCOPE.assessment,
      'a.assessment_no',
    );

  return {
    today,
    readable: { petitions: readsCases, risks: true },
    arrived: {
      hazards: section<TodayHazard>(sql, params, HAZARD, 'h.found_on = @today', SCOPE.hazard, 'h.hazard_no DESC'),
      petitions: cases('p.received_date = @today', 'p.case_no DESC'),
    },
    notes: section<TodayNote>(
      sql,
      params,
      {
        select: `n.id, n.hazard_id AS hazardId, h.hazard_no AS hazardNo, h.title AS hazardTitle, n.content,
          (SELECT display_name FROM users WHERE id = n.by_user) AS byName, n.at`,
        from: 'hazard_notes n JOIN hazards h ON h.id = n.hazard_id',
      },
      "n.noted_on = @today AND n.kind = 'analysis'",
      SCOPE.hazard,
      'n.at DESC, n.id DESC',
    ),
    // Set today (its clock starts today) or recorded today (a decision of an earlier meeting).
    assignments: tasks(
      't.start_date = @today OR (t.created_at >= @dayStart AND t.created_at < @dayEnd)',
      't.created_at DESC, t.id DESC',
    ),
    meetingDecisions: section<TodayMeetingDecision>(
      sql,
      params,
      {
        select: `d.id, d.meeting_id AS meetingId, m.meeting_no AS meetingNo, m.level AS meetingLevel, m.topic,
          d.content, d.task_id AS taskId`,
        from: 'meeting_decisions d JOIN meetings m ON m.id = d.meeting_id',
      },
      'd.decided_on = @today',
      SCOPE.meeting,
      'm.meeting_no DESC, d.sort',
    ),
    assessmentDecisions: section<TodayAssessment>(
      sql,
      params,
      ASSESSMENT,
      'a.decided_on = @today AND a.decision IS NOT NULL',
      SCOPE.assessment,
      'a.assessment_no DESC',
    ),
    dueToday: {
      petitions: cases(`p.due_date = @today AND p.status NOT IN ${CONCLUDED_SQL}`, 'p.case_no'),
      tasks: tasks(`t.due_date = @today AND t.status IN ${OPEN_TASK_SQL}`, 't.created_at, t.id'),
      reReviews: reReviews('@today'),
    },
    overdueToday: {
      petitions: cases(`p.due_date = @yesterday AND p.status NOT IN ${CONCLUDED_SQL}`, 'p.case_no'),
      tasks: tasks(`t.due_date = @yesterday AND t.status IN ${OPEN_TASK_SQL}`, 't.created_at, t.id'),
      reReviews: reReviews('@yesterday'),
    },
  };
}
