import type { FieldProblem } from '../../../shared/domain/ledger/state-machine';
import { assertNoProblems } from '../api/problems';
import type { HandlerContext } from '../api/types';
import type { LedgerRecordRow, LedgerStore } from './store';
import { ledgerWrite, type ColumnChanges } from './write';

/** One workflow step as a ledger computes it from the locked record. */
export interface TransitionStep {
  /** The domain's verdict: a `status` problem refuses the step (CONFLICT), others name fields. */
  problems: readonly FieldProblem[];
  to: string | null;
  set?: ColumnChanges;
  /** The input fields the step records, for the audit row. */
  fields: readonly string[];
  /** The timeline's line for the step. */
  note: string;
  /** The unit the record went to (交办, 转办), shown on the timeline. */
  unitId?: string | null;
  /** What else the step writes (a progress entry, a close-out record), in the same transaction. */
  afterwards?: () => void;
}

/**
 * The one workflow transition: the status is re-checked against the record as it stands inside the
 * write transaction (two officers clicking the same step: the second is refused), the step's
 * columns and new status written with the version raised, its timeline entry and audit row added.
 */
export function transitionRecord<Row extends LedgerRecordRow>(
  ctx: HandlerContext,
  store: LedgerStore<Row>,
  target: { id: string; version?: number; action: string },
  plan: (row: Row) => TransitionStep,
): void {
  ledgerWrite(ctx, store, target, { action: `${store.table}.${target.action}` }, (row) => {
    const step = plan(row);
    assertNoProblems(step.problems);
    if (step.to === null) throw new Error(`无法确定“${target.action}”之后的状态`);
    store.addEvent(ctx, {
      recordId: row.id,
      action: target.action,
      from: row.status,
      to: step.to,
      note: step.note,
      unitId: step.unitId ?? null,
    });
    return { set: { ...step.set, status: step.to }, fields: ['status', ...step.fields], afterwards: step.afterwards };
  });
}
