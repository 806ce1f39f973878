import { createCountedTally, type CountedTally } from '../figure-tallies';
import type { Migration } from './types';

type RowSql = (r: string) => string;

const settled: RowSql = (r) => `${r}.result = 'settled'`;
/** 1 when the predicate holds, else 0 (a NULL compared is not counted). */
const flag =
  (predicate: RowSql): RowSql =>
  (r) =>
    `CASE WHEN ${predicate(r)} THEN 1 ELSE 0 END`;

/**
 * The parts of the dispute figures (shared/domain/disputes/figures.ts) as counters: each is the SQL
 * of one numerator or denominator predicate, 0 or 1 per dispute (防止民转刑's persons: its people).
 * `tests/unit/dispute-tallies.test.ts` holds them to the domain's predicates. Frozen with this
 * migration: a change of a definition is a migration rebuilding the tallies on the new conditions.
 */
export const DISPUTE_TALLY_COUNTERS = {
  accepted: () => '1',
  settled: flag(settled),
  concluded: flag((r) => `${r}.result IS NOT NULL`),
  visited: flag((r) => `${r}.satisfaction IS NOT NULL`),
  satisfied: flag((r) => `${r}.satisfaction IN ('satisfied', 'basically_satisfied')`),
  escalated: flag((r) => `${r}.escalated = 1`),
  prevented_criminal: flag((r) => `${settled(r)} AND ${r}.prevented_criminal = 1`),
  prevented_criminal_people: (r) =>
    `CASE WHEN ${settled(r)} AND ${r}.prevented_criminal = 1 THEN ${r}.prevented_criminal_people ELSE 0 END`,
  prevented_collective: flag((r) => `${settled(r)} AND ${r}.prevented_collective = 1`),
} satisfies Record<string, RowSql>;

/** The keys every breakdown reads: level, category, township, unit (a dispute not yet routed: ''). */
const BREAKDOWN_KEYS: Record<string, RowSql> = {
  level: (r) => `${r}.level`,
  category: (r) => `${r}.category`,
  township_code: (r) => `${r}.township_code`,
  unit_id: (r) => `coalesce(${r}.unit_id, '')`,
};

const COLUMNS = [
  'received_on',
  'level',
  'category',
  'township_code',
  'unit_id',
  'result',
  'satisfaction',
  'escalated',
  'prevented_criminal',
  'prevented_criminal_people',
  'prevented_collective',
];

/**
 * The disputes' figures without reading a dispute: all time from the undated tally; a period from
 * the months it holds whole (one row per month and key) and its days at either end (per 受理 day),
 * so a year reads twelve months of rows, never a row per dispute.
 */
export const DISPUTE_TALLIES: readonly CountedTally[] = [
  {
    table: 'dispute_figure_tallies',
    ledger: 'disputes',
    keys: BREAKDOWN_KEYS,
    counters: DISPUTE_TALLY_COUNTERS,
    columns: COLUMNS,
  },
  {
    table: 'dispute_month_tallies',
    ledger: 'disputes',
    keys: { received_month: (r) => `substr(${r}.received_on, 1, 7)`, ...BREAKDOWN_KEYS },
    counters: DISPUTE_TALLY_COUNTERS,
    columns: COLUMNS,
  },
  {
    table: 'dispute_day_tallies',
    ledger: 'disputes',
    keys: { received_on: (r) => `${r}.received_on`, ...BREAKDOWN_KEYS },
    counters: DISPUTE_TALLY_COUNTERS,
    columns: COLUMNS,
  },
];

export const migration0028: Migration = {
  version: 28,
  name: 'dispute-tallies',
  up(db) {
    for (const tally of DISPUTE_TALLIES) createCountedTally(db, tally);
  },
};
