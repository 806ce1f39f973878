import type { TodayHazard, TodayList, TodayPetition } from '../../../../shared/contract/today';
import type { DutyWorkbench, LeaderWorkbench } from '../../../../shared/contract/workbench';
import { addDays } from '../../../../shared/domain/ledger/calendar';
import { hasAccess, type Permission } from '../../../../shared/domain/roles';
import { principalOf, type HandlerContext } from '../../api/types';
import { OPEN_CASE_SQL, OPEN_TASK_SQL } from '../../db/status-lists';
import { clockOf } from '../../ledger/clock';
import { disputeCounts, dutyDisputes, type DisputeParams } from './dispute-workbench';
import {
  EMPTY,
  HAZARD,
  paramsOf,
  PETITION,
  SCOPE,
  section,
  sectionSql,
  TASK,
  taskSection,
  type SectionDef,
} from './overview';

/**
 * 工作台's lists of work waiting, on 今日's sections (the same sources, scope and statements): what
 * the duty officer must move on and what the leader must approve. Each reads the rows of its status
 * or its date range through the ledger's indexes (status, open due date), never the whole ledger.
 */
type WorkbenchParams = DisputeParams;

const cases = (where: string, order: string): SectionDef => ({
  source: PETITION,
  where,
  scope: SCOPE.petition,
  order,
});
const tasks = (where: string): SectionDef => ({
  source: TASK,
  where: `${where} AND t.status IN ${OPEN_TASK_SQL}`,
  scope: SCOPE.task,
  order: 't.due_date, t.id',
});

export const WORKBENCH_SECTIONS = {
  toClassify: cases("p.status = 'found'", 'p.received_date, p.case_no'),
  toAssign: cases("p.status IN ('classified', 'accepted')", 'p.received_date, p.case_no'),
  progressDue: cases(
    "p.status IN ('assigned', 'resolving') AND p.due_date BETWEEN @today AND @soon",
    'p.due_date, p.case_no',
  ),
  measuresDue: tasks('t.due_date BETWEEN @today AND @soon'),
  overduePetitions: cases(`p.due_date < @today AND p.status IN ${OPEN_CASE_SQL}`, 'p.due_date, p.case_no'),
  overdueTasks: tasks('t.due_date < @today'),
  closeOutPetitions: cases("p.status = 'resolved'", 'p.resolved_date, p.case_no'),
  closeOutHazards: {
    source: HAZARD,
    where: "h.status = 'resolved'",
    scope: SCOPE.hazard,
    order: 'h.resolved_on, h.hazard_no',
  },
  myCases: cases(
    `p.status IN ${OPEN_CASE_SQL} AND p.leader_id IN (SELECT id FROM people
      WHERE role = 'leader' AND disabled_at IS NULL AND name = @leaderName)`,
    'p.due_date IS NULL, p.due_date, p.case_no',
  ),
} satisfies Record<string, SectionDef>;

export function workbenchParams(ctx: HandlerContext, limit: number): WorkbenchParams {
  const params = paramsOf(ctx, limit);
  return { ...params, soon: addDays(params.today, clockOf(ctx).dueSoonDays) };
}

/** The duty officer's to-dos: cases only for who works cases, measures for who works the risk ledger. */
export function dutyWorkbench(ctx: HandlerContext, limit: number): DutyWorkbench {
  const params = workbenchParams(ctx, limit);
  const roles = principalOf(ctx).roles;
  const S = WORKBENCH_SECTIONS;
  const caseList = (def: SectionDef): TodayList<TodayPetition> =>
    hasAccess(roles, 'petitions.write') ? section<TodayPetition>(ctx.sql, params, def) : EMPTY;
  const taskList = (def: SectionDef) => (hasAccess(roles, 'risks.write') ? taskSection(ctx, params, def) : EMPTY);
  return {
    toClassify: caseList(S.toClassify),
    toAssign: caseList(S.toAssign),
    progressDue: caseList(S.progressDue),
    measuresDue: taskList(S.measuresDue),
    overdue: { petitions: caseList(S.overduePetitions), tasks: taskList(S.overdueTasks) },
    disputes: dutyDisputes(ctx, params),
  };
}

/** 待审批销号: resolved cases and hazards, each for who may approve its close-out. */
export function closeOutLists(ctx: HandlerContext, limit: number): LeaderWorkbench['closeOut'] {
  const params = workbenchParams(ctx, limit);
  const roles = principalOf(ctx).roles;
  return {
    petitions: hasAccess(roles, 'petitions.closeOut')
      ? section<TodayPetition>(ctx.sql, params, WORKBENCH_SECTIONS.closeOutPetitions)
      : EMPTY,
    hazards: hasAccess(roles, 'risks.closeOut')
      ? section<TodayHazard>(ctx.sql, params, WORKBENCH_SECTIONS.closeOutHazards)
      : EMPTY,
  };
}

/**
 * The open cases the signed-in leader holds as 包案领导. Accounts and the 包案领导 list are kept
 * apart (a leader record is reference data, not an account), so the account is matched by its
 * display name; null when no leader in use bears it.
 */
export function myCases(ctx: HandlerContext, limit: number): TodayList<TodayPetition> | null {
  const leaderName = principalOf(ctx).displayName;
  const known = ctx.sql
    .prepare("SELECT 1 FROM people WHERE role = 'leader' AND disabled_at IS NULL AND name = ?")
    .get(leaderName);
  if (!known) return null;
  return section<TodayPetition>(
    ctx.sql,
    { ...workbenchParams(ctx, limit), leaderName } as WorkbenchParams,
    WORKBENCH_SECTIONS.myCases,
  );
}

/** A section's count alone. */
function countOf(ctx: HandlerContext, params: WorkbenchParams, def: SectionDef): number {
  const statement = sectionSql(def, params.prefix !== '').count;
  return (ctx.sql.prepare(statement).get(params) as { n: number }).n;
}

/** The counts behind the menu's 待销号, 超期 and disputes' 督办 badges, each for who may act on it. */
export function workCounts(ctx: HandlerContext): { closeOut?: number; overdue?: number; disputeSupervision?: number } {
  const params = workbenchParams(ctx, 1);
  const matters = disputeCounts(ctx, params);
  const roles = principalOf(ctx).roles;
  const S = WORKBENCH_SECTIONS;
  const when = (permission: Permission, def: SectionDef) =>
    hasAccess(roles, permission) ? countOf(ctx, params, def) : 0;
  const approves = (['petitions.closeOut', 'risks.closeOut', 'disputes.closeOut'] as const).some((p) =>
    hasAccess(roles, p),
  );
  const works = (['petitions.write', 'risks.write', 'disputes.write'] as const).some((p) => hasAccess(roles, p));
  const closeOut =
    when('petitions.closeOut', S.closeOutPetitions) + when('risks.closeOut', S.closeOutHazards) + matters.closeOut;
  const overdue = when('petitions.write', S.overduePetitions) + when('risks.write', S.overdueTasks) + matters.overdue;
  return {
    ...(approves ? { closeOut } : {}),
    ...(works ? { overdue } : {}),
    ...(matters.supervision === undefined ? {} : { disputeSupervision: matters.supervision }),
  };
}
