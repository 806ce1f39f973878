import { existsSync } from 'node:fs';
import { adoptLegacyKey, keyFileOf, loadKey, type Keyring } from '../keys/keyring';

/** The audit key's name in the keyring: the file `audit.key` beside the database. */
export const AUDIT_KEY_NAME = 'audit';
export const AUDIT_KEY_FILE = `${AUDIT_KEY_NAME}.key`;

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
 * person who edits the database cannot recompute the hashes; kept by the keyring like the
 * personal-data key (owner-only, and wrapped by the OS keystore on the desktop where it has one).
 * A key is made silently only for a log without rows (a fresh install); a missing key of a log
 * with rows is reported lost. A key file from before the keyring (64 hex characters) is taken over.
 */
export async function loadAuditKey(ring: Keyring, logHasRows: boolean): Promise<AuditKey> {
  await adoptLegacyKey(ring, AUDIT_KEY_NAME);
  const present = existsSync(keyFileOf(ring, AUDIT_KEY_NAME));
  const key = await loadKey(ring, AUDIT_KEY_NAME, { create: true });
  return { key, lost: !present && logHasRows };
}
