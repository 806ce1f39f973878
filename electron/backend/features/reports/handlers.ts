import type { HandlerMap } from '../../api/types';
import { listReports } from './repo';
import { draftReport, reportDocx, reportOrFail, saveReport } from './service';

export const reportsHandlers = {
  'reports.draft': ({ kind, date }, ctx) => draftReport(ctx, kind, date),
  'reports.save': ({ document }, ctx) => saveReport(ctx, document),
  'reports.list': ({ kind, page, pageSize }, ctx) => listReports(ctx.sql, kind, page, pageSize),
  'reports.get': ({ id }, ctx) => reportOrFail(ctx, id),
  'reports.docx': ({ id }, ctx) => reportDocx(ctx, id),
} satisfies HandlerMap<'reports.draft' | 'reports.save' | 'reports.list' | 'reports.get' | 'reports.docx'>;
