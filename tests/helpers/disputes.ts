import type { InputOf } from '../../shared/contract';
import { EAST } from './petitions';

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
