import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const AUDIT_KEY_FILE = 'audit.key';

/**
 * The key of the audit chain's HMAC, kept in its own file beside the database (not in it), so a
 * person who edits the database cannot recompute the hashes. Created on first use, owner-only.
 */
export function loadAuditKey(dataDir: string): Buffer {
  const file = join(dataDir, AUDIT_KEY_FILE);
  try {
    return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const key = randomBytes(32);
  writeFileSync(file, key.toString('hex'), { mode: 0o600, flag: 'wx' });
  return key;
}
