import type { AttachmentEntity } from '../../../../shared/domain/attachments';
import { LEDGER_NOUNS } from '../../../../shared/domain/ledger/records';
import { hasAccess } from '../../../../shared/domain/roles';
import { AppError } from '../../../../shared/errors';
import { principalOf, type HandlerContext } from '../../api/types';
import { recordInScope } from '../write';

/**
 * The caller may read the owning ledger's files (`ctx.ledgers.attachmentOwners`), and the record
 * exists within their scope (a record outside it reads as not found), checked through its ledger's
 * records as registered in `ctx.ledgers`.
 */
export function assertOwnerInScope(ctx: HandlerContext, entity: AttachmentEntity, entityId: string): void {
  if (!hasAccess(principalOf(ctx).roles, ctx.ledgers.attachmentOwners[entity].read)) {
    throw new AppError('FORBIDDEN', `您没有查看${LEDGER_NOUNS[entity]}附件的权限。`);
  }
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
