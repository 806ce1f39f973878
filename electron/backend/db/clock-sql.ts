import { sql as rawSql, type RawBuilder, type SqlBool } from 'kysely';
import type { DeadlineStage } from '../../../shared/domain/ledger/deadlines';

/** What deadline stages are computed against: the county's date and the 临期 setting. */
export interface DeadlineClock {
  today: string;
  dueSoonDays: number;
}

/** The columns (or expressions) of one clock. */
export interface ClockColumns {
  /** True when the item is finished: the stage is `done`. */
  concluded: RawBuilder<SqlBool>;
  start: RawBuilder<string>;
  due: RawBuilder<string | null>;
}

/** The clock in SQL: its values bound as they are, or as `named` parameters (db/sql.ts). */
export interface ClockSql {
  today: string | RawBuilder<string>;
  dueSoonDays: number | RawBuilder<number>;
}

/**
 * The domain's `clockStage` (shared/domain/ledger/deadlines.ts) in SQL, for any clock: a petition case, a
 * re-review. Tested against the domain function.
 */
export const clockStageSql = ({ concluded, start, due }: ClockColumns, { today, dueSoonDays }: ClockSql) =>
  rawSql<DeadlineStage | null>`CASE
    WHEN ${concluded} THEN 'done'
    WHEN ${due} IS NULL THEN NULL
    WHEN ${due} < ${today} THEN 'overdue'
    WHEN julianday(${due}) - julianday(${today}) <= ${dueSoonDays} THEN 'due_soon'
    WHEN 2 * (julianday(${today}) - julianday(${start})) >= julianday(${due}) - julianday(${start}) THEN 'half_used'
    ELSE 'normal' END`;
