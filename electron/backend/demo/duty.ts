import { addDays } from '../../../shared/domain/ledger/calendar';
import type { SqlValue } from './batch-writer';
import { personName } from './names';
import type { Random } from './random';

/** Days rostered on either side of the day the demo is loaded, so the board shows names at once. */
const DEMO_DUTY_DAYS_AROUND = 7;
const LEADERS = 4;
const OFFICERS = 8;
const OFFICERS_A_DAY = 2;

/**
 * The made-up duty roster (值班表): one leader and two officers a day, taken in turn from a small
 * pool of made-up names, from a week before `today` to a week after. No phones: a made-up number
 * could still be someone's.
 */
export function demoDutyRows(random: Random, today: string): SqlValue[][] {
  const used = new Set<string>();
  const leaders = Array.from({ length: LEADERS }, () => personName(random, used));
  const officers = Array.from({ length: OFFICERS }, () => personName(random, used));
  const rows: SqlValue[][] = [];
  for (let day = -DEMO_DUTY_DAYS_AROUND; day <= DEMO_DUTY_DAYS_AROUND; day++) {
    const date = addDays(today, day);
    const turn = day + DEMO_DUTY_DAYS_AROUND;
    rows.push([date, 'leader', leaders[turn % LEADERS]!, null, 0]);
    for (let i = 0; i < OFFICERS_A_DAY; i++)
      rows.push([date, 'officer', officers[(turn * OFFICERS_A_DAY + i) % OFFICERS]!, null, i]);
  }
  return rows;
}
