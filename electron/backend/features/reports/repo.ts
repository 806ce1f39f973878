import type { Page } from '../../../../shared/contract';
import type { SavedReport } from '../../../../shared/contract/reports';
import type { ReportDocument, ReportKind } from '../../../../shared/domain/reports/document';
import { offsetOf } from '../../db/paging';
import { qb, type Sql } from '../../db/sql';

const savedColumns = [
  'r.id',
  'r.kind',
  'r.report_date as date',
  'r.title',
  'r.issue_no as issueNo',
  'u.display_name as createdByName',
  'r.created_at as createdAt',
] as const;

const saved = () => qb.selectFrom('reports as r').innerJoin('users as u', 'u.id', 'r.created_by');

export function listReports(sql: Sql, kind: ReportKind | undefined, page: number, pageSize: number): Page<SavedReport> {
  let query = saved();
  if (kind) query = query.where('r.kind', '=', kind);
  const total = sql.get(query.select((eb) => eb.fn.countAll<number>().as('n')))?.n ?? 0;
  const items = sql.all(
    query
      .select(savedColumns)
      .orderBy('r.report_date', 'desc')
      .orderBy('r.created_at', 'desc')
      .limit(pageSize)
      .offset(offsetOf(page, pageSize)),
  );
  return { items, total, page, pageSize };
}

export function findReport(sql: Sql, id: string): { report: SavedReport; document: ReportDocument } | undefined {
  const row = sql.get(
    saved()
      .select([...savedColumns, 'r.document'])
      .where('r.id', '=', id),
  );
  if (!row) return undefined;
  const { document, ...report } = row;
  return { report, document: JSON.parse(document) as ReportDocument };
}

/** How many reports of a kind were saved in a year: the next issue is one more. */
export const savedInYear = (sql: Sql, kind: ReportKind, year: string): number =>
  sql.get(
    qb
      .selectFrom('reports')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('kind', '=', kind)
      .where('report_date', 'like', `${year}-%`),
  )?.n ?? 0;

/** The day's first 带班领导 on the 值班表, who signs the report unless the officer names another. */
export const dutyLeaderOn = (sql: Sql, date: string): string | null =>
  sql.get(
    qb
      .selectFrom('duty_roster')
      .select('name')
      .where('date', '=', date)
      .where('role', '=', 'leader')
      .orderBy('sort')
      .limit(1),
  )?.name ?? null;
