import type { HandlerContext } from '../api/types';
import { logChange } from './changes';
import { setNotificationsHidden } from './notifications/notify';
import type { LedgerRecordRow, LedgerStore } from './store';
import { ledgerWrite } from './write';

/**
 * Voiding (作废) instead of deleting: a record entered by mistake leaves the lists, figures and the
 * board, keeps its whole history, stays findable under 已作废 and can be restored. Both are a
 * leader's decision (`records.void`, checked by the contract) with a written reason, audited and
 * on the timeline.
 */
export interface VoidInput {
  id: string;
  version: number;
  reason: string;
}

const actionOf = (store: LedgerStore<LedgerRecordRow>, verb: 'void' | 'restore') => `${store.table}.${verb}`;

export function voidRecord<Row extends LedgerRecordRow>(
  ctx: HandlerContext,
  store: LedgerStore<Row>,
  input: VoidInput,
): void {
  ledgerWrite(ctx, store, input, { action: actionOf(store, 'void'), fields: ['voidedAt', 'voidReason'] }, (row) => {
    logChange(ctx, store.key, row.id, 'void', { reason: input.reason });
    setNotificationsHidden(ctx, store.key, row.id, true);
    return { set: { voided_at: ctx.now().toISOString(), void_reason: input.reason } };
  });
}

export function restoreRecord<Row extends LedgerRecordRow>(
  ctx: HandlerContext,
  store: LedgerStore<Row>,
  input: VoidInput,
): void {
  ledgerWrite(
    ctx,
    store,
    { ...input, onVoided: 'expect' },
    { action: actionOf(store, 'restore'), fields: ['voidedAt', 'voidReason'] },
    (row) => {
      logChange(ctx, store.key, row.id, 'restore', { reason: input.reason });
      setNotificationsHidden(ctx, store.key, row.id, false);
      return { set: { voided_at: null, void_reason: null } };
    },
  );
}

/** A ledger's `void` and `restore` handlers: the kernel's write, then the record's detail. */
export function voidHandlers<Row extends LedgerRecordRow, D>(
  store: LedgerStore<Row>,
  detailOf: (ctx: HandlerContext, id: string) => D,
) {
  return {
    void: (input: VoidInput, ctx: HandlerContext): D => {
      voidRecord(ctx, store, input);
      return detailOf(ctx, input.id);
    },
    restore: (input: VoidInput, ctx: HandlerContext): D => {
      restoreRecord(ctx, store, input);
      return detailOf(ctx, input.id);
    },
  };
}
