import { DISPUTE_TALLIES } from '../../electron/backend/db/migrations/0028-dispute-tallies';
import type { InputOf } from '../../shared/contract';
import { samplePdf } from './files';
import { EAST, must, type petitionBackend } from './petitions';

type Setup = Awaited<ReturnType<typeof petitionBackend>>;
type Backend = Setup['backend'];
type CallContext = Setup['officer'];
type Step = Omit<InputOf<'disputes.transition'>, 'id'>;

export const EAST_VILLAGE = '999901001001';

/** A dispute as taken in at the window: a neighbours' quarrel in 东一村, one person and one organisation. */
export const intake = (over: Partial<InputOf<'disputes.create'>> = {}): InputOf<'disputes.create'> => ({
  channel: 'visit',
  category: 'neighbour',
  summary: '相邻宅基地滴水檐纠纷',
  receivedOn: '2026-11-20',
  townshipCode: EAST,
  villageCode: EAST_VILLAGE,
  peopleInvolved: 2,
  amountInvolved: 5000,
  urgency: 'normal',
  riskColour: 'yellow',
  level: 'village',
  parties: [
    { kind: 'person', side: 'applicant', name: '王建国', idNumber: '410102198001191234', phone: '13812345678' },
    { kind: 'organisation', side: 'respondent', name: '东一村经济合作社' },
  ],
  ...over,
});

/** A 调解协议书 uploaded to the dispute: its attachment's id. */
export async function agreementOf(backend: Backend, token: CallContext, disputeId: string): Promise<string> {
  const base64 = samplePdf().toString('base64');
  const input = { entity: 'dispute', entityId: disputeId, purpose: 'agreement', fileName: '协议.pdf', base64 } as const;
  return (await must(backend.call('attachments.upload', input, token))).id;
}

/** A step of the loop as the officer records it: 调解成功 with its agreement uploaded first. */
export async function transition(backend: Backend, token: CallContext, id: string, step: Step) {
  const agreed =
    step.action === 'settle' && !step.agreementAttachmentId
      ? { agreementAttachmentId: await agreementOf(backend, token, id) }
      : {};
  return must(backend.call('disputes.transition', { id, ...step, ...agreed }, token));
}

/**
 * Each dispute tally (migration 0028) as its triggers keep it (rows left at zero skipped) and as
 * counted afresh from the ledger's live rows: the two statements of a pair must read the same.
 */
export const DISPUTE_TALLY_PAIRS = DISPUTE_TALLIES.map((tally) => {
  const keys = Object.keys(tally.keys);
  const counters = Object.keys(tally.counters);
  const order = keys.map((_, i) => i + 1).join(', ');
  return {
    table: tally.table,
    byTriggers: `SELECT ${[...keys, ...counters].join(', ')} FROM ${tally.table} WHERE accepted != 0 ORDER BY ${order}`,
    recounted: `SELECT ${[
      ...keys.map((k) => `${tally.keys[k]!('r')} AS ${k}`),
      ...counters.map((c) => `sum(${tally.counters[c]!('r')}) AS ${c}`),
    ].join(', ')} FROM disputes r WHERE r.voided_at IS NULL GROUP BY ${order} ORDER BY ${order}`,
  };
});
