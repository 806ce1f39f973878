import { qb, type Sql } from './sql';

/** The ledgers numbered per year, with the column holding the number. */
const NUMBERED = {
  petitions: 'case_no',
  assessments: 'assessment_no',
  hazards: 'hazard_no',
  meetings: 'meeting_no',
  disputes: 'dispute_no',
} as const;

/**
 * The next `PREFIX000123` of a ledger (`XF2026-000123`, `WP2026-0007`): one more than the highest
 * number with this prefix. Call it inside the write transaction that inserts the row.
 */
export function nextSerial(sql: Sql, table: keyof typeof NUMBERED, prefix: string, width: number): string {
  const column = NUMBERED[table];
  const last = sql.get(
    qb
      .selectFrom(table)
      .select((eb) => eb.fn.max(column).as('n'))
      .where(column, 'like', `${prefix}%`),
  )?.n;
  const next = last ? Number(String(last).slice(prefix.length)) + 1 : 1;
  return `${prefix}${String(next).padStart(width, '0')}`;
}
