import type { AttachmentMime } from '../../../../shared/domain/attachments';

/**
 * What a file is, judged by its first bytes only: the name and whatever type the renderer claims
 * are never trusted. Anything not recognised is refused by the caller.
 */
const SIGNATURES: ReadonlyArray<{ mime: AttachmentMime; test: (bytes: Buffer) => boolean }> = [
  { mime: 'application/pdf', test: (b) => startsWith(b, '%PDF-') },
  { mime: 'image/png', test: (b) => startsWith(b, '\x89PNG\r\n\x1a\n') },
  { mime: 'image/jpeg', test: (b) => b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { mime: 'image/gif', test: (b) => startsWith(b, 'GIF87a') || startsWith(b, 'GIF89a') },
  { mime: 'image/webp', test: (b) => startsWith(b, 'RIFF') && b.subarray(8, 12).toString('latin1') === 'WEBP' },
];

function startsWith(bytes: Buffer, signature: string): boolean {
  return bytes.length > signature.length && bytes.subarray(0, signature.length).toString('latin1') === signature;
}

export function sniffMime(bytes: Buffer): AttachmentMime | null {
  return SIGNATURES.find((s) => s.test(bytes))?.mime ?? null;
}

const EXTENSIONS: Record<AttachmentMime, readonly string[]> = {
  'application/pdf': ['.pdf'],
  'image/png': ['.png'],
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/gif': ['.gif'],
  'image/webp': ['.webp'],
};

// Path separators, characters Windows forbids in names, control characters and the bidirectional
// overrides that can make `gpj.exe` look like `exe.jpg`.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * The name shown in lists and offered on download: the last path segment, unsafe characters
 * replaced, leading dots dropped, and the extension made to match the content (a PDF sent as
 * `x.exe` downloads as `x.exe.pdf`). It never becomes a path on disk.
 */
export function displayName(raw: string, mime: AttachmentMime): string {
  const last = raw.split(/[\\/]/).pop() ?? '';
  let name = last
    .replace(UNSAFE, '_')
    .replace(/^[.\s]+/, '')
    .trim()
    .slice(0, 180);
  if (name === '') name = '附件';
  const lower = name.toLowerCase();
  return EXTENSIONS[mime].some((ext) => lower.endsWith(ext)) ? name : `${name}${EXTENSIONS[mime][0]}`;
}
