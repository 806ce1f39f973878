import type { LedgerKey } from '../../../shared/domain/ledger/records';
import type { HandlerContext } from '../api/types';
import type { Sql } from '../db/sql';

/** The columns the kernel reads on every ledger record (migration 0012 added the last three). */
export interface LedgerRecordRow {
  id: string;
  status: string;
  version: number;
  voided_at: string | null;
  void_reason: string | null;
}

/** A workflow step as the record's timeline keeps it. */
export interface TransitionEvent {
  recordId: string;
  action: string;
  from: string;
  to: string;
  note: string;
  /** The unit the record went to (交办, 转办). */
  unitId: string | null;
}

/**
 * What a ledger tells the kernel about its records: where they are, how one is found, which
 * townships it lies in (a township account sees only its own), how its text is indexed and how a
 * workflow step is written on its timeline.
 */
export interface LedgerStore<Row extends LedgerRecordRow> {
  key: LedgerKey;
  table: 'petitions' | 'hazards' | 'assessments';
  find(sql: Sql, id: string): Row | undefined;
  townshipsOf(sql: Sql, row: Row): readonly string[];
  /** Keeps the keyword index in step after a correction of its text. */
  reindex(sql: Sql, id: string): void;
  /** Writes a workflow step onto the ledger's own timeline table. */
  addEvent(ctx: HandlerContext, event: TransitionEvent): void;
}

/** The kernel's columns of a record being registered. */
export const NEW_RECORD = { version: 1, voided_at: null, void_reason: null } as const;
