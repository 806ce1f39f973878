import { PETITION_TALLIES } from '../../electron/backend/db/migrations/0019-open-tally';
import type { InputOf } from '../../shared/contract';
import type { Result } from '../../shared/errors';
import { openBackend } from '../../electron/backend/app';
import { ADMIN, seed, signInAdmin, signInAs, signInWith, testBackend, TINY_COUNTY } from './backend';
import { manualClock } from './clock';
import { TEST_PASSWORD_HASH_COST } from './hash-cost';
import { dataTemplate } from './template';

export const EAST = '999901001000';
export const WEST = '999901002000';
export const TOWN_UNIT = '01900000-0000-7000-8000-000000000001';
export const BUREAU = '01900000-0000-7000-8000-000000000002';
export const LEADER = '01900000-0000-7000-8000-0000000000a1';

export const PETITIONER = {
  name: '王建国',
  idNumber: '410102198001191234',
  phone: '13812345678',
  address: '测试县东镇东一村五组',
};

export const registration = (over: Partial<InputOf<'petitions.create'>> = {}): InputOf<'petitions.create'> => ({
  townshipCode: EAST,
  summary: '反映工地拖欠工资问题',
  firstPetitionDate: '2026-10-01',
  receivedDate: '2026-11-20',
  petitioners: [PETITIONER],
  ...over,
});

/** The data of an ok result, or the test fails with the error. */
export async function must<T>(result: Promise<Result<T>>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.data;
}

/** The tiny county with the administrator, an officer and a leader: built once per test file. */
const petitionTemplate = dataTemplate(async (dataDir) => {
  const backend = await openBackend(dataDir, { now: manualClock().now, passwordHashCost: TEST_PASSWORD_HASH_COST });
  try {
    seed(backend, TINY_COUNTY);
    const admin = await signInAdmin(backend);
    const { id, username, password } = await signInAs(backend, admin, ['duty_officer']);
    const leader = await signInAs(backend, admin, ['leader']);
    return {
      officer: { id, username, password },
      leader: { id: leader.id, username: leader.username, password: leader.password },
    };
  } finally {
    backend.close();
  }
});

/**
 * A backend on the tiny county (today 2026-11-22 in the county), with an officer and a leader, all
 * three signed in: a fresh copy of the file's template.
 */
export async function petitionBackend() {
  const { dataDir, built } = await petitionTemplate();
  const clock = manualClock();
  const backend = await testBackend({ now: clock.now }, dataDir);
  const admin = await signInWith(backend, ADMIN);
  const officer = await signInWith(backend, built.officer);
  const leader = await signInWith(backend, built.leader);
  return { backend, clock, admin, officer, leader, leaderUserId: built.leader.id };
}

const COUNTERS = Object.keys(PETITION_TALLIES) as Array<keyof typeof PETITION_TALLIES>;
/** The figure tallies as the triggers keep them (cells emptied by moves left out). */
export const TALLIES_BY_TRIGGERS = `SELECT township_code, unit_id, ${COUNTERS.join(', ')}
  FROM petition_tallies WHERE cases != 0 ORDER BY 1, 2`;
/** The same tallies counted afresh from the ledger. */
export const TALLIES_RECOUNTED = `SELECT township_code, coalesce(handling_unit_id, '') AS unit_id,
  ${COUNTERS.map((c) => `sum(${PETITION_TALLIES[c]('p')}) AS ${c}`).join(', ')}
  FROM petitions p GROUP BY 1, 2 ORDER BY 1, 2`;

/** One input per step of the procedure that brings a new case forward (today's date). */
export const STEPS = {
  classify: { action: 'classify', itemType: 'appeal', category: 'labour_social_security' },
  accept: { action: 'accept' },
  assign: { action: 'assign', handlingUnitId: TOWN_UNIT, responsibleLeaderId: LEADER, dueDate: '2026-12-20' },
  startResolving: { action: 'startResolving', progressNote: '已约见信访人' },
  reply: { action: 'reply', replyKind: 'support' },
  requestReview: { action: 'requestReview' },
  decideReview: { action: 'decideReview', reason: '维持原处理意见' },
  requestReReview: { action: 'requestReReview' },
  decideReReview: { action: 'decideReReview', reason: '维持复查意见' },
  resolve: { action: 'resolve', outcome: '工资已结清' },
  closeOut: { action: 'closeOut', evidence: '签署息诉罢访协议' },
  refuse: { action: 'refuse', reason: '不属于信访事项' },
  refuseAgain: { action: 'refuseAgain', reason: '同一事实已复核终结' },
} as const;
