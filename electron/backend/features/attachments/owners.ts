import type { AttachmentEntity } from '../../../../shared/domain/attachments';
import { AppError } from '../../../../shared/errors';
import { hasAccess, type Permission } from '../../../../shared/domain/roles';
import { principalOf, type HandlerContext } from '../../api/types';
import { caseInScope } from '../petitions/common';

/**
 * The ledgers that own attachments: who may add files to one of their records, and the check that
 * the record exists within the caller's scope (a record outside it reads as not found). Later
 * ledgers add their entry here.
 */
interface Owner {
  /** Any one of these permissions allows uploading. */
  upload: readonly Permission[];
  uploadDenied: string;
  assertInScope(ctx: HandlerContext, entityId: string): void;
}

export const OWNERS: Record<AttachmentEntity, Owner> = {
  petition: {
    // The officer files the case's materials; the leader adds evidence when approving a close-out.
    upload: ['petitions.write', 'petitions.closeOut'],
    uploadDenied: '您没有为积案上传附件的权限。',
    assertInScope: (ctx, id) => void caseInScope(ctx, id),
  },
};

export function assertMayUpload(ctx: HandlerContext, entity: AttachmentEntity, entityId: string): void {
  const owner = OWNERS[entity];
  const roles = principalOf(ctx).roles;
  if (!owner.upload.some((permission) => hasAccess(roles, permission))) {
    throw new AppError('FORBIDDEN', owner.uploadDenied);
  }
  owner.assertInScope(ctx, entityId);
}
