import { v7 as uuidv7 } from 'uuid';
import { principalOf, type HandlerContext } from '../../api/types';
import type { Schema } from '../../db/schema';
import { qb } from '../../db/sql';

/** A line on the dispute's own timeline (intake, workflow steps, transfers). */
export function addDisputeEvent(
  ctx: HandlerContext,
  event: Omit<Schema['dispute_events'], 'id' | 'by_user' | 'at'>,
): void {
  ctx.sql.run(
    qb
      .insertInto('dispute_events')
      .values({ id: uuidv7(), ...event, by_user: principalOf(ctx).userId, at: ctx.now().toISOString() }),
  );
}
