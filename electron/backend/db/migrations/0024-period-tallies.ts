import { createCountedTally, type CountedTally } from '../figure-tallies';
import { PETITION_TALLIES } from './0019-open-tally';
import type { Migration } from './types';

const township = (r: string) => `${r}.township_code`;
const unit = (r: string) => `coalesce(${r}.handling_unit_id, '')`;
const category = (r: string) => `coalesce(${r}.category, '')`;
const flag = (predicate: (r: string) => string) => (r: string) => `(${predicate(r)})`;

/**
 * The figures of a period (统计's 本周 … 自定义): the records received (found) in it, counted by
 * the same conditions as petition_tallies. Each dated tally leads with the date the period selects,
 * so a period reads its own days only; the undated one adds the category to petition_tallies' keys
 * for every case. Frozen with this migration.
 */
const PETITION_COLUMNS = [
  'township_code',
  'handling_unit_id',
  'category',
  'status',
  'leader_id',
  'due_date',
  'resolved_date',
  'petition_count',
  'reply_date',
  'conclusion_due_date',
];
const petitionCounters = Object.fromEntries(Object.entries(PETITION_TALLIES).map(([name, sql]) => [name, flag(sql)]));

export const PERIOD_TALLIES: readonly CountedTally[] = [
  {
    // petition_tallies' counters per township × unit × category: every case, with its category.
    table: 'petition_category_tallies',
    ledger: 'petitions',
    keys: { township_code: township, unit_id: unit, category },
    counters: petitionCounters,
    columns: PETITION_COLUMNS,
  },
  {
    // petition_tallies' counters per 受理 day × township × unit × category.
    table: 'petition_period_tallies',
    ledger: 'petitions',
    keys: { received_date: (r) => `${r}.received_date`, township_code: township, unit_id: unit, category },
    counters: petitionCounters,
    columns: ['received_date', ...PETITION_COLUMNS],
  },
  {
    // Open cases with a 办理时限 per due date and 受理 day: 超期 today among a period's cases (or all
    // of them) is their open_due less the rows due from today on.
    table: 'petition_period_due_tallies',
    ledger: 'petitions',
    keys: {
      due_date: (r) => `${r}.due_date`,
      received_date: (r) => `${r}.received_date`,
      township_code: township,
      unit_id: unit,
      category,
    },
    counters: { open: () => '1' },
    when: PETITION_TALLIES.open_due,
    columns: ['received_date', 'township_code', 'handling_unit_id', 'category', 'status', 'due_date'],
  },
  {
    // Hazards per 发现 day × township × status × colour × category: every hazard figure reads these.
    table: 'hazard_period_tallies',
    ledger: 'hazards',
    keys: {
      found_on: (r) => `${r}.found_on`,
      township_code: township,
      status: (r) => `${r}.status`,
      level: (r) => `${r}.level`,
      category: (r) => `${r}.category`,
    },
    counters: { hazards: () => '1' },
    columns: ['found_on', 'township_code', 'status', 'level', 'category'],
  },
];

export const migration0024: Migration = {
  version: 24,
  name: 'period-tallies',
  up(db) {
    for (const tally of PERIOD_TALLIES) createCountedTally(db, tally);
  },
};
