import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { HazardDetail, hazardsChangeLevelInput } from '../../../../shared/contract/hazards';
import { levelChangeProblems, type HazardLevel } from '../../../../shared/domain/risks/hazard-levels';
import { assertNoProblems } from '../../api/problems';
import { principalOf, type HandlerContext } from '../../api/types';
import { qb } from '../../db/sql';
import { audited } from '../audit/writer';
import { todayOf } from '../../ledger/clock';
import { detailOf, hazardEntity, hazardInScope } from './common';

type Input = z.output<typeof hazardsChangeLevelInput>;

/**
 * Changes a hazard's colour with a date and a reason, kept in the level history. Turning red needs
 * a responsible leader and a plan (一案一策): a plan given here is saved with the change.
 */
export function changeHazardLevel(ctx: HandlerContext, input: Input): HazardDetail {
  const row = hazardInScope(ctx, input.id);
  assertNoProblems(
    levelChangeProblems(input, {
      level: row.level,
      status: row.status,
      today: todayOf(ctx),
      lastChangedOn: row.level_changed_on,
      responsibleLeaderId: row.leader_id,
      hasPlan: row.plan.trim() !== '',
    }),
  );
  const level = input.level as HazardLevel;
  const now = ctx.now().toISOString();
  const plan = input.plan?.trim();
  audited(
    ctx,
    {
      action: 'hazards.changeLevel',
      ...hazardEntity(row.id),
      fields: ['level', ...(plan ? ['plan'] : [])],
      detail: `${row.level}→${level}`,
    },
    () => {
      ctx.sql.run(
        qb
          .updateTable('hazards')
          .set({ level, level_changed_on: input.changedOn, updated_at: now, ...(plan ? { plan } : {}) })
          .where('id', '=', row.id),
      );
      ctx.sql.run(
        qb.insertInto('hazard_level_changes').values({
          id: uuidv7(),
          hazard_id: row.id,
          from_level: row.level,
          to_level: level,
          changed_on: input.changedOn,
          reason: input.reason,
          by_user: principalOf(ctx).userId,
          at: now,
        }),
      );
    },
  );
  return detailOf(ctx, row.id);
}
