import { v7 as uuidv7 } from 'uuid';
import type { ExportFile } from '../../../../shared/contract/audit';
import type { SavedReport } from '../../../../shared/contract/reports';
import { dailyReport } from '../../../../shared/domain/reports/daily';
import type { ReportDocument, ReportKind } from '../../../../shared/domain/reports/document';
import { periodOf, periodReport } from '../../../../shared/domain/reports/period';
import {
  disputeDailySection,
  disputeMonthlySection,
  disputeWeeklySection,
  withDisputeSection,
} from '../../../../shared/domain/reports/disputes';
import { countyDate } from '../../../../shared/domain/time';
import { principalOf, type HandlerContext } from '../../api/types';
import { AppError } from '../../../../shared/errors';
import { hasAccessIn } from '../../../../shared/domain/roles';
import { findCentreName } from '../../db/county';
import { reportDocxJob } from '../../export/docx-job';
import { qb } from '../../db/sql';
import { audited } from '../../audit/writer';
import { dailyFacts, periodFacts } from './facts';
import { disputeDayFacts, disputePeriodFacts } from './dispute-facts';
import { dutyLeaderOn, findReport, savedInYear } from './repo';

/** Reports speak for the whole county: a township-bound account may not compile them. */
function assertCountyWide(ctx: HandlerContext): void {
  const { roles, regionCode } = principalOf(ctx);
  if (!hasAccessIn(roles, regionCode, 'reports.write')) {
    throw new AppError('FORBIDDEN', '日报由县级综治中心编制，涉及全县数据；乡镇账号不能生成或保存。');
  }
}

/**
 * A draft of today's (or a given day's) report of a kind, from the ledgers, numbered as the next
 * issue of its kind in the year, for the officer to edit before saving.
 */
export function draftReport(ctx: HandlerContext, kind: ReportKind, date = countyDate(ctx.now())): ReportDocument {
  assertCountyWide(ctx);
  const meta = {
    issuer: findCentreName(ctx.sql, ctx.settings.work),
    issueNo: `第 ${savedInYear(ctx.sql, kind, date.slice(0, 4)) + 1} 期`,
    // The day's 带班领导 from the 值班表 signs by default; the officer may change it.
    signer: dutyLeaderOn(ctx.sql, date) ?? '',
    drafter: principalOf(ctx).displayName,
  };
  if (kind === 'daily') {
    const report = dailyReport(dailyFacts(ctx.sql, date, ctx.settings.work.dueSoonDays), meta);
    return withDisputeSection(report, disputeDailySection(disputeDayFacts(ctx.sql, date)));
  }
  const { from, to } = periodOf(kind, date);
  const disputes = disputePeriodFacts(ctx.sql, ctx.ledgers, from, to);
  const section = kind === 'weekly' ? disputeWeeklySection(disputes) : disputeMonthlySection(disputes);
  return withDisputeSection(periodReport(periodFacts(ctx.sql, kind, from, to), meta), section);
}

export function saveReport(ctx: HandlerContext, document: ReportDocument): SavedReport {
  assertCountyWide(ctx);
  const id = uuidv7();
  const now = ctx.now().toISOString();
  audited(
    ctx,
    { action: 'reports.save', entity: 'report', entityId: id, detail: `${document.title}（${document.issueNo}）` },
    () =>
      ctx.sql.run(
        qb.insertInto('reports').values({
          id,
          kind: document.kind,
          report_date: document.date,
          issue_no: document.issueNo,
          title: document.title,
          document: JSON.stringify(document),
          created_by: principalOf(ctx).userId,
          created_at: now,
        }),
      ),
  );
  return findReport(ctx.sql, id)!.report;
}

export function reportOrFail(ctx: HandlerContext, id: string) {
  const found = findReport(ctx.sql, id);
  if (!found) throw new AppError('NOT_FOUND', '没有找到这份报告，可能已被删除或编号有误。');
  return found;
}

/** A saved report as a Word file, built in a worker (export/docx-job.ts). */
export async function reportDocx(ctx: HandlerContext, id: string): Promise<ExportFile> {
  const { report, document } = reportOrFail(ctx, id);
  const base64 = await ctx.workers.run(reportDocxJob, document);
  return { fileName: `${report.title}（${report.issueNo}）.docx`, base64, rows: 1 };
}
