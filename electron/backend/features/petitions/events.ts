import { v7 as uuidv7 } from 'uuid';
import { principalOf, type HandlerContext } from '../../api/types';
import type { Schema } from '../../db/schema';
import { qb } from '../../db/sql';

/** A line on the case's own timeline (registration, workflow steps, repeats, extensions). */
type EventFields = Omit<
  Schema['petition_events'],
  'id' | 'by_user' | 'at' | 'reason' | 'action' | 'from_status' | 'to_status' | 'unit_id'
> &
  Partial<Pick<Schema['petition_events'], 'reason' | 'action' | 'from_status' | 'to_status' | 'unit_id'>>;

export function addEvent(ctx: HandlerContext, event: EventFields): void {
  ctx.sql.run(
    qb.insertInto('petition_events').values({
      id: uuidv7(),
      action: null,
      from_status: null,
      to_status: null,
      unit_id: null,
      reason: '',
      ...event,
      by_user: principalOf(ctx).userId,
      at: ctx.now().toISOString(),
    }),
  );
}
