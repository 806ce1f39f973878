import type { TaskOwnerKind } from '../../../../shared/domain/risks/tasks';
import { inScope } from '../../../../shared/domain/scope';
import { AppError } from '../../../../shared/errors';
import { principalOf, type HandlerContext } from '../../api/types';
import type { TaskOwner } from '../registry';

const OWNER_LABELS: Record<TaskOwnerKind, string> = { assessment: '稳评', hazard: '风险隐患', meeting: '会议' };

/**
 * The owner, when it exists and lies in the user's scope: a township user sees the owners that
 * concern their township, a county-wide matter only county-wide users. Otherwise NOT_FOUND, as for
 * a case outside the scope. Each ledger registers its owner lookup (`ctx.ledgers.taskOwners`).
 */
export function ownerInScope(ctx: HandlerContext, kind: TaskOwnerKind, id: string): TaskOwner {
  const owner = ctx.ledgers.taskOwners[kind](ctx.sql, id);
  const scope = principalOf(ctx).regionCode;
  const visible = owner && (scope === null || owner.townshipCodes.some((code) => inScope(scope, code)));
  if (!visible) {
    throw new AppError('NOT_FOUND', `未找到该${OWNER_LABELS[kind]}，可能不在您的辖区内，请刷新后重试。`);
  }
  return owner;
}
