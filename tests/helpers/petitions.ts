import { PETITION_TALLIES } from '../../electron/backend/features/petitions/tallies';
import type { InputOf } from '../../shared/contract';
import type { Result } from '../../shared/errors';
import { seed, signInAdmin, signInAs, testBackend, TINY_COUNTY } from './backend';
import { manualClock } from './clock';

export const EAST = '999901001000';
export const WEST = '999901002000';
export const TOWN_UNIT = '01900000-0000-7000-8000-000000000001';
export const BUREAU = '01900000-0000-7000-8000-000000000002';
export const LEADER = '01900000-0000-7000-8000-0000000000a1';

export const PETITIONER = {
  name: '王建国',
  idNumber: '410102198001011234',
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

/** A backend on the tiny county (today 2026-11-22 in the county), with an officer and a leader. */
export async function petitionBackend() {
  const clock = manualClock();
  const backend = await testBackend({ now: clock.now });
  seed(backend, TINY_COUNTY);
  const admin = await signInAdmin(backend);
  const officer = (await signInAs(backend, admin, ['duty_officer'])).client;
  const leader = await signInAs(backend, admin, ['leader']);
  return { backend, clock, admin, officer, leader: leader.client, leaderUserId: leader.id };
}

const COUNTERS = Object.keys(PETITION_TALLIES) as Array<keyof typeof PETITION_TALLIES>;
/** The figure tallies as the triggers keep them (cells emptied by moves left out). */
export const TALLIES_BY_TRIGGERS = `SELECT township_code, unit_id, ${COUNTERS.join(', ')}
  FROM petition_tallies WHERE cases != 0 ORDER BY 1, 2`;
/** The same tallies counted afresh from the ledger. */
export const TALLIES_RECOUNTED = `SELECT township_code, coalesce(handling_unit_id, '') AS unit_id,
  ${COUNTERS.map((c) => `sum(${PETITION_TALLIES[c]('p')}) AS ${c}`).join(', ')}
  FROM petitions p GROUP BY 1, 2 ORDER BY 1, 2`;
