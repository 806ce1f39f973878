import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { AttachmentFile, AttachmentMeta, attachmentsUploadInput } from '../../../../shared/contract/attachments';
import {
  ATTACHMENT_MAX_BYTES,
  ATTACHMENT_TYPES,
  tooLargeMessage,
  unsupportedTypeMessage,
} from '../../../../shared/domain/attachments';
import { AppError } from '../../../../shared/errors';
import { principalOf, type HandlerContext } from '../../api/types';
import { appendAudit, audited } from '../../audit/writer';
import { displayName, sniffMime } from './content';
import { structureProblem } from './structure';
import { assertMayUpload, assertOwnerInScope } from './owners';
import { findAttachment, findAttachmentMeta, insertAttachment } from './repo';
import { readStoredFile, removeStoredFile, sha256Of, writeStoredFile } from './store';
import { cipherOf } from '../../db/personal-cipher';

type UploadInput = z.output<typeof attachmentsUploadInput>;

const refuse = (message: string): never => {
  throw new AppError('VALIDATION', message, [{ path: 'base64', message }]);
};

/**
 * Stores one file for a record: permission and scope first, then size and type judged from the
 * decoded bytes. The file is written before its row; if the row (with its audit entry) does not
 * commit, the file is removed, so the folder and the table never disagree.
 */
export async function uploadAttachment(ctx: HandlerContext, input: UploadInput): Promise<AttachmentMeta> {
  assertMayUpload(ctx, input.entity, input.entityId);
  const bytes = Buffer.from(input.base64, 'base64');
  if (bytes.length === 0) refuse(`文件“${input.fileName}”是空的，请选择有内容的文件。`);
  if (bytes.length > ATTACHMENT_MAX_BYTES) refuse(tooLargeMessage(input.fileName));
  const mime = sniffMime(bytes) ?? refuse(unsupportedTypeMessage(input.fileName));
  const problem = structureProblem(bytes, mime);
  if (problem) refuse(`文件“${input.fileName}”${problem}，不能作为附件保存。请上传原始的 PDF 或图片文件。`);

  // Checked in clear above; stored sealed.
  const storedName = await writeStoredFile(ctx.dataDir, cipherOf(ctx.sql.db).sealFile(bytes));
  const id = uuidv7();
  try {
    audited(
      ctx,
      {
        action: 'attachments.upload',
        entity: input.entity,
        entityId: input.entityId,
        fields: ['attachments'],
        // No file name: it may carry a petitioner's name.
        detail: `附件 ${id}（${ATTACHMENT_TYPES[mime]}，${bytes.length} 字节）`,
      },
      () =>
        insertAttachment(ctx.sql, {
          id,
          entity: input.entity,
          entity_id: input.entityId,
          purpose: input.purpose,
          file_name: displayName(input.fileName, mime),
          mime,
          size: bytes.length,
          sha256: sha256Of(bytes),
          stored_name: storedName,
          uploaded_by: principalOf(ctx).userId,
          uploaded_at: ctx.now().toISOString(),
        }),
    );
  } catch (error) {
    await removeStoredFile(ctx.dataDir, storedName);
    throw error;
  }
  return findAttachmentMeta(ctx.sql, id)!;
}

/** The record's attachment, if it exists and its record lies in the caller's scope. */
function attachmentInScope(ctx: HandlerContext, id: string) {
  const row = findAttachment(ctx.sql, id);
  if (!row) throw new AppError('NOT_FOUND', '未找到该附件，可能已被删除，请刷新后重试。');
  assertOwnerInScope(ctx, row.entity, row.entity_id);
  return row;
}

/**
 * The file, after checking it is the one that was stored: a missing file or one whose SHA-256
 * differs is refused and the refusal audited, so a swapped piece of evidence is never handed out.
 */
export async function readAttachment(ctx: HandlerContext, id: string): Promise<AttachmentFile> {
  const row = attachmentInScope(ctx, id);
  const stored = await readStoredFile(ctx.dataDir, row.stored_name);
  const bytes = stored && openStored(ctx, stored);
  const problem = !stored
    ? `附件“${row.file_name}”的文件在数据文件夹中已缺失，无法下载。请联系管理员从备份恢复数据文件夹中的 attachments 文件夹。`
    : !bytes || sha256Of(bytes) !== row.sha256
      ? `附件“${row.file_name}”的文件与上传时不一致（SHA-256 校验不符），可能已被改动，已拒绝下载。请联系管理员从备份恢复。`
      : null;
  appendAudit(ctx, {
    action: 'attachments.read',
    entity: 'attachment',
    entityId: row.id,
    result: problem ? 'failure' : 'success',
    detail: problem ? (stored ? 'SHA-256 校验不符' : '文件缺失') : `所属记录 ${row.entity} ${row.entity_id}`,
  });
  if (problem) throw new AppError('CONFLICT', problem);
  return { fileName: row.file_name, mime: row.mime, base64: bytes!.toString('base64') };
}

/** The clear bytes of a stored file; null when its seal does not open (the file was changed on disk). */
function openStored(ctx: HandlerContext, stored: Buffer): Buffer | null {
  try {
    return cipherOf(ctx.sql.db).openFile(stored);
  } catch {
    return null;
  }
}
