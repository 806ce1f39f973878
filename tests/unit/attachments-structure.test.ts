import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { structureProblem } from '../../electron/backend/ledger/attachments/structure';
import { SAMPLE_JPEG, SAMPLE_PNG, samplePdf } from '../helpers/files';

/** A 1×1 GIF and a 1×1 lossless WebP, as image programs write them. */
const SAMPLE_GIF = Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64');
const SAMPLE_WEBP = Buffer.from('UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==', 'base64');
/** What a polyglot carries behind a real file: a zip archive's first bytes, or a page. */
const ZIP = Buffer.from('PK\x03\x04\x14\x00\x00\x00\x08\x00', 'latin1');
const PAGE = Buffer.from('<html><body><script>fetch("/api/users.list")</script></body></html>', 'latin1');

const with_ = (...parts: Buffer[]) => Buffer.concat(parts);

describe('attachments judged by their whole structure', () => {
  it('accepts a real PDF, PNG, JPEG, GIF and WebP', () => {
    expect(structureProblem(samplePdf(), 'application/pdf')).toBeNull();
    expect(structureProblem(SAMPLE_PNG, 'image/png')).toBeNull();
    expect(structureProblem(SAMPLE_JPEG, 'image/jpeg')).toBeNull();
    expect(structureProblem(with_(SAMPLE_JPEG, Buffer.alloc(16)), 'image/jpeg')).toBeNull();
    expect(structureProblem(SAMPLE_GIF, 'image/gif')).toBeNull();
    expect(structureProblem(SAMPLE_WEBP, 'image/webp')).toBeNull();
  });

  it('refuses a PDF that is also a web page', () => {
    const pdf = samplePdf().toString('latin1');
    const polyglot = Buffer.from(pdf.replace('%PDF-1.4\n', `%PDF-1.4\n%${PAGE.toString('latin1')}\n`), 'latin1');
    expect(structureProblem(polyglot, 'application/pdf')).toBe('文件开头夹带网页代码');
  });

  it('refuses a PDF cut short, one with something after its end, and one without a cross-reference table', () => {
    const pdf = samplePdf();
    expect(structureProblem(pdf.subarray(0, pdf.length - 40), 'application/pdf')).toMatch(/不完整/);
    expect(structureProblem(with_(pdf, ZIP), 'application/pdf')).toMatch(/结尾之后附带/);
    const noTable = Buffer.from(pdf.toString('latin1').replace(/startxref\n\d+/, 'startxref\n999999'), 'latin1');
    expect(structureProblem(noTable, 'application/pdf')).toMatch(/交叉引用表/);
  });

  it('refuses a PNG with something after its end, a wrong checksum or pixels that do not fit its size', () => {
    expect(structureProblem(with_(SAMPLE_PNG, ZIP), 'image/png')).toBe('PNG 图像结束之后附带了其他内容');
    const damaged = Buffer.from(SAMPLE_PNG);
    damaged[20] = damaged[20]! ^ 0xff; // inside IHDR's width
    expect(structureProblem(damaged, 'image/png')).toBe('PNG 文件已损坏（校验不符）');
    expect(structureProblem(SAMPLE_PNG.subarray(0, 40), 'image/png')).toMatch(/不完整/);
    // The header claims two pixels a row, with its checksum made right: the data holds one.
    const wider = Buffer.from(SAMPLE_PNG);
    wider.writeUInt32BE(2, 16);
    wider.writeUInt32BE(crc32(wider.subarray(12, 29)), 29);
    expect(structureProblem(wider, 'image/png')).toBe('PNG 图像数据与其尺寸不符');
  });

  it('refuses a JPEG, GIF or WebP carrying an archive or a page behind it', () => {
    expect(structureProblem(with_(SAMPLE_JPEG, ZIP), 'image/jpeg')).toMatch(/附带了其他内容/);
    expect(structureProblem(with_(SAMPLE_GIF, ZIP), 'image/gif')).toMatch(/附带其他内容/);
    expect(structureProblem(with_(SAMPLE_WEBP, ZIP), 'image/webp')).toMatch(/附带其他内容/);
    expect(structureProblem(with_(SAMPLE_JPEG.subarray(0, 2), PAGE), 'image/jpeg')).toBe('文件开头夹带网页代码');
  });
});
