import type { TodayDispute, TodayList } from '../../../../shared/contract/today';
import type { DutyDisputes, LeaderWorkbench, UnitWorkbench } from '../../../../shared/contract/workbench';
import { DISPUTE_RESULTS } from '../../../../shared/domain/disputes/statuses';
import { hasAccess, type Permission } from '../../../../shared/domain/roles';
import { principalOf, type HandlerContext } from '../../api/types';
import { inList } from '../../db/status-lists';
import { DISPUTE, DISPUTE_ON_CLOCK, disputeSection, SCOPE, sectionSql, type Params, type SectionDef } from './overview';

/**
 * 工作台's disputes, on 今日's sections (the same source, scope and statements): what the duty
 * officer must route, see handled and visit, what the leader must close out, and what a unit's
 * account must handle. Each reads its status or its due dates through the ledger's indexes.
 */
export type DisputeParams = Params & { soon: string };

const disputes = (where: string, order: string): SectionDef => ({
  source: DISPUTE,
  where,
  scope: SCOPE.dispute,
  order,
});
const onClock = (where: string) => disputes(`${DISPUTE_ON_CLOCK} AND ${where}`, 'd.due_date, d.dispute_no');
/** Routed to the unit, or handled with it (协同). */
const OF_UNIT = `(d.unit_id = @unitId
  OR EXISTS (SELECT 1 FROM dispute_units k WHERE k.dispute_id = d.id AND k.unit_id = @unitId))`;

export const DISPUTE_SECTIONS = {
  toRoute: disputes("d.status = 'received'", 'd.received_on, d.dispute_no'),
  routed: disputes("d.status = 'routed'", 'd.due_date, d.dispute_no'),
  toVisit: disputes(`d.status IN ${inList(DISPUTE_RESULTS)}`, 'd.result_on, d.dispute_no'),
  supervision: onClock('d.due_date <= @soon'),
  overdue: onClock('d.due_date < @today'),
  closeOut: disputes("d.status = 'visited'", 'd.visited_on, d.dispute_no'),
  unitHandling: onClock(OF_UNIT),
  unitDueSoon: onClock(`d.due_date BETWEEN @today AND @soon AND ${OF_UNIT}`),
  unitOverdue: onClock(`d.due_date < @today AND ${OF_UNIT}`),
} satisfies Record<string, SectionDef>;

const list = (ctx: HandlerContext, params: DisputeParams, def: SectionDef): TodayList<TodayDispute> =>
  disputeSection(ctx, params, def);

/** The duty officer's disputes, for who may work them. */
export function dutyDisputes(ctx: HandlerContext, params: DisputeParams): DutyDisputes | undefined {
  if (!hasAccess(principalOf(ctx).roles, 'disputes.write')) return undefined;
  const S = DISPUTE_SECTIONS;
  return {
    toRoute: list(ctx, params, S.toRoute),
    routed: list(ctx, params, S.routed),
    toVisit: list(ctx, params, S.toVisit),
    supervision: list(ctx, params, S.supervision),
    overdue: list(ctx, params, S.overdue),
  };
}

/** The leader's disputes awaiting 销号 and those overdue, for who may close them out. */
export function leaderDisputes(ctx: HandlerContext, params: DisputeParams): LeaderWorkbench['disputes'] {
  if (!hasAccess(principalOf(ctx).roles, 'disputes.closeOut')) return undefined;
  return {
    closeOut: list(ctx, params, DISPUTE_SECTIONS.closeOut),
    overdue: list(ctx, params, DISPUTE_SECTIONS.overdue),
  };
}

/** The unit an account is bound to, when it reads disputes; null otherwise. */
function unitOf(ctx: HandlerContext): { id: string; name: string } | null {
  const principal = principalOf(ctx);
  if (!hasAccess(principal.roles, 'disputes.read')) return null;
  const row = ctx.sql
    .prepare('SELECT u.id, u.name FROM users a JOIN units u ON u.id = a.unit_id WHERE a.id = ?')
    .get(principal.userId) as { id: string; name: string } | undefined;
  return row ?? null;
}

/** A unit account's disputes: those its unit handles, and among them the 临期 and 超期 ones. */
export function unitWorkbench(ctx: HandlerContext, params: DisputeParams): UnitWorkbench | undefined {
  const unit = unitOf(ctx);
  if (!unit) return undefined;
  const withUnit = { ...params, unitId: unit.id };
  const S = DISPUTE_SECTIONS;
  return {
    unitId: unit.id,
    unitName: unit.name,
    disputes: {
      handling: list(ctx, withUnit, S.unitHandling),
      dueSoon: list(ctx, withUnit, S.unitDueSoon),
      overdue: list(ctx, withUnit, S.unitOverdue),
    },
  };
}

/** The disputes behind the menu's 待销号, 超期 and 督办 badges, each for who may act on it. */
export function disputeCounts(
  ctx: HandlerContext,
  params: DisputeParams,
): { closeOut: number; overdue: number; supervision?: number } {
  const roles = principalOf(ctx).roles;
  const count = (permission: Permission, def: SectionDef) =>
    hasAccess(roles, permission)
      ? (ctx.sql.prepare(sectionSql(def, params.prefix !== '').count).get(params) as { n: number }).n
      : 0;
  const supervises = hasAccess(roles, 'disputes.write') || hasAccess(roles, 'disputes.closeOut');
  return {
    closeOut: count('disputes.closeOut', DISPUTE_SECTIONS.closeOut),
    overdue: count('disputes.write', DISPUTE_SECTIONS.overdue),
    ...(supervises ? { supervision: count('disputes.read', DISPUTE_SECTIONS.supervision) } : {}),
  };
}
