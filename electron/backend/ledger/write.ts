import { LEDGER_NOUNS, STALE_VERSION_MESSAGE } from '../../../shared/domain/ledger/records';
import { inScope } from '../../../shared/domain/scope';
import { AppError } from '../../../shared/errors';
import { principalOf, type HandlerContext } from '../api/types';
import { appendAudit, type AuditEvent } from '../audit/writer';
import type { LedgerRecords } from './registry';
import type { LedgerRecordRow, LedgerStore } from './store';

/** A record outside the user's townships reads as not found, so its existence is not disclosed. */
export function recordInScope<Row>(ctx: HandlerContext, records: LedgerRecords<Row>, id: string): Row {
  const row = records.find(ctx.sql, id);
  const scope = principalOf(ctx).regionCode;
  if (!row || (scope !== null && !records.townshipsOf(ctx.sql, row).some((code) => inScope(scope, code)))) {
    throw new AppError('NOT_FOUND', `未找到该${LEDGER_NOUNS[records.key]}，可能不在您的辖区内，请刷新后重试。`);
  }
  return row;
}

export interface WriteTarget {
  id: string;
  /** The version the user's screen showed; absent only for writes that cannot clash (a new note). */
  version?: number;
  /** Restoring is the one write a voided record takes. */
  onVoided?: 'refuse' | 'expect';
}

/**
 * The record as it stands inside the write transaction: in scope, still at the version the user
 * read, and not voided. Every ledger write starts here, so a check never rests on a stale read.
 */
function lockedRecord<Row extends LedgerRecordRow>(
  ctx: HandlerContext,
  store: LedgerStore<Row>,
  target: WriteTarget,
): Row {
  const row = recordInScope(ctx, store, target.id);
  if (target.version !== undefined && row.version !== target.version) {
    throw new AppError('CONFLICT', `${STALE_VERSION_MESSAGE}。`, [{ path: 'version', message: STALE_VERSION_MESSAGE }]);
  }
  const noun = LEDGER_NOUNS[store.key];
  if (target.onVoided === 'expect' && row.voided_at === null) {
    throw new AppError('CONFLICT', `该${noun}未作废，无需恢复。`, [{ path: 'status', message: '未作废' }]);
  }
  if (target.onVoided !== 'expect' && row.voided_at !== null) {
    throw new AppError('CONFLICT', `该${noun}已作废，不能修改或办理；如确需办理，请先由带班领导恢复。`, [
      { path: 'status', message: '已作废' },
    ]);
  }
  return row;
}

/**
 * A record that may still be worked on, for the writes that add to it without changing its fields
 * (a progress entry, a note, a supervision): in scope and not voided. They do not raise the
 * version, so an officer's open correction is not refused because a colleague added a note.
 */
export function workableRecord<Row extends LedgerRecordRow>(
  ctx: HandlerContext,
  store: LedgerStore<Row>,
  id: string,
): Row {
  return lockedRecord(ctx, store, { id });
}

/** Column values a write sets; the kernel adds the version and the time. */
export type ColumnChanges = Record<string, string | number | null>;

/** The one UPDATE every ledger change goes through: its columns, the version raised, the time. */
function updateRecord(ctx: HandlerContext, table: string, id: string, changes: ColumnChanges): void {
  const columns = Object.keys(changes).sort();
  const set = [...columns.map((c) => `${c} = @${c}`), 'version = version + 1', 'updated_at = @updated_at'];
  ctx.sql.prepare(`UPDATE ${table} SET ${set.join(', ')} WHERE id = @id`).run({
    ...changes,
    updated_at: ctx.now().toISOString(),
    id,
  });
}

/** What a write changes: columns to set and, when they depend on the record, the audited field names. */
export interface RecordChange {
  /**
   * The record's columns; without them the write only adds to the record (a progress entry that
   * moves no status) and leaves its version as it is.
   */
  set?: ColumnChanges;
  fields?: readonly string[];
  /** The audit row's short note, when it depends on the record (`red→orange`). */
  detail?: string;
  /** What must see the record as updated (its keyword index), in the same transaction. */
  afterwards?: () => void;
}

/**
 * One ledger write: in one transaction the record is read and checked (`lockedRecord`), `change`
 * applies the ledger's rules to it, writes what is the ledger's own (its timeline entry, its
 * lists) and returns the columns to set; the record is updated with its version raised and the
 * audit row appended. Everything commits, or nothing does. `change` returning null (nothing
 * differs) writes nothing at all.
 */
export function ledgerWrite<Row extends LedgerRecordRow>(
  ctx: HandlerContext,
  store: LedgerStore<Row>,
  target: WriteTarget,
  audit: Omit<AuditEvent, 'entity' | 'entityId'>,
  change: (row: Row) => RecordChange | null,
): void {
  ctx.sql.transaction(() => {
    const row = lockedRecord(ctx, store, target);
    const outcome = change(row);
    if (!outcome) return;
    if (outcome.set) updateRecord(ctx, store.table, row.id, outcome.set);
    outcome.afterwards?.();
    appendAudit(ctx, {
      ...audit,
      fields: outcome.fields ?? audit.fields,
      detail: outcome.detail ?? audit.detail,
      entity: store.key,
      entityId: row.id,
    });
  });
}
