import type {
  TodayAssessment,
  TodayDispute,
  TodayHazard,
  TodayList,
  TodayMeetingDecision,
  TodayNote,
  TodayOverview,
  TodayPetition,
  TodayTask,
} from '../../../../shared/contract/today';
import { OPEN_CASE_SQL, OPEN_TASK_SQL } from '../../db/status-lists';
import { disputeStage } from '../../../../shared/domain/disputes/statuses';
import { addDays } from '../../../../shared/domain/ledger/calendar';
import { hasAccess } from '../../../../shared/domain/roles';
import { taskStage } from '../../../../shared/domain/risks/tasks';
import { townshipPrefix } from '../../../../shared/domain/scope';
import { countyMidnight } from '../../../../shared/domain/time';
import { principalOf, type HandlerContext } from '../../api/types';
import { CASE_CLOCK, clockStageSql } from '../../db/clock-sql';
import { named, qb, type Sql } from '../../db/sql';
import { clockOf } from '../../ledger/clock';
import { liveTaskOwner, notVoided } from '../../ledger/live';

/**
 * The 今日 screen's one call. Every section is "what happened on the county's date today" (or what
 * falls due today / fell overdue today: its last day was yesterday), counted in full and listed up
 * to `limit` rows; each reads one day through an index on its date column (migrations 0003, 0006,
 * 0007, 0009), so the cost follows the day's rows, not the ledger's size.
 */
export interface Params {
  today: string;
  yesterday: string;
  /** Today's bounds as stored timestamps (UTC), for rows dated by `created_at`. */
  dayStart: string;
  dayEnd: string;
  prefix: string;
  limit: number;
  /** The 临期 setting, for the rows' deadline stages. */
  dueSoonDays: number;
}

/**
 * Scope conditions for a township user (null scope: none). Correlated lookups by key: a day holds
 * few rows, so each is checked on its own rather than listing every record of the township.
 */
const inTownship = (table: string, key: string, id: string) =>
  `EXISTS (SELECT 1 FROM ${table} WHERE ${key} = ${id} AND township_code LIKE @prefix)`;
export const SCOPE = {
  hazard: 'h.township_code LIKE @prefix',
  petition: 'p.township_code LIKE @prefix',
  assessment: inTownship('assessment_townships', 'assessment_id', 'a.id'),
  meeting: 'm.township_code LIKE @prefix',
  dispute: 'd.township_code LIKE @prefix',
  task: `CASE t.owner_kind
    WHEN 'hazard' THEN ${inTownship('hazards', 'id', 't.owner_id')}
    WHEN 'assessment' THEN ${inTownship('assessment_townships', 'assessment_id', 't.owner_id')}
    ELSE ${inTownship('meetings', 'id', 't.owner_id')} END`,
};

export const HAZARD = {
  select: `h.id, h.hazard_no AS hazardNo, h.title, h.level, h.status, g.name AS townshipName, h.found_on AS foundOn`,
  from: 'hazards h JOIN regions g ON g.code = h.township_code',
  live: notVoided('h'),
};
/** A case's 办理时限 stage, as the petitions' list computes it. */
const CASE_STAGE = clockStageSql(CASE_CLOCK, { today: named('today'), dueSoonDays: named('dueSoonDays') }).compile(
  qb,
).sql;
export const PETITION = {
  select: `p.id, p.case_no AS caseNo, p.summary, p.status, g.name AS townshipName, p.received_date AS receivedDate,
    p.due_date AS dueDate, ${CASE_STAGE} AS stage, u.name AS handlingUnitName`,
  from: 'petitions p JOIN regions g ON g.code = p.township_code LEFT JOIN units u ON u.id = p.handling_unit_id',
  live: notVoided('p'),
};
export const DISPUTE = {
  select: `d.id, d.dispute_no AS disputeNo, d.summary, coalesce(c.label, d.category) AS categoryLabel, d.status,
    g.name AS townshipName, d.received_on AS receivedOn, d.routed_on AS routedOn, d.due_date AS dueDate,
    u.name AS unitName`,
  from: `disputes d JOIN regions g ON g.code = d.township_code LEFT JOIN units u ON u.id = d.unit_id
    LEFT JOIN dict_entries c ON c.dict_code = 'dispute_category' AND c.code = d.category`,
  live: notVoided('d'),
};
/** Disputes on the 办理时限's clock: routed or being handled (the partial index `disputes_due`). */
export const DISPUTE_ON_CLOCK = "d.status IN ('routed', 'mediating')";
const disputes = (where: string, order: string): SectionDef => ({
  source: DISPUTE,
  where,
  scope: SCOPE.dispute,
  order,
});
export const TASK = {
  select: `t.id, t.owner_kind AS ownerKind, t.owner_id AS ownerId,
    coalesce(CASE t.owner_kind
      WHEN 'hazard' THEN (SELECT hazard_no FROM hazards WHERE id = t.owner_id)
      WHEN 'assessment' THEN (SELECT assessment_no FROM assessments WHERE id = t.owner_id)
      ELSE (SELECT meeting_no FROM meetings WHERE id = t.owner_id) END, '') AS ownerNo,
    t.kind, t.title, u.name AS unitName, t.start_date AS startDate, t.due_date AS dueDate, t.status`,
  from: 'risk_tasks t JOIN units u ON u.id = t.unit_id',
  live: liveTaskOwner('t'),
};
const ASSESSMENT = {
  select: `a.id, a.assessment_no AS assessmentNo, a.matter, a.decision, a.decided_on AS decidedOn,
    a.next_re_review_on AS nextReReviewOn`,
  from: 'assessments a',
  live: notVoided('a'),
};

