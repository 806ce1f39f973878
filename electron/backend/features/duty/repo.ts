import type { DutyDay, DutyEntry } from '../../../../shared/contract/duty';
import { qb, type Sql } from '../../db/sql';

/** The days from `from` to `to` that have a roster, each with its people (leaders first). */
export function listDuty(sql: Sql, from: string, to: string): DutyDay[] {
  const rows = sql.all(
    qb
      .selectFrom('duty_roster')
      .select(['date', 'role', 'name', 'phone'])
      .where('date', '>=', from)
      .where('date', '<=', to)
      .orderBy('date')
      .orderBy('role')
      .orderBy('sort'),
  );
  const days = new Map<string, DutyEntry[]>();
  for (const { date, ...entry } of rows) days.set(date, [...(days.get(date) ?? []), entry]);
  return [...days].map(([date, entries]) => ({ date, entries }));
}

/** Replaces one day's roster, in the order given. */
export function replaceDuty(sql: Sql, date: string, entries: readonly DutyEntry[]): void {
  sql.run(qb.deleteFrom('duty_roster').where('date', '=', date));
  if (entries.length === 0) return;
  sql.run(qb.insertInto('duty_roster').values(entries.map((e, sort) => ({ date, ...e, sort }))));
}
