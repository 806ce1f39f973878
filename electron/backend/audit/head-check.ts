import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BACKUP_DIR_NAME } from '../db/database';
import type { Sql } from '../db/sql';
import { holdsHead, isAuthentic, readHeadFile, tableHead, type SignedHead } from './head';

/** The row the start-up writes when it anchors a log that had no head yet (a version before anchoring). */
export const ANCHOR_ACTION = 'audit.anchor';

export interface HeadCheck {
  /** What is wrong with the table against its anchored head, or null. */
  problem: string | null;
  firstBadSeq: number | null;
  /** No head was ever anchored (no file, no backup's copy, no mark in the database): the start-up anchors one. */
  firstAnchoring: boolean;
}

/** The heads the backups' sidecars hold that this key signed, highest first. */
function backupHeads(dataDir: string, key: Buffer): SignedHead[] {
  const dir = join(dataDir, BACKUP_DIR_NAME);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => /^zongzhi-.*\.json$/.test(name))
    .flatMap((name) => {
      try {
        const head = (JSON.parse(readFileSync(join(dir, name), 'utf8')) as { auditHead?: SignedHead }).auditHead;
        return head && isAuthentic(key, head) ? [head] : [];
      } catch {
        return [];
      }
    })
    .sort((a, b) => b.seq - a.seq);
}

/** The settings row written when the head is first anchored: a head file missing later is not a first start. */
const ANCHORED_SETTING = 'audit.anchored';

export function markAnchored(sql: Sql, now: Date): void {
  sql.db
    .prepare('INSERT OR IGNORE INTO settings (key, value, updated_at) VALUES (?, ?, ?)')
    .run(ANCHORED_SETTING, JSON.stringify(now.toISOString()), now.toISOString());
}

/** Whether a head was anchored for this log before (the settings row, or the upgrade's anchoring row). */
const anchoredBefore = (sql: Sql): boolean =>
  sql.db.prepare('SELECT 1 FROM settings WHERE key = ?').get(ANCHORED_SETTING) !== undefined ||
  sql.db.prepare('SELECT 1 FROM audit_log WHERE action = ? LIMIT 1').get(ANCHOR_ACTION) !== undefined;

/** Whether the table still holds `head`'s row as it was; a problem naming the missing or changed rows if not. */
function compare(sql: Sql, head: SignedHead, where: string): Omit<HeadCheck, 'firstAnchoring'> {
  const last = tableHead(sql);
  if (last.seq < head.seq) {
    const missing = last.seq + 1 === head.seq ? `第 ${head.seq} 条` : `第 ${last.seq + 1} 至 ${head.seq} 条`;
    return {
      problem: `审计日志末尾缺少${missing}（${where}记录的最后一条是第 ${head.seq} 条，日志中只到第 ${last.seq} 条）`,
      firstBadSeq: last.seq + 1,
    };
  }
  if (!holdsHead(sql, head)) {
    return { problem: `审计日志第 ${head.seq} 条与${where}记录的不符，可能被替换`, firstBadSeq: head.seq };
  }
  return { problem: null, firstBadSeq: null };
}

/**
 * Checks the table against its head anchored outside it: `audit.head`, or, when that file is
 * missing, the backups' copies. A head the key did not sign, a missing file where a head existed
 * before, and rows missing at the end or replaced are problems. With `keyLost` the old head can
 * no longer be authenticated and only the backups signed with the new key count.
 */
export function checkHead(sql: Sql, key: Buffer, dataDir: string, keyLost = false): HeadCheck {
  const file = readHeadFile(dataDir);
  if (typeof file === 'object' && isAuthentic(key, file)) {
    return { ...compare(sql, file, '链头文件 audit.head '), firstAnchoring: false };
  }
  const fromBackups = backupHeads(dataDir, key)[0];
  const lastResort = fromBackups ? compare(sql, fromBackups, '最近备份中') : { problem: null, firstBadSeq: null };
  if (file === 'missing' && !fromBackups && !anchoredBefore(sql)) {
    return { ...lastResort, firstAnchoring: !keyLost };
  }
  if (keyLost) return { ...lastResort, firstAnchoring: false };
  const fileProblem =
    file === 'missing' ? '审计链头文件 audit.head 缺失' : '审计链头文件 audit.head 被改动或不是用当前密钥签署的';
  return {
    problem: [fileProblem, lastResort.problem].filter(Boolean).join('；'),
    firstBadSeq: lastResort.firstBadSeq,
    firstAnchoring: false,
  };
}