interface Source {
  select: string;
  from: string;
  /** Leaves voided records (and what they own) out. */
  live: string;
}

export interface SectionDef {
  source: Source;
  where: string;
  /** The township user's condition (SCOPE). */
  scope: string;
  order: string;
}

const NOTE: Source = {
  select: `n.id, n.hazard_id AS hazardId, h.hazard_no AS hazardNo, h.title AS hazardTitle, n.content,
    (SELECT display_name FROM users WHERE id = n.by_user) AS byName, n.at`,
  from: 'hazard_notes n JOIN hazards h ON h.id = n.hazard_id',
  live: notVoided('h'),
};
const DECISION: Source = {
  select: `d.id, d.meeting_id AS meetingId, m.meeting_no AS meetingNo, m.level AS meetingLevel, m.topic,
    d.content, d.task_id AS taskId`,
  from: 'meeting_decisions d JOIN meetings m ON m.id = d.meeting_id',
  // Meetings are not voided.
  live: '1',
};
const reReviewsOn = (day: '@today' | '@yesterday'): SectionDef => ({
  source: ASSESSMENT,
  where: `a.status = 'tracking' AND a.next_re_review_on = ${day}`,
  scope: SCOPE.assessment,
  order: 'a.assessment_no',
});

/** Every section of the screen: what it lists, in which order. */
export const TODAY_SECTIONS = {
  arrivedHazards: { source: HAZARD, where: 'h.found_on = @today', scope: SCOPE.hazard, order: 'h.hazard_no DESC' },
  arrivedPetitions: {
    source: PETITION,
    where: 'p.received_date = @today',
    scope: SCOPE.petition,
    order: 'p.case_no DESC',
  },
  notes: {
    source: NOTE,
    where: "n.noted_on = @today AND n.kind = 'analysis'",
    scope: SCOPE.hazard,
    order: 'n.at DESC, n.id DESC',
  },
  // Set today (its clock starts today) or recorded today (a decision of an earlier meeting).
  assignments: {
    source: TASK,
    where: 't.start_date = @today OR (t.created_at >= @dayStart AND t.created_at < @dayEnd)',
    scope: SCOPE.task,
    order: 't.created_at DESC, t.id DESC',
  },
  meetingDecisions: {
    source: DECISION,
    where: 'd.decided_on = @today',
    scope: SCOPE.meeting,
    order: 'm.meeting_no DESC, d.sort',
  },
  assessmentDecisions: {
    source: ASSESSMENT,
    where: 'a.decided_on = @today AND a.decision IS NOT NULL',
    scope: SCOPE.assessment,
    order: 'a.assessment_no DESC',
  },
  dueTodayPetitions: {
    source: PETITION,
    where: `p.due_date = @today AND p.status IN ${OPEN_CASE_SQL}`,
    scope: SCOPE.petition,
    order: 'p.case_no',
  },
  arrivedDisputes: disputes('d.received_on = @today', 'd.dispute_no DESC'),
  dueTodayDisputes: disputes(`d.due_date = @today AND ${DISPUTE_ON_CLOCK}`, 'd.dispute_no'),
  overdueTodayDisputes: disputes(`d.due_date = @yesterday AND ${DISPUTE_ON_CLOCK}`, 'd.dispute_no'),
  dueTodayTasks: {
    source: TASK,
    where: `t.due_date = @today AND t.status IN ${OPEN_TASK_SQL}`,
    scope: SCOPE.task,
    order: 't.created_at, t.id',
  },
  dueTodayReReviews: reReviewsOn('@today'),
  overdueTodayPetitions: {
    source: PETITION,
    where: `p.due_date = @yesterday AND p.status IN ${OPEN_CASE_SQL}`,
    scope: SCOPE.petition,
    order: 'p.case_no',
  },
  overdueTodayTasks: {
    source: TASK,
    where: `t.due_date = @yesterday AND t.status IN ${OPEN_TASK_SQL}`,
    scope: SCOPE.task,
    order: 't.created_at, t.id',
  },
  overdueTodayReReviews: reReviewsOn('@yesterday'),
} satisfies Record<string, SectionDef>;

