import type { Db } from './connection';
import { PETITION_TALLIES } from './migrations/0019-open-tally';

/**
 * The tallies keyed by date that keep the figures' cost flat however many cases are open or
 * overdue (migration 0018), beside petition_tallies (0017), which holds the totals per township ×
 * unit. Each is a table of counts keyed by a few columns of a ledger row, kept by triggers in the
 * same statement as the write; what depends on today's date is a sum over date keys from a day on,
 * so a read touches one row per (key, date), never one per case.
 *
 * The conditions are petition_tallies' own (办结 = the written reply, 化解, open with a 办理时限), so
 * the two sets always agree; a later change of what counts as 办结 is a migration that rebuilds
 * petition_tallies on its new conditions, points these at them and calls `createFigureTallies`.
 */

type RowSql = (row: string) => string;

const live: RowSql = (r) => `${r}.voided_at IS NULL`;

export const CASE_PREDICATES = {
  /** 办结 (`isConcluded`): the written reply issued. */
  concluded: PETITION_TALLIES.concluded,
  /** The reply's date of a concluded case (a reopened case keeps its reply_date but is open). */
  concludedOn: (r: string) => `CASE WHEN ${PETITION_TALLIES.concluded(r)} THEN ${r}.reply_date END`,
  /** The 化解 date of a resolved case (化解 or 销号; a send-back or reopening clears it). */
  resolvedOn: (r: string) => `CASE WHEN ${PETITION_TALLIES.resolved(r)} THEN ${r}.resolved_date END`,
  /** Open (the reply owed, refused items excluded) with a 办理时限: overdue once the date has passed. */
  openDue: PETITION_TALLIES.open_due,
} satisfies Record<string, RowSql>;

/** One way a row is counted: under which key values, when (live rows only), in which counter. */
interface TallyPart {
  keys: Record<string, RowSql>;
  when: RowSql;
  counter: string;
}

interface FigureTally {
  table: string;
  ledger: 'petitions' | 'hazards';
  keys: readonly string[];
  counters: readonly string[];
  parts: readonly TallyPart[];
  /** The ledger's columns whose change can move a row between keys or counters. */
  columns: readonly string[];
}

const township = (r: string) => `${r}.township_code`;
const unit = (r: string) => `coalesce(${r}.handling_unit_id, '')`;

const dated = (column: string) => (r: string) => `${r}.${column}`;
const hasDate = (column: string) => (r: string) => `${r}.${column} IS NOT NULL`;
const always = () => '1';

/**
 * Date-keyed tallies lead with the date, so "on or after a day" is a range of their key: a figure of
 * today, or of a recent period's end, reads the dates from then on (a few months of them, as 办理时限
 * lie at most some 90 days ahead) and takes them from the totals, never reading the dates before.
 */
export const FIGURE_TALLIES: readonly FigureTally[] = [
  {
    // Open cases with a 办理时限 per due date × township × unit: 超期 on a day = petition_tallies'
    // open_due less the rows from that day on.
    table: 'petition_due_tallies',
    ledger: 'petitions',
    keys: ['due_date', 'township_code', 'unit_id'],
    counters: ['open'],
    parts: [
      {
        keys: { due_date: dated('due_date'), township_code: township, unit_id: unit },
        when: CASE_PREDICATES.openDue,
        counter: 'open',
      },
    ],
    columns: ['township_code', 'handling_unit_id', 'status', 'due_date'],
  },
  {
    // Per day and township: cases received, resolved (化解) and concluded (办结) that day.
    table: 'petition_day_tallies',
    ledger: 'petitions',
    keys: ['day', 'township_code'],
    counters: ['received', 'resolved', 'concluded'],
    parts: [
      { keys: { day: dated('received_date'), township_code: township }, when: always, counter: 'received' },
      {
        keys: { day: CASE_PREDICATES.resolvedOn, township_code: township },
        when: (r) => `${CASE_PREDICATES.resolvedOn(r)} IS NOT NULL`,
        counter: 'resolved',
      },
      {
        keys: { day: CASE_PREDICATES.concludedOn, township_code: township },
        when: (r) => `${CASE_PREDICATES.concludedOn(r)} IS NOT NULL`,
        counter: 'concluded',
      },
    ],
    columns: ['township_code', 'status', 'received_date', 'resolved_date', 'reply_date'],
  },
  {
    // Per township: all hazards and those with a 化解 date.
    table: 'hazard_totals',
    ledger: 'hazards',
    keys: ['township_code'],
    counters: ['found', 'resolved'],
    parts: [
      { keys: { township_code: township }, when: always, counter: 'found' },
      { keys: { township_code: township }, when: hasDate('resolved_on'), counter: 'resolved' },
    ],
    columns: ['township_code', 'resolved_on'],
  },
  {
    // Per day and township: hazards found and resolved that day.
    table: 'hazard_day_tallies',
    ledger: 'hazards',
    keys: ['day', 'township_code'],
    counters: ['found', 'resolved'],
    parts: [
      { keys: { day: dated('found_on'), township_code: township }, when: always, counter: 'found' },
      {
        keys: { day: dated('resolved_on'), township_code: township },
        when: hasDate('resolved_on'),
        counter: 'resolved',
      },
    ],
    columns: ['township_code', 'found_on', 'resolved_on'],
  },
];

