import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { HazardDetail, hazardsChangeLevelInput } from '../../../../shared/contract/hazards';
import type { HazardLevel } from '../../../../shared/domain/risks/hazard-levels';
import { levelChangeProblems } from '../../../../shared/domain/risks/hazard-statuses';
import { assertNoProblems } from '../../api/problems';
import { principalOf, type HandlerContext } from '../../api/types';
import { qb } from '../../db/sql';
import { assertPerson } from '../../ledger/references';
import { ledgerWrite } from '../../ledger/write';
import { todayOf } from '../../ledger/clock';
import { detailOf } from './common';
import { hazardStore } from './store';

type Input = z.output<typeof hazardsChangeLevelInput>;

/**
 * Changes a hazard's colour with a date and a reason, kept in the level history. Turning red needs
 * a responsible leader and a plan (一案一策): a leader or plan given here is saved with the change.
 */
export function changeHazardLevel(ctx: HandlerContext, input: Input): HazardDetail {
  const plan = input.plan?.trim();
  const leaderId = input.responsibleLeaderId || null;
  ledgerWrite(ctx, hazardStore, input, { action: 'hazards.changeLevel' }, (row) => {
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
    assertPerson(ctx, leaderId, 'leader', 'responsibleLeaderId', row.leader_id);
    const level = input.level as HazardLevel;
    ctx.sql.run(
      qb.insertInto('hazard_level_changes').values({
        id: uuidv7(),
        hazard_id: row.id,
        from_level: row.level,
        to_level: level,
        changed_on: input.changedOn,
        reason: input.reason,
        by_user: principalOf(ctx).userId,
        at: ctx.now().toISOString(),
      }),
    );
    const newLeader = leaderId !== null && leaderId !== row.leader_id;
    return {
      set: {
        level,
        level_changed_on: input.changedOn,
        ...(plan ? { plan } : {}),
        ...(newLeader ? { leader_id: leaderId } : {}),
      },
      fields: ['level', ...(plan ? ['plan'] : []), ...(newLeader ? ['responsibleLeaderId'] : [])],
      detail: `${row.level}→${level}`,
    };
  });
  return detailOf(ctx, input.id);
}
