import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const AUDIT_KEY_FILE = 'audit.key';

export interface AuditKey {
  key: Buffer;
  /**
   * The key file was missing while the log already held rows: a new key was made, and the rows
   * before it can no longer be checked for content (the start-up records the loss and alarms).
   */
  lost: boolean;
}

/**
 * The key of the audit chain's HMAC, kept in its own file beside the database (not in it), so a
 * person who edits the database cannot recompute the hashes. Owner-only. A key is made silently
 * only for a log without rows (a fresh install); a missing key of a log with rows is reported lost.
 */
export function loadAuditKey(dataDir: string, logHasRows: boolean): AuditKey {
  const file = join(dataDir, AUDIT_KEY_FILE);
  try {
    return { key: Buffer.from(readFileSync(file, 'utf8').trim(), 'hex'), lost: false };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const key = randomBytes(32);
  writeFileSync(file, key.toString('hex'), { mode: 0o600, flag: 'wx' });
  return { key, lost: logHasRows };
}
