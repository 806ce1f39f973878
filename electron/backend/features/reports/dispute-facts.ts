import { DISPUTE_CHANNELS, type DisputeChannel } from '../../../../shared/domain/disputes/intake';
import { OPEN_DISPUTE_STATUSES } from '../../../../shared/domain/disputes/statuses';
import type { DisputeDayFacts, DisputePeriodFacts } from '../../../../shared/domain/reports/disputes';
import { inList } from '../../db/status-lists';
import type { Sql } from '../../db/sql';
import type { LedgerRegistry } from '../../ledger/registry';
import { notVoided } from '../../ledger/live';

const LIVE = notVoided();
/** The time limit runs while routed or mediating: the condition of the partial index `disputes_due`. */
const TIMED = `status IN ('routed', 'mediating')`;

/** Taken in on the day, by channel (index `disputes_received`). */
const DAY_CHANNELS = `SELECT channel, count(*) AS n FROM disputes WHERE received_on = @date AND ${LIVE} GROUP BY channel`;
/**
 * Routed and concluded on the day (migration 0025's indexes), open now and overdue on the day, as
 * the disputes' list counts them (只看超期: routed or mediating, due before the day).
 */
const DAY_COUNTS = `SELECT
    (SELECT count(*) FROM disputes WHERE routed_on = @date AND ${LIVE}) AS routed,
    (SELECT count(*) FROM disputes WHERE result_on = @date AND ${LIVE}) AS concluded,
    (SELECT count(*) FROM disputes WHERE result_on = @date AND result = 'settled' AND ${LIVE}) AS settled,
    (SELECT count(*) FROM disputes WHERE status IN ${inList(OPEN_DISPUTE_STATUSES)} AND ${LIVE}) AS open,
    (SELECT count(*) FROM disputes WHERE ${TIMED} AND due_date < @date AND ${LIVE}) AS overdue`;

/**
 * Open at the period's end and past their 办理时限 then, per unit: those open now and due before
 * it, and those due before it but concluded only after it (their result day, migration 0025). A
 * due date before the end means the dispute was routed by then.
 */
const OVERDUE_AT_END = `SELECT u.name AS unitName, count(*) AS overdue FROM (
    SELECT unit_id FROM disputes WHERE ${TIMED} AND due_date < @to AND ${LIVE}
    UNION ALL
    SELECT unit_id FROM disputes WHERE result_on > @to AND due_date < @to AND ${LIVE}) d
  JOIN units u ON u.id = d.unit_id
  GROUP BY d.unit_id
  ORDER BY overdue DESC, u.name`;
const TOWNSHIPS = `SELECT code, name FROM regions WHERE level = 'township' ORDER BY sort, code`;

/** The dispute statements of the 日报 (parameter @date) and of a period's report (@to), for the bench's floors. */
export const DISPUTE_DAY_SQL = [DAY_CHANNELS, DAY_COUNTS];
export const DISPUTE_PERIOD_SQL = [TOWNSHIPS, OVERDUE_AT_END];
export const DISPUTE_REPORT_SQL = [...DISPUTE_DAY_SQL, ...DISPUTE_PERIOD_SQL];

type Counts = Record<'routed' | 'concluded' | 'settled' | 'open' | 'overdue', number>;

export function disputeDayFacts(sql: Sql, date: string): DisputeDayFacts {
  const byChannel = sql.prepare(DAY_CHANNELS).all({ date }) as Array<{ channel: DisputeChannel; n: number }>;
  const received = Object.fromEntries(
    DISPUTE_CHANNELS.map((c) => [c, byChannel.find((row) => row.channel === c)?.n ?? 0]),
  ) as Record<DisputeChannel, number>;
  return { received, ...(sql.prepare(DAY_COUNTS).get({ date }) as Counts) };
}

/** The county's figures over the period's intake as the disputes' 统计 computes them, and the overdue. */
export function disputePeriodFacts(
  sql: Sql,
  ledgers: Pick<LedgerRegistry<unknown>, 'disputeFigures'>,
  from: string,
  to: string,
): DisputePeriodFacts {
  const { figures, preventedCriminalPeople, breakdowns } = ledgers.disputeFigures(sql, null, { from, to });
  return {
    figures,
    preventedCriminalPeople,
    byTownship: breakdowns.township,
    byCategory: breakdowns.category,
    townships: sql.prepare(TOWNSHIPS).all() as DisputePeriodFacts['townships'],
    overdueByUnit: sql.prepare(OVERDUE_AT_END).all({ to }) as DisputePeriodFacts['overdueByUnit'],
  };
}
