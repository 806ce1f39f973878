import type { ReportDocument } from '../../../shared/domain/reports/document';
import { jobOf, type JobBody } from '../workers/job';
import { buildReportDocx } from './docx';

/**
 * A report's Word file built in a worker: laying out and zipping the document (docx's Packer) takes
 * a while on a long 月通报, and the file comes back as base64, ready for the call's answer.
 */
export const reportDocxJob = jobOf<ReportDocument, string>('report.docx');

export const writeReportDocx: JobBody<typeof reportDocxJob> = async (report) =>
  (await buildReportDocx(report)).toString('base64');
