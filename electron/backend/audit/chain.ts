import { createHmac } from 'node:crypto';
import type { Schema } from '../db/schema';

export type AuditRow = Schema['audit_log'];

/** The previous hash of the first row. */
export const GENESIS_HASH = '0'.repeat(64);

/** HMAC-SHA256 over every column but the hash itself, in a fixed order, chained by prev_hash. */
export function hashRow(key: Buffer, row: Omit<AuditRow, 'hash'>): string {
  const content = JSON.stringify([
    row.seq,
    row.at,
    row.user_id,
    row.username,
    row.roles,
    row.client,
    row.action,
    row.entity,
    row.entity_id,
    row.result,
    row.fields,
    row.detail,
    row.prev_hash,
  ]);
  return createHmac('sha256', key).update(content).digest('hex');
}
