import { sql as rawSql, type SqlBool } from 'kysely';
import type { z } from 'zod';
import type { Page } from '../../../../shared/contract';
import type { PetitionRow, petitionsContract, SupervisionQueueItem } from '../../../../shared/contract/petitions';
import { addDays } from '../../../../shared/domain/ledger/calendar';
import { PETITION_LEVELS } from '../../../../shared/domain/petitions/classification';
import { daysOverdue } from '../../../../shared/domain/ledger/deadlines';
import { earlierClock } from '../../../../shared/domain/petitions/stages';
import { principalOf, type HandlerContext } from '../../api/types';
import { offsetOf, pageBounds } from '../../db/paging';
import { clockOf } from '../../ledger/clock';
import { countSelection } from '../../ledger/list';
import { casesInScope, OWED, pageRows, statutoryDueSql } from './repo';
import { OPEN_CASE_SQL, UNDER_REVIEW_CASE_SQL } from '../../db/status-lists';

type QueueInput = z.output<(typeof petitionsContract)['petitions.supervisionQueue']['input']>;

const OPEN = rawSql<SqlBool>`p.status IN ${rawSql.raw(OPEN_CASE_SQL)}`;
/**
 * The earlier of the internal 办理时限 and the statutory date (Art. 22 before assignment, Art. 34
 * after); under 复查 / 复核 the opinion's date alone, the 办理时限 having ended with the reply.
 */
const EARLIEST_DUE = rawSql<string | null>`CASE
  WHEN p.status IN ${rawSql.raw(UNDER_REVIEW_CASE_SQL)} OR p.due_date IS NULL THEN ${statutoryDueSql}
  WHEN ${statutoryDueSql} IS NULL THEN p.due_date
  ELSE min(p.due_date, ${statutoryDueSql}) END`;
/** The domain's levelRank in SQL: county 0 … national 3. */
const LEVEL_RANK = rawSql<number>`CASE p.highest_level ${rawSql.join(
  PETITION_LEVELS.map((level, rank) => rawSql`WHEN ${level} THEN ${rank}`),
  rawSql` `,
)} END`;

/**
 * The supervision queue (督办) in the domain's order of urgency (stages.ts `compareUrgency`),
 * paged in SQL as two runs: first the cases the organ still owes something due by the end of the
 * due-soon window on either clock — overdue, then due soon, one run in the order of the earlier
 * date, so an item not registered and passed on within Art. 22's 15 days, or a 复查 opinion late,
 * is there too — then the escalated open cases (petitioned above the county) not yet due soon,
 * highest level first.
 */
export function supervisionQueue(ctx: HandlerContext, input: QueueInput): Page<SupervisionQueueItem> {
  const clock = clockOf(ctx);
  const soon = addDays(clock.today, clock.dueSoonDays);
  const { cases, params } = casesInScope(principalOf(ctx).regionCode, clock);
  const runs = [
    {
      cases: cases.where(OWED).where(rawSql<SqlBool>`${EARLIEST_DUE} <= ${soon}`),
      order: rawSql`${EARLIEST_DUE}, ${LEVEL_RANK} DESC, p.id`,
    },
    {
      cases: cases
        .where(OPEN)
        .where('p.highest_level', '!=', 'county')
        .where(rawSql<SqlBool>`coalesce(${EARLIEST_DUE} > ${soon}, 1)`),
      order: rawSql`${LEVEL_RANK} DESC, p.due_date IS NULL, p.due_date, p.id`,
    },
  ];
  const counts = runs.map((run) => countSelection(ctx.sql, run.cases, params));
  let offset = offsetOf(input.page, input.pageSize);
  const items: SupervisionQueueItem[] = [];
  runs.forEach((run, index) => {
    const wanted = input.pageSize - items.length;
    if (wanted > 0 && offset < counts[index]!) {
      const bounds = pageBounds(wanted);
      const page = run.cases.orderBy(run.order).limit(bounds.limit).offset(bounds.offset);
      const rows = pageRows(ctx.sql, page, run.order, { ...params, offset });
      items.push(...rows.map((row) => queueItem(row, clock.today)));
    }
    offset = Math.max(0, offset - counts[index]!);
  });
  return { items, total: counts[0]! + counts[1]!, page: input.page, pageSize: input.pageSize };
}

/**
 * The row on the clock that falls due first, the internal or the statutory one; the internal one
 * is done once the reply is issued, so under 复查 / 复核 only the opinion's date counts.
 */
function queueItem(row: PetitionRow, today: string): SupervisionQueueItem {
  const statutory = { stage: row.statutoryStage, dueDate: row.statutoryDueDate };
  const clock = row.stage === 'done' ? statutory : earlierClock(row, statutory);
  return {
    ...row,
    daysOverdue: clock.dueDate ? daysOverdue(clock.dueDate, today) : 0,
    reason: clock.stage === 'overdue' ? 'overdue' : clock.stage === 'due_soon' ? 'due_soon' : 'escalated',
  };
}
