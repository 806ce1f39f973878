import type { HandlerContext } from '../api/types';
import { fieldChanges, logChange, type EditableFields } from './changes';
import type { LedgerRecordRow, LedgerStore } from './store';
import { ledgerWrite, type ColumnChanges } from './write';

/** A correction of a record's fields, as one ledger describes it to the kernel. */
export interface EditPlan<Row extends LedgerRecordRow, V extends Record<string, unknown>> {
  fields: EditableFields<V>;
  /** The stored values, read from the locked record. */
  before(row: Row): V;
  after: V;
  /** The ledger's checks of the new values (references, rules); throws to refuse. */
  check?(row: Row, changed: ReadonlySet<keyof V>): void;
  /** Writes the changed values: returns the record's columns, writes its own lists itself. */
  apply(row: Row, changed: ReadonlySet<keyof V>): ColumnChanges;
  /** Why, on the timeline, when the change has a source (a re-imported row names its file). */
  reason?: string;
}

/**
 * Corrects a record (version-checked, in one transaction): the timeline names each changed field
 * with its old and new value (personal values masked), the audit row names the fields only. An
 * edit that changes nothing writes nothing.
 */
export function editRecord<Row extends LedgerRecordRow, V extends Record<string, unknown>>(
  ctx: HandlerContext,
  store: LedgerStore<Row>,
  target: { id: string; version: number },
  plan: EditPlan<Row, V>,
): void {
  ledgerWrite(ctx, store, target, { action: `${store.table}.update` }, (row) => {
    const changes = fieldChanges(plan.fields, plan.before(row), plan.after);
    if (changes.length === 0) return null;
    const changed = new Set(changes.map((c) => c.field));
    plan.check?.(row, changed);
    logChange(ctx, store.key, row.id, 'edit', { fields: changes, reason: plan.reason });
    return {
      set: plan.apply(row, changed),
      fields: [...changed],
      afterwards: () => store.search.index(ctx.sql, row.id),
    };
  });
}