/** Adds (sign 1) or takes away (sign -1) one row's part; a key left with no count is deleted. */
function upsert(tally: FigureTally, part: TallyPart, row: 'new' | 'old', sign: 1 | -1): string {
  const keys = tally.keys.map((k) => part.keys[k]!(row));
  const counts = tally.counters.map((c) => (c === part.counter ? String(sign) : '0'));
  const insert = `INSERT INTO ${tally.table} (${tally.keys.join(', ')}, ${tally.counters.join(', ')})
    SELECT ${keys.join(', ')}, ${counts.join(', ')} WHERE ${live(row)} AND (${part.when(row)})
    ON CONFLICT (${tally.keys.join(', ')}) DO UPDATE SET
      ${tally.counters.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')};`;
  if (sign === 1) return insert;
  const emptied = tally.keys.map((k, i) => `${k} = ${keys[i]}`).join(' AND ');
  return `${insert}
    DELETE FROM ${tally.table} WHERE ${emptied} AND ${tally.counters.map((c) => `${c} = 0`).join(' AND ')};`;
}

const all = (tally: FigureTally, row: 'new' | 'old', sign: 1 | -1) =>
  tally.parts.map((part) => upsert(tally, part, row, sign)).join('\n');

/** Drops and builds one tally, its triggers, and its counts from the ledger as it stands. */
function createTally(db: Db, tally: FigureTally): void {
  const { table, ledger } = tally;
  db.exec(`
    DROP TRIGGER IF EXISTS ${table}_insert;
    DROP TRIGGER IF EXISTS ${table}_update;
    DROP TRIGGER IF EXISTS ${table}_delete;
    DROP TABLE IF EXISTS ${table};
    CREATE TABLE ${table} (
      ${tally.keys.map((k) => `${k} TEXT NOT NULL`).join(',\n')},
      ${tally.counters.map((c) => `${c} INTEGER NOT NULL DEFAULT 0`).join(',\n')},
      PRIMARY KEY (${tally.keys.join(', ')})
    ) STRICT, WITHOUT ROWID;
    CREATE TRIGGER ${table}_insert AFTER INSERT ON ${ledger} BEGIN ${all(tally, 'new', 1)} END;
    CREATE TRIGGER ${table}_update AFTER UPDATE OF ${[...tally.columns, 'voided_at'].join(', ')} ON ${ledger}
    BEGIN ${all(tally, 'old', -1)} ${all(tally, 'new', 1)} END;
    CREATE TRIGGER ${table}_delete AFTER DELETE ON ${ledger} BEGIN ${all(tally, 'old', -1)} END;
  `);
  for (const part of tally.parts) {
    const keys = tally.keys.map((k) => part.keys[k]!('r'));
    db.exec(`
      INSERT INTO ${table} (${tally.keys.join(', ')}, ${part.counter})
        SELECT ${keys.join(', ')}, count(*) FROM ${ledger} r WHERE ${live('r')} AND (${part.when('r')})
        GROUP BY ${keys.map((_, i) => i + 1).join(', ')}
      ON CONFLICT (${tally.keys.join(', ')}) DO UPDATE SET ${part.counter} = excluded.${part.counter};`);
  }
}

