import { v7 as uuidv7 } from 'uuid';
import { principalOf, type HandlerContext } from '../../api/types';
import type { Schema } from '../../db/schema';
import { qb } from '../../db/sql';

/** A line on the assessment's own timeline (registration, workflow steps, re-reviews). */
type EventFields = Pick<Schema['assessment_events'], 'assessment_id' | 'kind'> &
  Partial<Pick<Schema['assessment_events'], 'action' | 'from_status' | 'to_status' | 'note'>>;

export function addEvent(ctx: HandlerContext, event: EventFields): void {
  ctx.sql.run(
    qb.insertInto('assessment_events').values({
      id: uuidv7(),
      action: null,
      from_status: null,
      to_status: null,
      note: '',
      ...event,
      by_user: principalOf(ctx).userId,
      at: ctx.now().toISOString(),
    }),
  );
}
