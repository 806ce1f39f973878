import type { z } from 'zod';
import type { HazardDetail, hazardsTransitionInput } from '../../../../shared/contract/hazards';
import {
  HAZARD_TRANSITION_FIELDS,
  hazardTransitionProblems,
  nextHazardStatus,
  type HazardTransitionInput,
} from '../../../../shared/domain/risks/hazard-statuses';
import { hasAccess } from '../../../../shared/domain/roles';
import { AppError } from '../../../../shared/errors';
import { assertNoProblems } from '../../api/problems';
import { principalOf, type HandlerContext } from '../../api/types';
import type { Schema } from '../../db/schema';
import { qb } from '../../db/sql';
import { audited } from '../audit/writer';
import { assertPerson } from '../../ledger/references';
import { todayOf } from '../../ledger/clock';
import { openMeasureCount } from '../risk-tasks/repo';
import { addHazardEvent, detailOf, hazardEntity, hazardInScope } from './common';

type Input = z.output<typeof hazardsTransitionInput>;

/**
 * One step of a hazard's life. The domain decides (a red hazard needs its own plan, none is resolved
 * while measures are open); 销号 needs risks.closeOut (a leader, who is the approving leader), every
 * other step risks.write. The change, its event and its audit row commit together.
 */
export function transitionHazard(ctx: HandlerContext, input: Input): HazardDetail {
  const principal = principalOf(ctx);
  const closing = input.action === 'closeOut';
  if (!hasAccess(principal.roles, closing ? 'risks.closeOut' : 'risks.write')) {
    throw new AppError('FORBIDDEN', closing ? '销号须由带班领导审批，您没有销号权限。' : '您没有办理风险隐患的权限。');
  }
  const row = hazardInScope(ctx, input.id);
  const fields: HazardTransitionInput = {};
  for (const field of HAZARD_TRANSITION_FIELDS) {
    const value = field === 'approvingLeaderId' ? principal.userId : input[field];
    if (value !== undefined) fields[field] = value;
  }
  assertNoProblems(
    hazardTransitionProblems(row.status, input.action, fields, {
      level: row.level,
      hasPlan: row.plan.trim() !== '',
      openMeasureCount: openMeasureCount(ctx.sql, 'hazard', row.id),
    }),
  );
  assertPerson(ctx, input.responsibleLeaderId, 'leader', 'responsibleLeaderId');
  assertPerson(ctx, input.responsiblePersonId, 'responsible', 'responsiblePersonId');

  const to = nextHazardStatus(row.status, input.action)!;
  const today = todayOf(ctx);
  const changes: Partial<Schema['hazards']> = { status: to };
  switch (input.action) {
    case 'startResolving':
      Object.assign(changes, {
        leader_id: input.responsibleLeaderId,
        responsible_id: input.responsiblePersonId,
        measures: input.measures,
        ...(input.plan ? { plan: input.plan } : {}),
      });
      break;
    case 'resolve':
      Object.assign(changes, { outcome: input.outcome, resolved_on: today });
      break;
    case 'closeOut':
      changes.closed_on = today;
      break;
    case 'sendBack':
      changes.resolved_on = null;
      break;
    case 'reopen':
      Object.assign(changes, { resolved_on: null, closed_on: null });
      break;
  }
  const note = [input.measures, input.plan, input.outcome, input.evidence, input.reason].filter(Boolean).join('\n');
  const changed = Object.keys(fields).filter((f) => f !== 'approvingLeaderId' || closing);
  audited(ctx, { action: `hazards.${input.action}`, ...hazardEntity(row.id), fields: ['status', ...changed] }, () => {
    ctx.sql.run(
      qb
        .updateTable('hazards')
        .set({ ...changes, updated_at: ctx.now().toISOString() })
        .where('id', '=', row.id),
    );
    addHazardEvent(ctx, { hazard_id: row.id, action: input.action, from_status: row.status, to_status: to, note });
  });
  return detailOf(ctx, row.id);
}