/** Every figure tally, created afresh (migration 0018; again by any migration that redefines 办结). */
export function createFigureTallies(db: Db): void {
  for (const tally of FIGURE_TALLIES) createTally(db, tally);
}

/**
 * The open cases with a 办理时限 not yet due on @today per township × unit (parameter @scope: the
 * township prefix, or null): 超期 is petition_tallies' open_due less these.
 */
export const NOT_YET_DUE_SQL = `SELECT township_code AS township, unit_id AS unit, sum(open) AS n
  FROM petition_due_tallies WHERE due_date >= @today AND (@scope IS NULL OR township_code LIKE @scope || '%')
  GROUP BY 1, 2`;

/**
 * A tally whose counters are sums of row expressions (a petition's visits, a flag's 0 or 1), all in
 * one upsert per row: the shape of petition_tallies, keyed by any columns. Rows whose counts fall
 * to zero stay (readers skip them), as petition_tallies' do.
 */
export interface CountedTally {
  table: string;
  ledger: 'petitions' | 'hazards' | 'disputes';
  keys: Record<string, RowSql>;
  counters: Record<string, RowSql>;
  /** Only the live rows for which this holds are counted (default: every live row). */
  when?: RowSql;
  /** The ledger's columns whose change can move a row between keys or counters. */
  columns: readonly string[];
}

const counted = (tally: CountedTally, row: string) => `${live(row)} AND (${(tally.when ?? always)(row)})`;

function countedUpsert(tally: CountedTally, row: 'new' | 'old', sign: 1 | -1): string {
  const keys = Object.keys(tally.keys);
  const counters = Object.keys(tally.counters);
  return `INSERT INTO ${tally.table} (${[...keys, ...counters].join(', ')})
    SELECT ${[...keys.map((k) => tally.keys[k]!(row)), ...counters.map((c) => `${sign} * (${tally.counters[c]!(row)})`)].join(', ')}
    WHERE ${counted(tally, row)}
    ON CONFLICT (${keys.join(', ')}) DO UPDATE SET ${counters.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')};`;
}

/** Drops and builds a counted tally, its triggers, and its counts from the ledger as it stands. */
export function createCountedTally(db: Db, tally: CountedTally): void {
  const { table, ledger } = tally;
  const keys = Object.keys(tally.keys);
  const counters = Object.keys(tally.counters);
  db.exec(`
    DROP TRIGGER IF EXISTS ${table}_insert;
    DROP TRIGGER IF EXISTS ${table}_update;
    DROP TRIGGER IF EXISTS ${table}_delete;
    DROP TABLE IF EXISTS ${table};
    CREATE TABLE ${table} (
      ${keys.map((k) => `${k} TEXT NOT NULL`).join(',\n')},
      ${counters.map((c) => `${c} INTEGER NOT NULL DEFAULT 0`).join(',\n')},
      PRIMARY KEY (${keys.join(', ')})
    ) STRICT, WITHOUT ROWID;
    CREATE TRIGGER ${table}_insert AFTER INSERT ON ${ledger} BEGIN ${countedUpsert(tally, 'new', 1)} END;
    CREATE TRIGGER ${table}_update AFTER UPDATE OF ${[...tally.columns, 'voided_at'].join(', ')} ON ${ledger}
    BEGIN ${countedUpsert(tally, 'old', -1)} ${countedUpsert(tally, 'new', 1)} END;
    CREATE TRIGGER ${table}_delete AFTER DELETE ON ${ledger} BEGIN ${countedUpsert(tally, 'old', -1)} END;
    INSERT INTO ${table} (${[...keys, ...counters].join(', ')})
      SELECT ${[...keys.map((k) => tally.keys[k]!('r')), ...counters.map((c) => `sum(${tally.counters[c]!('r')})`)].join(', ')}
      FROM ${ledger} r WHERE ${counted(tally, 'r')} GROUP BY ${keys.map((_, i) => i + 1).join(', ')};
  `);
}
