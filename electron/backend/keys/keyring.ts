import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../../shared/errors';

/**
 * How a key file protects its key: `file` keeps it as it is (owner-only file: web mode, tests, the
 * bench); the desktop wraps it with Electron's `safeStorage` (the OS keystore) through main, since
 * the backend runs in the data host and never imports Electron.
 */
export interface KeyWrapper {
  /** Written in the key file's first line; a file wrapped otherwise is refused, not rewritten. */
  readonly name: string;
  wrap(key: Buffer): Promise<Buffer>;
  unwrap(stored: Buffer): Promise<Buffer>;
}

export const FILE_WRAPPER: KeyWrapper = {
  name: 'file',
  wrap: async (key) => key,
  unwrap: async (stored) => stored,
};

/** Where a data folder's keys are and how they are wrapped. */
export interface Keyring {
  dir: string;
  wrapper: KeyWrapper;
}

export const fileKeyring = (dir: string): Keyring => ({ dir, wrapper: FILE_WRAPPER });

/** What to do when a key's file is absent: make a new key, or refuse with this message (data needs the old one). */
export type WhenMissing = { create: true } | { create: false; message: string };

const HEADER = 'zongzhi-key 1';
const KEY_BYTES = 32;

export const keyFileOf = (ring: Keyring, name: string): string => join(ring.dir, `${name}.key`);

/**
 * Loads the named 256-bit key of a data folder, or creates it (owner-only file in an owner-only
 * folder) when `missing` allows. A key is never silently replaced: an unreadable or foreign-wrapped
 * file throws.
 */
export async function loadKey(ring: Keyring, name: string, missing: WhenMissing): Promise<Buffer> {
  const file = keyFileOf(ring, name);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    if (!missing.create) throw new AppError('CONFLICT', missing.message);
    return createKey(ring, file);
  }
  const [header, wrapperName, body = ''] = text.split('\n');
  if (header !== HEADER || !wrapperName)
    throw new AppError('CONFLICT', `密钥文件 ${file} 格式不对，可能已损坏，请从密钥备份恢复。`);
  const stored = Buffer.from(body.trim(), 'base64');
  // A plain key file (kept while the OS keystore was not usable) is wrapped once it is.
  if (wrapperName === FILE_WRAPPER.name && ring.wrapper.name !== FILE_WRAPPER.name && stored.length === KEY_BYTES) {
    await writeKeyFile(ring, file, stored, 'replace');
    return stored;
  }
  if (wrapperName !== ring.wrapper.name) {
    throw new AppError('CONFLICT', `密钥文件 ${file} 由桌面版的系统密钥库保护，只能由该电脑上的桌面版打开。`);
  }
  const key = await ring.wrapper.unwrap(stored);
  if (key.length !== KEY_BYTES) throw new AppError('CONFLICT', `密钥文件 ${file} 无法解开，请从密钥备份恢复。`);
  return key;
}

/**
 * Takes over a key file written before the keyring (the key as 64 hex characters, no header):
 * rewritten in the keyring's form, wrapped as the ring wraps, the key itself unchanged.
 */
export async function adoptLegacyKey(ring: Keyring, name: string): Promise<void> {
  const file = keyFileOf(ring, name);
  let text: string;
  try {
    text = readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  if (/^[0-9a-f]{64}$/i.test(text)) await writeKeyFile(ring, file, Buffer.from(text, 'hex'), 'replace');
}

/**
 * Puts a key brought from a key backup into the keyring, wrapped as the ring wraps. A key file
 * already there is never overwritten: it is renamed aside (`name.key.replaced-<time>`), since data
 * sealed with it would be unreadable without it.
 */
export async function storeKey(ring: Keyring, name: string, key: Buffer, at: Date): Promise<void> {
  const file = keyFileOf(ring, name);
  if (existsSync(file)) renameSync(file, `${file}.replaced-${at.toISOString().replace(/[:.]/g, '-')}`);
  await writeKeyFile(ring, file, key, 'new');
}

async function createKey(ring: Keyring, file: string): Promise<Buffer> {
  const key = randomBytes(KEY_BYTES);
  await writeKeyFile(ring, file, key, 'new');
  return key;
}

/** Writes a key file owner-only; a new one never overwrites another's ('wx'), a replaced one is renamed into place. */
async function writeKeyFile(ring: Keyring, file: string, key: Buffer, how: 'new' | 'replace'): Promise<void> {
  mkdirSync(ring.dir, { recursive: true, mode: 0o700 });
  const text = `${HEADER}\n${ring.wrapper.name}\n${(await ring.wrapper.wrap(key)).toString('base64')}\n`;
  const target = how === 'new' ? file : `${file}.tmp`;
  writeFileSync(target, text, { mode: 0o600, flag: how === 'new' ? 'wx' : 'w' });
  chmodSync(target, 0o600);
  if (how === 'replace') renameSync(target, file);
}

/**
 * A keyring over the data folder's key files that unwraps to a key already held (a worker thread,
 * which cannot reach the OS keystore through main): it reads the key file as the ring would, never
 * writes one, and is for the one key it was given.
 */
export function heldKeyring(dir: string, wrapperName: string, key: Buffer): Keyring {
  return {
    dir,
    wrapper: {
      name: wrapperName,
      wrap: async () => {
        throw new Error('a held keyring writes no key file');
      },
      unwrap: async () => key,
    },
  };
}