/** A section's two statements (its count, its first `@limit` rows), with or without the scope. */
export function sectionSql(def: SectionDef, scoped: boolean): { count: string; items: string } {
  const live = `(${def.where}) AND ${def.source.live}`;
  const condition = scoped ? `${live} AND ${def.scope}` : live;
  return {
    count: `SELECT count(*) AS n FROM ${def.source.from} WHERE ${condition}`,
    items: `SELECT ${def.source.select} FROM ${def.source.from} WHERE ${condition} ORDER BY ${def.order} LIMIT @limit`,
  };
}

/** One section: the count and, when there are any, the first `limit` rows. */
export function section<T>(sql: Sql, params: Params, def: SectionDef): TodayList<T> {
  const statements = sectionSql(def, params.prefix !== '');
  const total = (sql.prepare(statements.count).get(params) as { n: number }).n;
  const items = total ? (sql.prepare(statements.items).all(params) as T[]) : [];
  return { items, total };
}

/** The day's bounds and the caller's township scope, the parameters of every section. */
export function paramsOf(ctx: HandlerContext, limit: number): Params {
  const principal = principalOf(ctx);
  const { today, dueSoonDays } = clockOf(ctx);
  return {
    today,
    yesterday: addDays(today, -1),
    dayStart: countyMidnight(today),
    dayEnd: countyMidnight(addDays(today, 1)),
    prefix: principal.regionCode ? `${townshipPrefix(principal.regionCode)}%` : '',
    limit,
    dueSoonDays,
  };
}

/** A section of tasks, each with its deadline stage. */
export function taskSection(ctx: HandlerContext, params: Params, def: SectionDef): TodayList<TodayTask> {
  const clock = clockOf(ctx);
  const found = section<Omit<TodayTask, 'stage'>>(ctx.sql, params, def);
  return {
    total: found.total,
    items: found.items.map((t) => ({
      ...t,
      stage: taskStage(
        { status: t.status, startDate: t.startDate, dueDate: t.dueDate, today: params.today },
        clock.dueSoonDays,
      ),
    })),
  };
}

/** A section of disputes, each with its 办理时限's deadline stage. */
export function disputeSection(ctx: HandlerContext, params: Params, def: SectionDef): TodayList<TodayDispute> {
  const { dueSoonDays } = clockOf(ctx);
  const found = section<Omit<TodayDispute, 'stage'> & { routedOn: string | null }>(ctx.sql, params, def);
  return {
    total: found.total,
    items: found.items.map(({ routedOn, ...d }) => ({
      ...d,
      stage: disputeStage({ ...d, routedOn }, params.today, dueSoonDays),
    })),
  };
}

export const EMPTY = { items: [], total: 0 };

export function todayOverview(ctx: HandlerContext, limit: number): TodayOverview {
  const principal = principalOf(ctx);
  const params = paramsOf(ctx, limit);
  const readsCases = hasAccess(principal.roles, 'petitions.read');
  const readsDisputes = hasAccess(principal.roles, 'disputes.read');
  const sql = ctx.sql;

  const list = <T>(def: SectionDef) => section<T>(sql, params, def);
  const cases = (def: SectionDef): TodayList<TodayPetition> => (readsCases ? list<TodayPetition>(def) : EMPTY);
  const tasks = (def: SectionDef): TodayList<TodayTask> => taskSection(ctx, params, def);
  const matters = (def: SectionDef): TodayList<TodayDispute> =>
    readsDisputes ? disputeSection(ctx, params, def) : EMPTY;
  const S = TODAY_SECTIONS;

  return {
    today: params.today,
    readable: { petitions: readsCases, risks: true, disputes: readsDisputes },
    arrived: {
      hazards: list<TodayHazard>(S.arrivedHazards),
      petitions: cases(S.arrivedPetitions),
      disputes: matters(S.arrivedDisputes),
    },
    notes: list<TodayNote>(S.notes),
    assignments: tasks(S.assignments),
    meetingDecisions: list<TodayMeetingDecision>(S.meetingDecisions),
    assessmentDecisions: list<TodayAssessment>(S.assessmentDecisions),
    dueToday: {
      petitions: cases(S.dueTodayPetitions),
      tasks: tasks(S.dueTodayTasks),
      reReviews: list<TodayAssessment>(S.dueTodayReReviews),
      disputes: matters(S.dueTodayDisputes),
    },
    overdueToday: {
      petitions: cases(S.overdueTodayPetitions),
      disputes: matters(S.overdueTodayDisputes),
      tasks: tasks(S.overdueTodayTasks),
      reReviews: list<TodayAssessment>(S.overdueTodayReReviews),
    },
  };
}
