import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';
import { promisify } from 'node:util';
import { AppError } from '../../../shared/errors';

/**
 * A key backup (密钥备份): the data folder's keys sealed with a passphrase the administrator
 * chooses, so that an installation can move to a new computer. A key kept by the desktop's OS
 * keystore opens only on its own computer and account; this file opens anywhere, with the
 * passphrase. The passphrase is stretched with scrypt and the keys sealed with AES-256-GCM, the
 * header bound to them as associated data (a changed header fails like a wrong passphrase).
 */

export const KEY_BACKUP_FORMAT = 'zongzhi-keys';
const VERSION = 1;
/** scrypt N = 2^15, r = 8: about 32 MiB and a tenth of a second per attempt, as for passwords. */
const KDF = { name: 'scrypt', N: 2 ** 15, r: 8, p: 1 } as const;
const KDF_MAXMEM = 64 * 1024 * 1024;
const KEY_BYTES = 32;

/** The keys a backup carries: the personal data key and the audit chain's key. */
export interface KeySet {
  personal: Buffer;
  audit: Buffer;
}

interface Header {
  format: typeof KEY_BACKUP_FORMAT;
  version: typeof VERSION;
  /** Whose keys: the county's name, shown before a key backup is imported. */
  county: string;
  createdAt: string;
  kdf: typeof KDF & { salt: string };
  iv: string;
}

interface KeyBackupFile extends Header {
  tag: string;
  sealed: string;
}

const derive = promisify(scrypt) as (
  password: string,
  salt: Buffer,
  length: number,
  options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>;

const stretch = (passphrase: string, salt: Buffer) =>
  derive(passphrase.normalize('NFC'), salt, KEY_BYTES, { N: KDF.N, r: KDF.r, p: KDF.p, maxmem: KDF_MAXMEM });

const aad = (header: Header) => Buffer.from(JSON.stringify(header));

/** The key backup file's text (JSON), sealed with the passphrase. */
export async function sealKeyBackup(
  keys: KeySet,
  passphrase: string,
  about: { county: string; createdAt: Date },
): Promise<string> {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const header: Header = {
    format: KEY_BACKUP_FORMAT,
    version: VERSION,
    county: about.county,
    createdAt: about.createdAt.toISOString(),
    kdf: { ...KDF, salt: salt.toString('base64') },
    iv: iv.toString('base64'),
  };
  const cipher = createCipheriv('aes-256-gcm', await stretch(passphrase, salt), iv);
  cipher.setAAD(aad(header));
  const plain = Buffer.from(
    JSON.stringify({ personal: keys.personal.toString('base64'), audit: keys.audit.toString('base64') }),
  );
  const sealed = Buffer.concat([cipher.update(plain), cipher.final()]);
  const file: KeyBackupFile = {
    ...header,
    tag: cipher.getAuthTag().toString('base64'),
    sealed: sealed.toString('base64'),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

const NOT_A_KEY_BACKUP = '所选文件不是本程序导出的密钥备份（.zzkeys），请选择“数据备份 › 导出密钥备份”生成的文件。';

const notKeyBackup = (path: string) =>
  new AppError('VALIDATION', NOT_A_KEY_BACKUP, [{ path, message: NOT_A_KEY_BACKUP }]);

/** Reads a key backup's header without the passphrase (what the screen shows before the import). */
export function readKeyBackupHeader(text: string, path = 'file'): KeyBackupFile {
  let file: KeyBackupFile;
  try {
    file = JSON.parse(text) as KeyBackupFile;
  } catch {
    throw notKeyBackup(path);
  }
  const kdf = file?.kdf;
  if (
    file?.format !== KEY_BACKUP_FORMAT ||
    file.version !== VERSION ||
    kdf?.name !== KDF.name ||
    kdf.N !== KDF.N ||
    kdf.r !== KDF.r ||
    kdf.p !== KDF.p ||
    typeof file.county !== 'string' ||
    typeof file.createdAt !== 'string' ||
    ![kdf.salt, file.iv, file.tag, file.sealed].every((part) => typeof part === 'string')
  ) {
    throw notKeyBackup(path);
  }
  return file;
}

/** Opens a key backup with its passphrase; a wrong passphrase (or an altered file) is a VALIDATION error on `passphrase`. */
export async function openKeyBackup(
  text: string,
  passphrase: string,
): Promise<KeySet & { county: string; createdAt: string }> {
  const file = readKeyBackupHeader(text);
  const { tag, sealed, ...header } = file;
  let plain: Buffer;
  try {
    const decipher = createDecipheriv(
      'aes-256-gcm',
      await stretch(passphrase, Buffer.from(header.kdf.salt, 'base64')),
      Buffer.from(header.iv, 'base64'),
    );
    decipher.setAAD(aad(header));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    plain = Buffer.concat([decipher.update(Buffer.from(sealed, 'base64')), decipher.final()]);
  } catch {
    const message = '口令不对，密钥备份没有打开（或文件已被改动）。请输入导出时设置的口令。';
    throw new AppError('VALIDATION', message, [{ path: 'passphrase', message: '口令不对' }]);
  }
  const keys = JSON.parse(plain.toString()) as { personal: string; audit: string };
  const personal = Buffer.from(keys.personal, 'base64');
  const audit = Buffer.from(keys.audit, 'base64');
  if (personal.length !== KEY_BYTES || audit.length !== KEY_BYTES) throw notKeyBackup('file');
  return { personal, audit, county: header.county, createdAt: header.createdAt };
}
