/**
 * Attachments (附件): which ledgers may own files, what files are for, which types are accepted
 * and how large they may be. The backend decides by the file's content; the renderer uses the same
 * limits to warn before sending.
 */
export const ATTACHMENT_ENTITIES = ['petition', 'assessment', 'dispute'] as const;
export type AttachmentEntity = (typeof ATTACHMENT_ENTITIES)[number];

/** 办理材料 of any record, 销号证据 of a case, a 稳评's 应急预案, a dispute's 调解协议书. */
export const ATTACHMENT_PURPOSES = ['material', 'evidence', 'emergency_plan', 'agreement'] as const;
export type AttachmentPurpose = (typeof ATTACHMENT_PURPOSES)[number];

export const ATTACHMENT_PURPOSE_LABELS: Record<AttachmentPurpose, string> = {
  material: '办理材料',
  evidence: '销号证据',
  emergency_plan: '应急预案',
  agreement: '调解协议书',
};

/** The accepted types, by the MIME type the content is recognised as. */
export const ATTACHMENT_TYPES = {
  'application/pdf': 'PDF',
  'image/png': 'PNG 图片',
  'image/jpeg': 'JPEG 图片',
  'image/gif': 'GIF 图片',
  'image/webp': 'WebP 图片',
} as const;
export type AttachmentMime = keyof typeof ATTACHMENT_TYPES;

/** For a file picker: the extensions of the accepted types. */
export const ATTACHMENT_ACCEPT = '.pdf,.png,.jpg,.jpeg,.gif,.webp';

/** One file at most 20 MB: a scanned agreement of a few dozen pages fits. */
export const ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;
export const ATTACHMENT_MAX_LABEL = '20 MB';

/** The base64 text of a file of ATTACHMENT_MAX_BYTES: 4 characters per 3 bytes, padded. */
export const ATTACHMENT_MAX_BASE64 = Math.ceil(ATTACHMENT_MAX_BYTES / 3) * 4;

/** Files one close-out may cite. */
export const CLOSE_OUT_ATTACHMENTS_MAX = 20;

export const tooLargeMessage = (fileName: string): string =>
  `文件“${fileName}”超过 ${ATTACHMENT_MAX_LABEL} 上限，请压缩或拆分后再上传。`;

export const unsupportedTypeMessage = (fileName: string): string =>
  `文件“${fileName}”不是 PDF 或图片（PNG、JPEG、GIF、WebP），不能上传。请转换为 PDF 后再试。`;

/** `1.5 MB`, `320 KB`, `12 B`: sizes as lists show them. */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}
