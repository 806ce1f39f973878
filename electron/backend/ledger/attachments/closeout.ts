import { AppError } from '../../../../shared/errors';
import type { HandlerContext } from '../../api/types';
import { qb } from '../../db/sql';

/**
 * The evidence files a petition close-out (销号) cites: each must be an attachment of that very
 * case. Checked before the close-out's transaction; linked inside it.
 */
export function assertCaseAttachments(ctx: HandlerContext, petitionId: string, ids: readonly string[]): void {
  if (ids.length === 0) return;
  const found = ctx.sql.all(
    qb
      .selectFrom('attachments')
      .select('id')
      .where('entity', '=', 'petition')
      .where('entity_id', '=', petitionId)
      .where('id', 'in', ids),
  );
  if (found.length !== new Set(ids).size) {
    const message = '所选证据文件不是本积案的附件，请刷新后重新选择。';
    throw new AppError('VALIDATION', message, [{ path: 'attachmentIds', message }]);
  }
}

export function linkCloseOutAttachments(ctx: HandlerContext, closeOutId: string, ids: readonly string[]): void {
  for (const attachmentId of new Set(ids)) {
    ctx.sql.run(
      qb.insertInto('petition_closeout_attachments').values({ closeout_id: closeOutId, attachment_id: attachmentId }),
    );
  }
}
