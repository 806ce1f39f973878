import { principalOf, type HandlerMap } from '../../api/types';
import { appendAudit } from '../audit/writer';
import { startPetitionExport } from './export';

/** The petition export: start a job, poll it, fetch the file (the hand-over is what is audited). */
export const petitionExportHandlers = {
  'petitions.exportStart': (input, ctx) => startPetitionExport(ctx, input),
  'petitions.exportProgress': ({ jobId }, ctx) => ctx.exportJobs.status(principalOf(ctx).userId, jobId),
  'petitions.exportFetch': ({ jobId }, ctx) => {
    const { file, audit } = ctx.exportJobs.take(principalOf(ctx).userId, jobId);
    appendAudit(ctx, audit);
    return file;
  },
} satisfies HandlerMap<'petitions.exportStart' | 'petitions.exportProgress' | 'petitions.exportFetch'>;
