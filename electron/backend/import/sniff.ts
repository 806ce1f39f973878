import { AppError } from '../../../shared/errors';

/**
 * What a file is, judged by its bytes and not its name: an .xlsx is a zip; a legacy .xls and a
 * password-protected .xlsx are both OLE compound files, told apart by the encrypted package's
 * stream name. Only an .xlsx can be read; the others get a message saying what to do.
 */
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ENCRYPTED_STREAM = Buffer.from('EncryptedPackage', 'utf16le');

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

export type WorkbookKind = 'xlsx' | 'xls' | 'encrypted' | 'other';

export function workbookKind(bytes: Uint8Array): WorkbookKind {
  if (startsWith(bytes, ZIP)) return 'xlsx';
  if (!startsWith(bytes, OLE)) return 'other';
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(ENCRYPTED_STREAM) ? 'encrypted' : 'xls';
}

const REFUSALS: Record<Exclude<WorkbookKind, 'xlsx'>, string> = {
  xls: '这是旧版 Excel（.xls）文件，本系统只读取 .xlsx。请在 Excel 或 WPS 中打开它，选择「文件 → 另存为」，保存类型选「Excel 工作簿（*.xlsx）」，再导入新文件。',
  encrypted:
    '该工作簿设有打开密码，无法读取。请在 Excel 或 WPS 中打开它，于「文件 → 信息 → 保护工作簿 → 用密码进行加密」中清除密码并保存，再导入。',
  other: '该文件不是 Excel 工作簿（.xlsx），请选择从 Excel 或 WPS 保存的 .xlsx 文件。',
};

/** Refuses, with what to do, any file that is not a readable .xlsx. */
export function assertXlsx(bytes: Uint8Array): void {
  const kind = workbookKind(bytes);
  if (kind !== 'xlsx') throw new AppError('VALIDATION', REFUSALS[kind], [{ path: 'file', message: REFUSALS[kind] }]);
}
