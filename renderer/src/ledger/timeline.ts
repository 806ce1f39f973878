import {
  LEDGER_CHANGE_LABELS,
  type FieldChange,
  type LedgerChange,
  type LedgerChangeKind,
} from '@shared/domain/ledger/records';
import { formatDateTime } from '@/utils/datetime';

/** One line of a record's timeline: a workflow step, a note, or one of the kernel's changes. */
export interface TimelineEntry {
  key: string;
  at: string;
  title: string;
  text: string;
  byName: string;
  type: 'primary' | 'success' | 'warning' | 'danger' | 'info';
  /** A correction (更正): each field with its old and new value. */
  fields?: readonly FieldChange[];
  /** A button on the line (督办通知 on a supervision); the drawer emits `entryAction` with the key. */
  action?: string;
}

const CHANGE_TYPES: Record<LedgerChangeKind, TimelineEntry['type']> = {
  edit: 'warning',
  void: 'danger',
  restore: 'success',
  import: 'primary',
};

/** What the line says under its title: where an import came from, or the reason of the change. */
const changeText = (change: LedgerChange): string =>
  change.kind === 'import' ? change.reason : change.reason ? `原因：${change.reason}` : '';

/** The record's import, corrections, voidings and restorings as timeline lines. */
export const changeEntries = (changes: readonly LedgerChange[]): TimelineEntry[] =>
  changes.map((change) => ({
    key: `k-${change.id}`,
    at: change.at,
    title: LEDGER_CHANGE_LABELS[change.kind],
    text: changeText(change),
    byName: change.byName,
    type: CHANGE_TYPES[change.kind],
    fields: change.fields,
  }));

/** The lines of a record in one list, the newest first. */
export const newestFirst = (entries: TimelineEntry[]): TimelineEntry[] =>
  entries.sort((a, b) => Date.parse(b.at) - Date.parse(a.at));

/** A workflow step as a ledger's record lists it (hazards, disputes, assessments). */
interface WorkflowEvent {
  id: string;
  at: string;
  note: string;
  byName: string;
}

/**
 * A record's workflow steps (each titled by `titleOf`, its note under it) and the kernel's changes
 * in one list, the newest first.
 */
export const eventTimeline = <E extends WorkflowEvent>(
  record: { events: readonly E[]; changes: readonly LedgerChange[] },
  titleOf: (event: E) => string,
): TimelineEntry[] =>
  newestFirst([
    ...record.events.map((e): TimelineEntry => ({
      key: `e-${e.id}`,
      at: e.at,
      title: titleOf(e),
      text: e.note,
      byName: e.byName,
      type: 'primary',
    })),
    ...changeEntries(record.changes),
  ]);

/** `2026-11-22 09:05` of an ISO timestamp, in this machine's local time as elsewhere in the app. */
export const timeOf = (at: string): string => formatDateTime(new Date(at));
