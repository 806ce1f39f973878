import { createHmac, timingSafeEqual } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Sql } from '../db/sql';
import { GENESIS_HASH } from './chain';

/** The chain's head, anchored outside the table: `audit.head` beside the database and in each backup's sidecar. */
export const AUDIT_HEAD_FILE = 'audit.head';

export interface AuditHead {
  /** The last row's sequence number (0 before the first row). */
  seq: number;
  hash: string;
  at: string;
}

/** A head with the HMAC of the audit key over it, so only the key's holder can move it. */
export interface SignedHead extends AuditHead {
  mac: string;
}

const macOf = (key: Buffer, head: AuditHead): string =>
  createHmac('sha256', key)
    .update(JSON.stringify(['audit.head', head.seq, head.hash, head.at]))
    .digest('hex');

export const signHead = (key: Buffer, head: AuditHead): SignedHead => ({ ...head, mac: macOf(key, head) });

/** Whether `signed` was signed with `key` (a head signed with another key, or edited, is not). */
export function isAuthentic(key: Buffer, signed: SignedHead): boolean {
  const expected = Buffer.from(macOf(key, signed), 'hex');
  const given = Buffer.from(String(signed.mac), 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const LAST_ROW = 'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1';

/** The table's head as it stands (seq 0 with the genesis hash when it holds no row). */
export function tableHead(sql: Sql): { seq: number; hash: string } {
  return (sql.prepare(LAST_ROW).get() as { seq: number; hash: string } | undefined) ?? { seq: 0, hash: GENESIS_HASH };
}

/** The hash of the table's row `seq`, undefined when it has none. */
export const rowHash = (sql: Sql, seq: number): string | undefined =>
  (sql.prepare('SELECT hash FROM audit_log WHERE seq = ?').get(seq) as { hash: string } | undefined)?.hash;

/** Whether the table still holds `head`'s row as it was (the empty chain's head always). */
export const holdsHead = (sql: Sql, head: { seq: number; hash: string }): boolean =>
  head.seq === 0 || rowHash(sql, head.seq) === head.hash;

/** The head file as stored: missing, unreadable, or its content (authentic or not). */
export function readHeadFile(dataDir: string): SignedHead | 'missing' | 'unreadable' {
  let text: string;
  try {
    text = readFileSync(join(dataDir, AUDIT_HEAD_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw error;
  }
  try {
    const head = JSON.parse(text) as SignedHead;
    return Number.isInteger(head.seq) && typeof head.hash === 'string' ? head : 'unreadable';
  } catch {
    return 'unreadable';
  }
}

/**
 * Keeps `audit.head` at the table's committed head. Appending a row only marks it stale; the file
 * is rewritten (temp + rename, owner-only) once per event-loop turn, after the writes of that turn
 * have committed, so a rolled-back row is never anchored and a burst of rows costs one write. A
 * crash before the rewrite leaves the head a few rows behind the table, which verification accepts;
 * rows missing below it are what it reports.
 */
export class HeadAnchor {
  private written: { seq: number; hash: string } | null = null;
  private scheduled = false;

  constructor(
    private readonly dataDir: string,
    private readonly source: () => { sql: Sql; auditKey: Buffer; now: () => Date },
  ) {}

  /** Called by every append: rewrite the file once the current turn's transactions have committed. */
  touch(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      // A head that could not be written (a full disk, a folder gone) stays behind, which the
      // check accepts; the write that triggered it has committed and is not undone.
      try {
        this.flush();
      } catch (error) {
        console.error('审计链头文件 audit.head 未能更新：', error);
      }
    });
  }

  /** Writes the committed head now if it moved (also on close, before verification and before a restore). */
  flush(): void {
    this.scheduled = false;
    const { sql, auditKey, now } = this.source();
    if (!sql.db.open) return;
    // A transaction still open (a caller's BEGIN across turns) is not committed yet: try next turn.
    if (sql.db.inTransaction) return this.touch();
    const { seq, hash } = tableHead(sql);
    if (this.written?.hash === hash) return;
    // Rows cut while running: the table no longer holds the anchored row, so the head stays where
    // it was for verification to report (never moved onto the shortened chain).
    if (this.written && !holdsHead(sql, this.written)) return;
    const file = join(this.dataDir, AUDIT_HEAD_FILE);
    // A temp name of its own: the desktop and web mode may share a data folder.
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(signHead(auditKey, { seq, hash, at: now().toISOString() })), {
      mode: 0o600,
    });
    renameSync(temp, file);
    this.written = { seq, hash };
  }

  /** Anchors the table's head as it stands (at start-up, once the check's findings are recorded). */
  reanchor(): void {
    this.written = null;
    this.flush();
  }
}
