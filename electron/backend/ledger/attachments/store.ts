import { createHash, randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/**
 * The files of attachments, under `<data folder>/attachments/<2 hex>/<uuid>`. The stored name is
 * always generated here (a random UUID, so the 256 sub-folders fill evenly); nothing the renderer
 * sends becomes part of a path.
 */
const ATTACHMENTS_FOLDER = 'attachments';

const STORED_NAME = /^([0-9a-f]{2})\/\1[0-9a-f]{6}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const sha256Of = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** The absolute path of a stored name; a name not of our making (a tampered row) is refused. */
export function storedPath(dataDir: string, storedName: string): string {
  if (!STORED_NAME.test(storedName)) throw new Error(`not a stored attachment name: ${storedName}`);
  return join(dataDir, ATTACHMENTS_FOLDER, ...storedName.split('/'));
}

/** Writes the (sealed) bytes under a new stored name, durably (see `placeFile`). Returns the name. */
export async function writeStoredFile(dataDir: string, bytes: Buffer): Promise<string> {
  const uuid = randomUUID();
  const storedName = `${uuid.slice(0, 2)}/${uuid}`;
  await placeFile(storedPath(dataDir, storedName), bytes);
  return storedName;
}

/** Replaces a stored file's bytes whole (sealing one stored before encryption). */
export const rewriteStoredFile = (dataDir: string, storedName: string, bytes: Buffer): Promise<void> =>
  placeFile(storedPath(dataDir, storedName), bytes);

/**
 * A temp file beside the target (owner-only, in owner-only folders), flushed to disk, then renamed
 * into place, so a crash leaves either no file or the whole one.
 */
async function placeFile(target: string, bytes: Buffer): Promise<void> {
  const folder = dirname(target);
  await mkdir(dirname(folder), { recursive: true, mode: 0o700 });
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const temp = `${target}.tmp`;
  try {
    const handle = await open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncFolder(folder);
}

/** Makes the rename itself durable where the system allows opening a folder (not on Windows). */
async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** The file's bytes as stored (sealed), or null when it is missing. */
export async function readStoredFile(dataDir: string, storedName: string): Promise<Buffer | null> {
  try {
    return await readFile(storedPath(dataDir, storedName));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

export const removeStoredFile = (dataDir: string, storedName: string): Promise<void> =>
  rm(storedPath(dataDir, storedName), { force: true });
