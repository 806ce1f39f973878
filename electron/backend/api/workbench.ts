import { statfsSync } from 'node:fs';
import type {
  AdminWorkbench,
  AuditorWorkbench,
  LeaderWorkbench,
  Workbench,
  WorkbenchBadges,
  WorkbenchRate,
  WorkbenchRateCode,
} from '../../../shared/contract/workbench';
import { SECURITY_EVENT_DAYS } from '../../../shared/contract/workbench';
import { PETITION_METRICS } from '../../../shared/domain/petitions/metrics';
import { hasAccess } from '../../../shared/domain/roles';
import { securityEvents } from '../features/audit/repo';
import { overview as backupOverview } from '../features/backup/service';
import { calendarStatus } from '../features/holidays/handlers';
import { petitionFigures, petitionMonthly } from '../features/petitions/figures';
import { recentMonths } from '../../../shared/domain/ledger/figure-period';
import { supervisionQueue } from '../features/petitions/queue';
import { leaderDisputes, unitWorkbench } from '../features/today/dispute-workbench';
import { closeOutLists, dutyWorkbench, myCases, workbenchParams, workCounts } from '../features/today/workbench';
import { listImports } from '../import/service';
import { todayOf } from '../ledger/clock';
import { principalOf, type HandlerContext, type HandlerMap } from './types';

/**
 * 工作台 puts together what several features already answer (今日's sections, the supervision
 * queue, the petition figures, the backup status, the calendar, the import log, the audit log), one
 * section per role the caller's permissions allow; nothing here is counted a second way.
 */
const RATES: readonly WorkbenchRateCode[] = ['conclusion_rate', 'resolution_rate', 'on_time_rate'];
const TREND_MONTHS = 6;

function leaderSection(ctx: HandlerContext, limit: number): LeaderWorkbench {
  const queue = supervisionQueue(ctx, { page: 1, pageSize: limit });
  const figures = petitionFigures(ctx);
  const months = petitionMonthly(ctx, recentMonths(todayOf(ctx), TREND_MONTHS));
  const rates = RATES.map((code): WorkbenchRate => {
    const metric = PETITION_METRICS.find((m) => m.code === code)!;
    const { name, numeratorLabel, denominatorLabel } = metric;
    const trend = months.map(({ month, results }) => ({ month, result: results[code] }));
    return { code, name, numeratorLabel, denominatorLabel, result: figures.overall[code], trend };
  });
  return {
    closeOut: closeOutLists(ctx, limit),
    supervision: { items: queue.items, total: queue.total },
    myCases: myCases(ctx, limit),
    rates,
    disputes: leaderDisputes(ctx, workbenchParams(ctx, limit)),
  };
}

function adminSection(ctx: HandlerContext, limit: number): AdminWorkbench {
  const backups = backupOverview(ctx);
  const audit = ctx.auditStatus.current;
  const disk = statfsSync(ctx.dataDir);
  const calendar = calendarStatus(ctx);
  const imports = listImports(ctx, 1, limit);
  return {
    backup: { ...backups.status, count: backups.items.length },
    audit: audit && { ok: audit.ok, message: audit.message, verifiedAt: audit.verifiedAt },
    disk: { freeBytes: disk.bavail * disk.bsize, totalBytes: disk.blocks * disk.bsize },
    calendar: { nextYear: Number(calendar.today.slice(0, 4)) + 1, missingYears: calendar.missingYears },
    imports: { items: imports.items, total: imports.total },
  };
}

function auditorSection(ctx: HandlerContext, limit: number): AuditorWorkbench {
  const since = new Date(ctx.now().getTime() - SECURITY_EVENT_DAYS * 86_400_000).toISOString();
  return { since, events: securityEvents(ctx.sql, since, limit) };
}

export function workbench(ctx: HandlerContext, limit: number): Workbench {
  const { roles } = principalOf(ctx);
  const may = (permission: Parameters<typeof hasAccess>[1]) => hasAccess(roles, permission);
  const unit = unitWorkbench(ctx, workbenchParams(ctx, limit));
  return {
    today: todayOf(ctx),
    ...(may('petitions.write') || may('risks.write') || may('disputes.write')
      ? { duty: dutyWorkbench(ctx, limit) }
      : {}),
    ...(may('petitions.closeOut') || may('risks.closeOut') || may('disputes.closeOut')
      ? { leader: leaderSection(ctx, limit) }
      : {}),
    ...(unit ? { unit } : {}),
    ...(may('system.backup') ? { admin: adminSection(ctx, limit) } : {}),
    ...(may('audit.read') ? { auditor: auditorSection(ctx, limit) } : {}),
  };
}

function badges(ctx: HandlerContext): WorkbenchBadges {
  const supervises = hasAccess(principalOf(ctx).roles, 'petitions.supervise');
  return {
    ...(supervises ? { supervision: supervisionQueue(ctx, { page: 1, pageSize: 1 }).total } : {}),
    ...workCounts(ctx),
  };
}

export const workbenchHandlers = {
  'workbench.get': ({ limit }, ctx) => workbench(ctx, limit),
  'workbench.badges': (_input, ctx) => badges(ctx),
} satisfies HandlerMap<'workbench.get' | 'workbench.badges'>;
