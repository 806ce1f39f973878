import { v7 as uuidv7 } from 'uuid';
import { principalOf, type HandlerContext } from '../../api/types';
import type { Schema } from '../../db/schema';
import { qb } from '../../db/sql';

/** A line on the hazard's own timeline (registration, workflow steps). */
export function addHazardEvent(
  ctx: HandlerContext,
  event: Omit<Schema['hazard_events'], 'id' | 'by_user' | 'at'>,
): void {
  ctx.sql.run(
    qb
      .insertInto('hazard_events')
      .values({ id: uuidv7(), ...event, by_user: principalOf(ctx).userId, at: ctx.now().toISOString() }),
  );
}
