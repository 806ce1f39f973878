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
 * The county day's 临期 / 超期 notices: once per record, stage and due date (the unique index
 * refuses a second), so running it again the same day, or after a restart, writes nothing. It runs
 * on the first notification read of each county day (the bell asks at sign-in and every minute); a
 * day with new notices writes one system audit row and tells the open screens.
 */
export function scanDeadlines(ctx: HandlerContext): number {
  const clock = clockOf(ctx);
  const key = `${clock.today}/${clock.dueSoonDays}`;
  if (scanned.get(ctx.sql) === key) return 0;
  const createdAt = ctx.now().toISOString();
  const written = ctx.sql.transaction(() => {
    let count = 0;
    const insert = ctx.sql.prepare(INSERT);
    for (const source of ctx.ledgers.deadlineNotices) {
      for (const c of source.due(ctx.sql, clock)) {
        count += insert.run({
          id: uuidv7(),
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
        }).changes;
      }
    }
    if (count > 0) {
      appendAudit(
        ctx,
        { action: 'notifications.scan', fields: [], detail: `${clock.today} 临期、超期通知 ${count} 条` },
        { userId: null, username: null, roles: [] },
      );
    }
    return count;
  });
  scanned.set(ctx.sql, key);
  if (written > 0) {
    ctx.live.publish({ change: { topic: 'notifications', kind: 'notifications.unreadCount' }, townships: null });
  }
  return written;
}
