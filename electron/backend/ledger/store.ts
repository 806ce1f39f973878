import type { HandlerContext } from '../api/types';
import type { LedgerRecords } from './registry';
import type { SearchIndex } from './search-index';

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
 * What a ledger tells the kernel about its records: how one is found and which townships it lies in
 * (a township account sees only its own), where they are, how its text is indexed and how a
 * workflow step is written on its timeline.
 */
export interface LedgerStore<Row extends LedgerRecordRow> extends LedgerRecords<Row> {
  table: 'petitions' | 'hazards' | 'assessments' | 'disputes';
  /** Its keyword index, kept in step by registration and the kernel's corrections. */
  search: SearchIndex;
  /** Writes a workflow step onto the ledger's own timeline table. */
  addEvent(ctx: HandlerContext, event: TransitionEvent): void;
}

/** The kernel's columns of a record being registered. */
export const NEW_RECORD = { version: 1, voided_at: null, void_reason: null } as const;
