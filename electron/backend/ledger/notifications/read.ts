import type { Page } from '../../../../shared/contract';
import type { NotificationItem, UnreadCount } from '../../../../shared/contract/notifications';
import { AppError } from '../../../../shared/errors';
import { hasAccessIn } from '../../../../shared/domain/roles';
import { townshipPrefix } from '../../../../shared/domain/scope';
import { principalOf, type HandlerContext } from '../../api/types';
import { inList } from '../../db/status-lists';
import { offsetOf } from '../../db/paging';

/**
 * What an account sees: notices addressed to it or to its unit, not of its own steps, of the
 * ledgers it may read, in its townships (an assessment's by the townships it affects), of records
 * not voided. The ledgers are a literal list per caller, so each caller's shape is one statement.
 */
function visible(ctx: HandlerContext): { where: string; params: Record<string, unknown> } | null {
  const principal = principalOf(ctx);
  const ledgers = ctx.ledgers.searches
    .filter((s) => hasAccessIn(principal.roles, principal.regionCode, s.read))
    .map((s) => s.key);
  if (!ledgers.length) return null;
  const scoped = principal.regionCode !== null;
  const where = `n.hidden = 0
    AND (n.user_id = @me OR n.unit_id = (SELECT unit_id FROM users WHERE id = @me))
    AND (n.actor_id IS NULL OR n.actor_id != @me)
    AND n.ledger IN ${inList(ledgers)}
    ${
      scoped
        ? `AND (n.township_code LIKE @prefix OR (n.township_code IS NULL AND n.ledger = 'assessment'
            AND EXISTS (SELECT 1 FROM assessment_townships t
              WHERE t.assessment_id = n.record_id AND t.township_code LIKE @prefix)))`
        : ''
    }`;
  return {
    where,
    params: { me: principal.userId, ...(scoped ? { prefix: `${townshipPrefix(principal.regionCode!)}%` } : {}) },
  };
}

const FROM = `FROM notifications n
  LEFT JOIN notification_reads r ON r.notification_id = n.id AND r.user_id = @me`;

interface ItemRow {
  id: string;
  kind: NotificationItem['kind'];
  ledger: NotificationItem['ledger'];
  recordId: string;
  recordNo: string;
  text: string;
  createdAt: string;
  read: number;
}

/** A page of the account's notices, unread first, then newest first; or the unread ones alone. */
export function listNotifications(
  ctx: HandlerContext,
  input: { unreadOnly: boolean; page: number; pageSize: number },
): Page<NotificationItem> {
  const { page, pageSize } = input;
  const seen = visible(ctx);
  if (!seen) return { items: [], total: 0, page, pageSize };
  const filter = `WHERE ${seen.where}${input.unreadOnly ? ' AND r.user_id IS NULL' : ''}`;
  const total = (ctx.sql.prepare(`SELECT count(*) AS n ${FROM} ${filter}`).get(seen.params) as { n: number }).n;
  const rows = ctx.sql
    .prepare(
      `SELECT n.id, n.kind, n.ledger, n.record_id AS recordId, n.record_no AS recordNo, n.text,
        n.created_at AS createdAt, r.user_id IS NOT NULL AS read
      ${FROM} ${filter}
      ORDER BY read, n.created_at DESC, n.id DESC LIMIT ${pageSize} OFFSET @offset`,
    )
    .all({ ...seen.params, offset: offsetOf(page, pageSize) }) as ItemRow[];
  return { items: rows.map((row) => ({ ...row, read: row.read === 1 })), total, page, pageSize };
}

export function unreadCount(ctx: HandlerContext): UnreadCount {
  const seen = visible(ctx);
  if (!seen) return { count: 0, newest: null };
  const filter = `WHERE ${seen.where} AND r.user_id IS NULL`;
  const { n } = ctx.sql.prepare(`SELECT count(*) AS n ${FROM} ${filter}`).get(seen.params) as { n: number };
  const newest = ctx.sql
    .prepare(`SELECT n.id, n.text ${FROM} ${filter} ORDER BY n.created_at DESC, n.id DESC LIMIT 1`)
    .get(seen.params) as { id: string; text: string } | undefined;
  return { count: n, newest: newest ?? null };
}

/**
 * Marks one notice, or every unread one the account sees, as read for this account. One the
 * account cannot see is NOT_FOUND to it, as a record outside its scope is.
 */
export function markRead(ctx: HandlerContext, id: string | undefined): number {
  const seen = visible(ctx);
  if (id !== undefined) {
    const found =
      seen && ctx.sql.prepare(`SELECT 1 ${FROM} WHERE ${seen.where} AND n.id = @id`).get({ ...seen.params, id });
    if (!found) throw new AppError('NOT_FOUND', '未找到该通知，它可能已随记录作废，请刷新通知列表。');
  }
  if (!seen) return 0;
  const one = id === undefined ? '' : ' AND n.id = @id';
  return ctx.sql
    .prepare(
      `INSERT OR IGNORE INTO notification_reads (user_id, notification_id, read_at)
      SELECT @me, n.id, @at ${FROM} WHERE ${seen.where} AND r.user_id IS NULL${one}`,
    )
    .run({ ...seen.params, at: ctx.now().toISOString(), ...(id === undefined ? {} : { id }) }).changes;
}
