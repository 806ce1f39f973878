import type { z } from 'zod';
import type { HazardDetail, hazardsLinkInput, LinkedHazard } from '../../../../shared/contract/hazards';
import { AppError } from '../../../../shared/errors';
import { principalOf, type HandlerContext } from '../../api/types';
import { qb } from '../../db/sql';
import { recordInScope } from '../../ledger/write';
import { audited } from '../../audit/writer';
import { detailOf, hazardEntity, hazardInScope } from './common';
import { hazardsLinkedTo } from './detail';

type Input = z.output<typeof hazardsLinkInput>;

const TARGET_LABELS = { petition: '信访积案', assessment: '稳评' } as const;

/** The target exists (a petition case also in the user's scope), found through its ledger's registered records. */
function assertTarget(ctx: HandlerContext, input: Input): void {
  if (input.targetKind === 'petition') {
    recordInScope(ctx, ctx.ledgers.records.petition, input.targetId);
    return;
  }
  if (!ctx.ledgers.records.assessment.find(ctx.sql, input.targetId)) {
    throw new AppError('NOT_FOUND', '未找到该稳评，请刷新后重试。');
  }
}

const linkQuery = (input: Input) =>
  qb
    .selectFrom('hazard_links')
    .select('hazard_id')
    .where('hazard_id', '=', input.id)
    .where('target_kind', '=', input.targetKind)
    .where('target_id', '=', input.targetId);

/** Links a hazard to a petition case or an assessment; both sides then show the link. */
export function linkHazard(ctx: HandlerContext, input: Input): HazardDetail {
  const row = hazardInScope(ctx, input.id);
  assertTarget(ctx, input);
  if (ctx.sql.get(linkQuery(input))) {
    throw new AppError('CONFLICT', `该${TARGET_LABELS[input.targetKind]}已关联，无需重复关联。`);
  }
  audited(
    ctx,
    { action: 'hazards.link', ...hazardEntity(row.id), fields: [input.targetKind], detail: input.targetId },
    () => {
      ctx.sql.run(
        qb.insertInto('hazard_links').values({
          hazard_id: row.id,
          target_kind: input.targetKind,
          target_id: input.targetId,
          by_user: principalOf(ctx).userId,
          at: ctx.now().toISOString(),
        }),
      );
    },
  );
  return detailOf(ctx, row.id);
}

export function unlinkHazard(ctx: HandlerContext, input: Input): HazardDetail {
  const row = hazardInScope(ctx, input.id);
  if (!ctx.sql.get(linkQuery(input))) {
    throw new AppError('NOT_FOUND', `该${TARGET_LABELS[input.targetKind]}未与此隐患关联，请刷新后重试。`);
  }
  audited(
    ctx,
    { action: 'hazards.unlink', ...hazardEntity(row.id), fields: [input.targetKind], detail: input.targetId },
    () => {
      ctx.sql.run(
        qb
          .deleteFrom('hazard_links')
          .where('hazard_id', '=', row.id)
          .where('target_kind', '=', input.targetKind)
          .where('target_id', '=', input.targetId),
      );
    },
  );
  return detailOf(ctx, row.id);
}

/** The hazards linked to a petition case in the user's scope. */
export function hazardsOfPetition(ctx: HandlerContext, petitionId: string): LinkedHazard[] {
  recordInScope(ctx, ctx.ledgers.records.petition, petitionId);
  return hazardsLinkedTo(ctx.sql, 'petition', petitionId, principalOf(ctx).regionCode);
}
