import { sql as rawSql, type SqlBool } from 'kysely';
import type { z } from 'zod';
import type { Page } from '../../../../shared/contract';
import type { PetitionRow, petitionsContract, SupervisionQueueItem } from '../../../../shared/contract/petitions';
import { addDays } from '../../../../shared/domain/ledger/calendar';
import { PETITION_LEVELS } from '../../../../shared/domain/petitions/classification';
import { daysOverdue } from '../../../../shared/domain/ledger/deadlines';
import { principalOf, type HandlerContext } from '../../api/types';
import { offsetOf, pageBounds } from '../../db/paging';
import { clockOf } from '../../ledger/clock';
import { countSelection } from '../../ledger/list';
import { casesInScope, pageRows } from './repo';

type QueueInput = z.output<(typeof petitionsContract)['petitions.supervisionQueue']['input']>;

const OPEN = rawSql<SqlBool>`p.status NOT IN ('resolved', 'closed')`;
/** The domain's levelRank in SQL: county 0 … national 3. */
const LEVEL_RANK = rawSql<number>`CASE p.highest_level ${rawSql.join(
  PETITION_LEVELS.map((level, rank) => rawSql`WHEN ${level} THEN ${rank}`),
  rawSql` `,
)} END`;

/**
 * The supervision queue (督办) in the domain's order of urgency (stages.ts `compareUrgency`),
 * paged in SQL as two runs: first the open cases due by the end of the due-soon window —
 * overdue, then due soon, one run in due-date order over `petitions_open_due` — then the
 * escalated cases (petitioned above the county) not yet due soon, highest level first.
 */
export function supervisionQueue(ctx: HandlerContext, input: QueueInput): Page<SupervisionQueueItem> {
  const clock = clockOf(ctx);
  const soon = addDays(clock.today, clock.dueSoonDays);
  const { cases, params } = casesInScope(principalOf(ctx).regionCode, clock);
  const open = cases.where(OPEN);
  const runs = [
    {
      cases: open.where('p.due_date', 'is not', null).where('p.due_date', '<=', soon),
      order: rawSql`p.due_date, ${LEVEL_RANK} DESC, p.id`,
    },
    {
      cases: open
        .where('p.highest_level', '!=', 'county')
        .where((eb) => eb.or([eb('p.due_date', 'is', null), eb('p.due_date', '>', soon)])),
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

function queueItem(row: PetitionRow, today: string): SupervisionQueueItem {
  return {
    ...row,
    daysOverdue: row.dueDate ? daysOverdue(row.dueDate, today) : 0,
    reason: row.stage === 'overdue' ? 'overdue' : row.stage === 'due_soon' ? 'due_soon' : 'escalated',
  };
}
