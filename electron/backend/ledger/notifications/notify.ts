import { v7 as uuidv7 } from 'uuid';
import type { LedgerKey } from '../../../../shared/domain/ledger/records';
import type { NotificationKind } from '../../../../shared/domain/notifications';
import type { HandlerContext } from '../../api/types';
import type { RegionReference } from '../registry';

/** A notice a step writes: its record, to whom (an account, a unit, or both) and its text. */
export interface NotificationDraft {
  kind: NotificationKind;
  ledger: LedgerKey;
  recordId: string;
  recordNo: string;
  /** The record's township, for the readers' scope; null for a record of several (an assessment). */
  townshipCode: string | null;
  userId: string | null;
  unitId: string | null;
  text: string;
}

const INSERT = `INSERT INTO notifications
  (id, kind, ledger, record_id, record_no, township_code, user_id, unit_id, actor_id, text, created_at)
  VALUES (@id, @kind, @ledger, @recordId, @recordNo, @townshipCode, @userId, @unitId, @actorId, @text, @createdAt)`;

/**
 * Writes a notice inside the caller's write transaction (the step that causes it), so both commit
 * or neither. The one who took the step is not told of it: a notice left with nobody else is not
 * written.
 */
export function notify(ctx: Pick<HandlerContext, 'sql' | 'now' | 'principal'>, draft: NotificationDraft): void {
  const actorId = ctx.principal?.userId ?? null;
  const userId = draft.userId === actorId ? null : draft.userId;
  if (userId === null && draft.unitId === null) return;
  ctx.sql.prepare(INSERT).run({ ...draft, id: uuidv7(), userId, actorId, createdAt: ctx.now().toISOString() });
}

/** Hides a voided record's notices (and shows them again when it is restored), in the void's transaction. */
export function setNotificationsHidden(
  ctx: Pick<HandlerContext, 'sql'>,
  ledger: LedgerKey,
  recordId: string,
  hidden: boolean,
): void {
  ctx.sql
    .prepare('UPDATE notifications SET hidden = @hidden WHERE ledger = @ledger AND record_id = @recordId')
    .run({ hidden: hidden ? 1 : 0, ledger, recordId });
}

/** The notices' township, re-pointed when its township is merged (the kernel's `region-moves.ts`). */
export const notificationRegions: RegionReference = {
  noun: '通知',
  table: 'notifications',
  columns: { township: 'township_code' },
};
