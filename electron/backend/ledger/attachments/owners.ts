import type { AttachmentEntity } from '../../../../shared/domain/attachments';
import { hasAccess } from '../../../../shared/domain/roles';
import { AppError } from '../../../../shared/errors';
import { principalOf, type HandlerContext } from '../../api/types';
import { recordInScope } from '../write';

/**
 * The record owning attachments exists within the caller's scope (a record outside it reads as not
 * found), checked through its ledger's records as registered in `ctx.ledgers`.
 */
export function assertOwnerInScope(ctx: HandlerContext, entity: AttachmentEntity, entityId: string): void {
  recordInScope(ctx, ctx.ledgers.records[entity], entityId);
}

/** Who may add files to a record is its ledger's decision (`ctx.ledgers.attachmentOwners`). */
export function assertMayUpload(ctx: HandlerContext, entity: AttachmentEntity, entityId: string): void {
  const owner = ctx.ledgers.attachmentOwners[entity];
  const roles = principalOf(ctx).roles;
  if (!owner.upload.some((permission) => hasAccess(roles, permission))) {
    throw new AppError('FORBIDDEN', owner.uploadDenied);
  }
  assertOwnerInScope(ctx, entity, entityId);
}
