import type { AuditResult } from '../../../shared/contract/audit';
import type { Sql } from '../db/sql';
import type { Principal } from '../auth/sessions';
import { GENESIS_HASH, hashRow } from './chain';
import type { HeadAnchor } from './head';

export interface AuditEvent {
  /** What happened, usually the contract method (`users.create`) or a security event (`auth.lockout`). */
  action: string;
  entity?: string;
  entityId?: string;
  result?: AuditResult;
  /** Names of the changed fields; never their values. */
  fields?: readonly string[];
  /** A short note without personal values (a reason, a count, a rule). */
  detail?: string;
}

/** Who did it, when there is no signed-in principal (a failed login names the attempted account). */
export interface AuditActor {
  userId: string | null;
  username: string | null;
  roles: readonly string[];
}

const LAST_ROW = 'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1';
/** One row, every column given (a new row, or one carried verbatim into a restored database). */
export const INSERT_ROW = `INSERT INTO audit_log
  (seq, at, user_id, username, roles, client, action, entity, entity_id, result, fields, detail, prev_hash, hash)
  VALUES (@seq, @at, @user_id, @username, @roles, @client, @action, @entity, @entity_id, @result, @fields, @detail,
  @prev_hash, @hash)`;

/**
 * What a row needs: a handler's context, or the backend's own for start-up and recovery events.
 * Not a Pick of HandlerContext: its services import this file (through the export jobs).
 */
interface AuditContext {
  sql: Sql;
  now: () => Date;
  auditKey: Buffer;
  /** The head anchored outside the table (audit/head.ts), rewritten once the row has committed. */
  auditHead: Pick<HeadAnchor, 'touch'>;
  call: { client: string };
  principal: Principal | null;
}

/**
 * Appends one row to the chain. Call it inside the transaction of the change it records, so the
 * change and its row commit together; outside one, it runs in its own.
 */
export function appendAudit(ctx: AuditContext, event: AuditEvent, actor?: AuditActor): void {
  const who: AuditActor =
    actor ??
    (ctx.principal
      ? { userId: ctx.principal.userId, username: ctx.principal.username, roles: ctx.principal.roles }
      : { userId: null, username: null, roles: [] });
  ctx.sql.transaction(() => {
    // Raw prepared statements: this runs in every write, so it skips query building.
    const last = ctx.sql.prepare(LAST_ROW).get() as { seq: number; hash: string } | undefined;
    const row = {
      seq: (last?.seq ?? 0) + 1,
      at: ctx.now().toISOString(),
      user_id: who.userId,
      username: who.username,
      roles: who.roles.join(','),
      client: ctx.call.client,
      action: event.action,
      entity: event.entity ?? null,
      entity_id: event.entityId ?? null,
      result: event.result ?? 'success',
      fields: JSON.stringify(event.fields ?? []),
      detail: event.detail ?? '',
      prev_hash: last?.hash ?? GENESIS_HASH,
    };
    ctx.sql.prepare(INSERT_ROW).run({ ...row, hash: hashRow(ctx.auditKey, row) });
  });
  ctx.auditHead.touch();
}

/** Runs a change and its audit row in one transaction: both commit, or neither. */
export function audited<T>(ctx: AuditContext, event: AuditEvent, change: () => T): T {
  return ctx.sql.transaction(() => {
    const result = change();
    appendAudit(ctx, event);
    return result;
  });
}
