import { v7 as uuidv7 } from 'uuid';
import {
  NO_VALUE,
  type FieldChange,
  type LedgerChange,
  type LedgerChangeKind,
  type LedgerKey,
} from '../../../shared/domain/ledger/records';
import { principalOf, type HandlerContext } from '../api/types';
import { qb, type Sql } from '../db/sql';
import { displayNameOf } from '../db/display-name';

/**
 * The kernel's part of a record's timeline: corrections with each field's old and new value (as
 * the ledger shows them, personal values masked), voidings and restorings with their reasons.
 */

/** A ledger's correctable fields: how each is labelled and shown on the timeline. */
export interface EditableFields<V extends Record<string, unknown>> {
  labels: { readonly [K in keyof V]: string };
  /** The value as the timeline shows it: names for ids and codes, personal values masked. */
  show<K extends keyof V>(field: K, value: V[K]): string;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The fields whose value differs, in the order of `labels`, with their old and new values shown. */
export function fieldChanges<V extends Record<string, unknown>>(
  fields: EditableFields<V>,
  before: V,
  after: V,
): Array<FieldChange & { field: keyof V & string }> {
  return (Object.keys(fields.labels) as Array<keyof V & string>)
    .filter((field) => !same(before[field], after[field]))
    .map((field) => ({
      field,
      label: fields.labels[field],
      from: shown(fields, field, before[field]),
      to: shown(fields, field, after[field]),
    }));
}

function shown<V extends Record<string, unknown>, K extends keyof V>(fields: EditableFields<V>, field: K, value: V[K]) {
  const text = value === null || value === undefined || value === '' ? '' : fields.show(field, value);
  return text === '' ? NO_VALUE : text;
}

/** A prepared statement rather than the builder: an import writes one line per record, thousands at once. */
const INSERT_CHANGE = `INSERT INTO ledger_changes (id, ledger, record_id, kind, fields, reason, by_user, at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?)`;

export function logChange(
  ctx: HandlerContext,
  ledger: LedgerKey,
  recordId: string,
  kind: LedgerChangeKind,
  details: { fields?: readonly FieldChange[]; reason?: string },
): void {
  ctx.sql
    .prepare(INSERT_CHANGE)
    .run(
      uuidv7(),
      ledger,
      recordId,
      kind,
      JSON.stringify(details.fields ?? []),
      details.reason ?? '',
      principalOf(ctx).userId,
      ctx.now().toISOString(),
    );
}

/** The record's corrections, voidings and restorings, oldest first. */
export function changesOf(sql: Sql, ledger: LedgerKey, recordId: string): LedgerChange[] {
  return sql
    .all(
      qb
        .selectFrom('ledger_changes as c')
        .select(['c.id', 'c.kind', 'c.fields', 'c.reason', 'c.at'])
        .select(displayNameOf('c.by_user').as('byName'))
        .where('c.ledger', '=', ledger)
        .where('c.record_id', '=', recordId)
        .orderBy('c.at')
        .orderBy('c.id'),
    )
    .map((row) => ({ ...row, byName: row.byName ?? '', fields: JSON.parse(row.fields) as FieldChange[] }));
}
