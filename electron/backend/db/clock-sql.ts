import { sql as rawSql, type RawBuilder, type SqlBool } from 'kysely';
import type { DeadlineStage } from '../../../shared/domain/ledger/deadlines';
import { OPEN_CASE_SQL } from './status-lists';

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

/**
 * A petition case's internal 办理时限: open until the written reply, from acceptance (or receipt,
 * before it), never from the assignment. The petitions' list, filter and notices and 今日 / 工作台's
 * case rows compute its stage on it.
 */
export const CASE_CLOCK: ClockColumns = {
  concluded: rawSql<SqlBool>`p.status NOT IN ${rawSql.raw(OPEN_CASE_SQL)}`,
  start: rawSql<string>`coalesce(p.accepted_date, p.received_date)`,
  due: rawSql<string | null>`p.due_date`,
};
