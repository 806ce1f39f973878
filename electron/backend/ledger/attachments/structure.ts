import { crc32, inflateSync } from 'node:zlib';
import type { AttachmentMime } from '../../../../shared/domain/attachments';

/**
 * Whether a file is, throughout, what its first bytes say: a polyglot (a PDF that is also a web
 * page, an image with a script or an archive behind it) starts like the type it claims and carries
 * the rest inside or after it. Each type's structure is walked to its end; a PNG's pixels are
 * inflated and counted. Returns why the file is refused, or null. Not a renderer: a PDF's pages
 * are not drawn, a JPEG's or GIF's pixels not decoded; what is checked is that the file is one
 * well-formed document of its type and nothing besides.
 */
export function structureProblem(bytes: Buffer, mime: AttachmentMime): string | null {
  if (MARKUP.test(bytes.subarray(0, MARKUP_WINDOW).toString('latin1'))) return '文件开头夹带网页代码';
  return CHECKS[mime](bytes);
}

/** Browsers sniff the first bytes of a file for markup; none belongs at the start of a PDF or image. */
const MARKUP_WINDOW = 1024;
const MARKUP = /<(?:!doctype|html|head|body|script|iframe|object|embed|svg|meta)\b/i;

const CHECKS: Record<AttachmentMime, (bytes: Buffer) => string | null> = {
  'application/pdf': pdfProblem,
  'image/png': pngProblem,
  'image/jpeg': jpegProblem,
  'image/gif': (bytes) => (bytes[bytes.length - 1] === 0x3b ? null : 'GIF 文件不完整或结尾附带其他内容'),
  'image/webp': (bytes) =>
    bytes.length >= 12 && bytes.readUInt32LE(4) + 8 + (bytes.readUInt32LE(4) % 2) === bytes.length
      ? null
      : 'WebP 文件长度与其声明不符（不完整或附带其他内容）',
};

/**
 * A PDF: the header at byte 0, `%%EOF` at the end (whitespace after it only), and the last
 * `startxref` pointing inside the file at a cross-reference table or stream.
 */
function pdfProblem(bytes: Buffer): string | null {
  if (!/^%PDF-(?:1\.[0-7]|2\.0)[\r\n ]/.test(bytes.subarray(0, 10).toString('latin1'))) return 'PDF 文件头不正确';
  const tail = bytes.subarray(Math.max(0, bytes.length - 1024)).toString('latin1');
  if (!/%%EOF\s*$/.test(tail)) return 'PDF 文件不完整，或结尾之后附带了其他内容';
  const found = [...tail.matchAll(/startxref\s+(\d+)\s/g)].at(-1);
  const offset = found ? Number(found[1]) : NaN;
  if (!(offset > 0 && offset < bytes.length)) return 'PDF 文件缺少有效的交叉引用表';
  const at = bytes.subarray(offset, offset + 32).toString('latin1');
  return /^(?:xref|\d+\s+\d+\s+obj)\b/.test(at) ? null : 'PDF 文件的交叉引用表位置不正确';
}

const PNG_CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

/**
 * A PNG: chunk after chunk, each with a right CRC, IHDR first and IEND last with nothing after it;
 * the image data inflates to exactly the rows the header announces (non-interlaced images).
 */
function pngProblem(bytes: Buffer): string | null {
  let at = 8;
  let header: { width: number; height: number; bitDepth: number; colour: number; interlace: number } | null = null;
  const data: Buffer[] = [];
  while (at + 12 <= bytes.length) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.subarray(at + 4, at + 8).toString('latin1');
    const end = at + 12 + length;
    if (end > bytes.length) return 'PNG 文件不完整';
    if (crc32(bytes.subarray(at + 4, at + 8 + length)) !== bytes.readUInt32BE(at + 8 + length)) {
      return 'PNG 文件已损坏（校验不符）';
    }
    const body = bytes.subarray(at + 8, at + 8 + length);
    if (header === null && type !== 'IHDR') return 'PNG 文件缺少图像头';
    if (type === 'IHDR') {
      header = {
        width: body.readUInt32BE(0),
        height: body.readUInt32BE(4),
        bitDepth: body[8]!,
        colour: body[9]!,
        interlace: body[12]!,
      };
    } else if (type === 'IDAT') data.push(body);
    else if (type === 'IEND') {
      if (end !== bytes.length) return 'PNG 图像结束之后附带了其他内容';
      return header ? pixelProblem(header, Buffer.concat(data)) : 'PNG 文件缺少图像头';
    }
    at = end;
  }
  return 'PNG 文件不完整（没有结束块）';
}

function pixelProblem(
  header: { width: number; height: number; bitDepth: number; colour: number; interlace: number },
  compressed: Buffer,
): string | null {
  let pixels: Buffer;
  try {
    pixels = inflateSync(compressed);
  } catch {
    return 'PNG 图像数据无法解压';
  }
  const channels = PNG_CHANNELS[header.colour];
  if (channels === undefined) return 'PNG 颜色类型不正确';
  if (header.interlace !== 0) return null;
  const rowBytes = 1 + Math.ceil((header.width * channels * header.bitDepth) / 8);
  return pixels.length === rowBytes * header.height ? null : 'PNG 图像数据与其尺寸不符';
}

/**
 * A JPEG: SOI, marker segments each with its length up to the start of scan, then entropy-coded
 * data to EOI, which ends the file (zero padding after it aside).
 */
function jpegProblem(bytes: Buffer): string | null {
  let at = 2;
  for (;;) {
    if (at + 4 > bytes.length || bytes[at] !== 0xff) return 'JPEG 文件结构不正确';
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (marker === 0xd9) return 'JPEG 文件没有图像数据';
    const length = bytes.readUInt16BE(at + 2);
    if (length < 2 || at + 2 + length > bytes.length) return 'JPEG 文件不完整';
    at += 2 + length;
    if (marker === 0xda) break;
  }
  let end = bytes.length;
  while (end > at && bytes[end - 1] === 0) end -= 1;
  return end - 2 >= at && bytes[end - 2] === 0xff && bytes[end - 1] === 0xd9
    ? null
    : 'JPEG 文件不完整，或图像结束之后附带了其他内容（手机“动态照片”请先另存为普通照片）';
}
