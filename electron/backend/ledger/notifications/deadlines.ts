import { v7 as uuidv7 } from 'uuid';
import type { LedgerKey } from '../../../../shared/domain/ledger/records';
import { LEDGER_NOUNS } from '../../../../shared/domain/ledger/records';
import { NOTIFICATION_KIND_LABELS } from '../../../../shared/domain/notifications';
import type { HandlerContext } from '../../api/types';
import { appendAudit } from '../../audit/writer';
import type { Sql } from '../../db/sql';
import { clockOf } from '../clock';
import type { DeadlineCandidate } from '../registry';

const INSERT = `INSERT OR IGNORE INTO notifications
  (id, kind, ledger, record_id, record_no, township_code, user_id, unit_id, actor_id, text, due_date, created_at)
  VALUES (@id, @kind, @ledger, @recordId, @recordNo, @townshipCode, @userId, @unitId, NULL, @text, @dueDate, @createdAt)`;

const TITLE_LENGTH = 24;
const shortTitle = (title: string) => (title.length > TITLE_LENGTH ? `${title.slice(0, TITLE_LENGTH)}…` : title);

/** The notice's text: 「积案 XF2026-000003「…」办理时限 2026-11-24，已临期」. */
const textOf = (ledger: LedgerKey, c: DeadlineCandidate) =>
  `${LEDGER_NOUNS[ledger]} ${c.number}「${shortTitle(c.title)}」办理时限 ${c.dueDate}，已${NOTIFICATION_KIND_LABELS[c.stage]}`;

/** The clock each database was last scanned on (a restored database is a new `Sql`, scanned anew). */
const scanned = new WeakMap<Sql, string>();

/**
 * Notices written per transaction. A first day after many records fell due (1,288 notices on a
 * synthetic 100,000 disputes held the calls' thread for 260 ms in one go) is written in slices, the
 * calls answered between them.
 */
export const SCAN_SLICE = 100;

/**
 * The county day's 临期 / 超期 notices: once per record, stage and due date (the unique index
 * refuses a second), so running it again the same day, or after a restart, writes nothing. It runs
 * on the first notification read of each county day (the bell asks at sign-in and every minute); a
 * day with new notices writes one system audit row and tells the open screens. The candidates are
 * read once; the first slice is written before the read answers, the rest after it, a slice per
 * turn of the event loop. Returns what the first slice wrote.
 */
export function scanDeadlines(ctx: HandlerContext): number {
  const clock = clockOf(ctx);
  const key = `${clock.today}/${clock.dueSoonDays}`;
  if (scanned.get(ctx.sql) === key) return 0;
  scanned.set(ctx.sql, key);
  const createdAt = ctx.now().toISOString();
  const rows = ctx.ledgers.deadlineNotices.flatMap((source) =>
    source.due(ctx.sql, clock).map((c) => ({
      kind: c.stage,
      ledger: source.ledger,
      recordId: c.id,
      recordNo: c.number,
      townshipCode: c.townshipCode,
      userId: c.userId,
      unitId: c.unitId,
      text: textOf(source.ledger, c),
      dueDate: c.dueDate,
      createdAt,
    })),
  );
  let total = 0;
  /** Writes the slice from `from`; the last one also writes the day's audit row. */
  const slice = (from: number): number =>
    ctx.sql.transaction(() => {
      const insert = ctx.sql.prepare(INSERT);
      let count = 0;
      for (const row of rows.slice(from, from + SCAN_SLICE)) count += insert.run({ id: uuidv7(), ...row }).changes;
      total += count;
      if (from + SCAN_SLICE >= rows.length && total > 0) {
        appendAudit(
          ctx,
          { action: 'notifications.scan', fields: [], detail: `${clock.today} 临期、超期通知 ${total} 条` },
          { userId: null, username: null, roles: [] },
        );
      }
      return count;
    });
  const told = (count: number) => {
    if (count > 0) {
      ctx.live.publish({ change: { topic: 'notifications', kind: 'notifications.unreadCount' }, townships: null });
    }
  };
  let first: number;
  try {
    first = slice(0);
  } catch (error) {
    scanned.delete(ctx.sql);
    throw error;
  }
  told(first);
  const rest = (from: number, sinceTold: number): void => {
    if (from >= rows.length) return told(sinceTold);
    setImmediate(() => {
      if (!ctx.sql.db.open) return;
      try {
        rest(from + SCAN_SLICE, sinceTold + slice(from));
      } catch (error) {
        // Scanned again on the next read: what was written stays, the unique index skips it.
        scanned.delete(ctx.sql);
        console.error('[notifications] 临期、超期通知未写完', error);
      }
    });
  };
  rest(SCAN_SLICE, 0);
  return first;
}
