import type { PetitionLimit } from '../../../../shared/contract/petitions';
import { clockStage } from '../../../../shared/domain/ledger/deadlines';
import { appliedLimits, metLate, type ProcedureFacts } from '../../../../shared/domain/petitions/procedure';
import { calendarFor } from '../../ledger/calendar';
import type { Sql } from '../../db/sql';
import type { DeadlineClock } from '../../db/clock-sql';
import type { Schema } from '../../db/schema';

type PetitionTableRow = Schema['petitions'];

/** The procedure's dates of a case row, as the domain's clocks read them. */
export const factsOf = (row: PetitionTableRow): ProcedureFacts => ({
  status: row.status,
  itemType: row.item_type,
  receivedDate: row.received_date,
  acceptedDate: row.accepted_date,
  refusedDate: row.refused_date,
  assignedDate: row.assigned_date,
  objectionDate: row.objection_date,
  replyDate: row.reply_date,
  reviewRequestedDate: row.review_requested_date,
  reviewDecidedDate: row.review_decided_date,
  reReviewRequestedDate: row.re_review_requested_date,
  reReviewHearingDays: row.re_review_hearing_days,
  reReviewDecidedDate: row.re_review_decided_date,
  extensionDays: row.extension_days,
});

/**
 * Each statutory limit of the case with its stage today: a met limit is done (late when met after
 * its day), a running one takes the common clock, the petitioner's own windows take none. The
 * objection's working days are counted on the holiday calendar as entered.
 */
export function limitsOf(sql: Sql, row: PetitionTableRow, clock: DeadlineClock): PetitionLimit[] {
  const from = Number((row.assigned_date ?? row.received_date).slice(0, 4));
  return appliedLimits(factsOf(row), calendarFor(sql, from, from + 1)).map((limit) => ({
    ...limit,
    late: metLate(limit),
    stage:
      limit.petitioners || limit.doneOn !== null
        ? null
        : clockStage(
            { startDate: limit.start, dueDate: limit.due, today: clock.today, concluded: false },
            clock.dueSoonDays,
          ),
  }));
}
