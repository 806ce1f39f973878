import { z } from 'zod';
import {
  ATTACHMENT_ENTITIES,
  ATTACHMENT_MAX_BASE64,
  ATTACHMENT_MAX_LABEL,
  ATTACHMENT_PURPOSES,
  type AttachmentEntity,
  type AttachmentMime,
  type AttachmentPurpose,
} from '../domain/attachments';
import { defineMethod } from './define';

/** An attachment as lists show it; the file itself only through attachments.read. */
export interface AttachmentMeta {
  id: string;
  entity: AttachmentEntity;
  entityId: string;
  purpose: AttachmentPurpose;
  fileName: string;
  mime: AttachmentMime;
  size: number;
  /** The file's SHA-256 (hex), as stored and checked on every read; the dossier prints its start. */
  sha256: string;
  uploadedByName: string;
  uploadedAt: string;
  /** The close-out records (销号) that cite this file as evidence. */
  closeOutIds: string[];
}

export interface AttachmentFile {
  fileName: string;
  mime: AttachmentMime;
  base64: string;
}

const id = z.uuid({ error: '编号格式不正确' });
const owner = { entity: z.enum(ATTACHMENT_ENTITIES), entityId: id };

export const attachmentsUploadInput = z
  .object({
    ...owner,
    purpose: z.enum(ATTACHMENT_PURPOSES).default('material'),
    // Display only: the stored file gets a generated name, whatever this says.
    fileName: z
      .string()
      .trim()
      .min(1, { error: '请提供文件名' })
      .max(200, { error: '文件名不能超过 200 个字符，请改短后再上传' }),
    base64: z
      .string()
      .min(1, { error: '文件是空的，请选择有内容的文件' })
      .max(ATTACHMENT_MAX_BASE64, { error: `文件超过 ${ATTACHMENT_MAX_LABEL} 上限，请压缩或拆分后再上传` })
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: '文件内容编码不正确，请重新选择文件' }),
  })
  .strict();

// Access: any session; the service checks the owning ledger's own permissions (petitions: read
// petitions.read, upload petitions.write or petitions.closeOut; assessments: risks.read, risks.write)
// and the record's scope.
export const attachmentsContract = {
  'attachments.upload': defineMethod<AttachmentMeta>()({
    input: attachmentsUploadInput,
    access: 'session',
    summary: '上传附件（PDF 或图片，按内容识别类型，限制大小）',
  }),
  'attachments.list': defineMethod<AttachmentMeta[]>()({
    input: z.object(owner).strict(),
    access: 'session',
    summary: '查询一条记录的全部附件',
  }),
  'attachments.read': defineMethod<AttachmentFile>()({
    input: z.object({ id }).strict(),
    access: 'session',
    summary: '下载附件（校验 SHA-256，文件被改动或缺失时拒绝）',
  }),
};
