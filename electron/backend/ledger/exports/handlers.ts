import { principalOf, type HandlerMap } from '../../api/types';
import { appendAudit } from '../../audit/writer';

/** Following and fetching any ledger's export job (each ledger starts its own): the hand-over is what is audited. */
export const exportsHandlers = {
  'exports.progress': ({ jobId }, ctx) => ctx.exportJobs.status(principalOf(ctx).userId, jobId),
  'exports.fetch': ({ jobId }, ctx) => {
    const { file, audit } = ctx.exportJobs.take(principalOf(ctx).userId, jobId);
    appendAudit(ctx, audit);
    return file;
  },
} satisfies HandlerMap<'exports.progress' | 'exports.fetch'>;
