import { computed, type Component, type ComputedRef } from 'vue';
import type { LedgerKey } from '@shared/domain/ledger/records';
import type { Access } from '@shared/domain/roles';
import type { TaskOwnerKind } from '@shared/domain/risks/tasks';
import { useAuthStore } from '@/app/authStore';

/**
 * The records one page opens from another, by kind, filled at start-up by each feature's
 * `register.ts` (gathered in app/features.ts): a record link, 今日 or a drawer shows another
 * feature's record, step or panel without importing that feature.
 */

/** The records that open in a drawer: the ledgers' and the meetings (owners of tasks). */
export type RecordKind = LedgerKey | TaskOwnerKind;

/** What a feature lends the others for its kind of record. */
export interface RecordView {
  /** Who may open one: for others a link to it is plain text. */
  access: Access;
  /** The drawer of one record: props `{ id }`; emits `changed` after a step and `closed`. */
  drawer: Component;
  /**
   * Single steps another page offers without the drawer (今日's 督办 of a case), by name: props
   * `{ id, number }`; emit `saved` and `closed`.
   */
  steps?: Readonly<Record<string, Component>>;
  /** The route name of the ledger's list, which takes its filters (a keyword) from the address. */
  list?: string;
}

/** A panel one feature adds to another's drawer (a case's linked hazards): props `{ id }`, the record's. */
export interface RecordPanel {
  /** Its heading in the drawer; one panel per heading. */
  title: string;
  access: Access;
  component: Component;
}

const views = new Map<RecordKind, RecordView>();
const panels = new Map<RecordKind, Map<string, RecordPanel>>();

export function registerRecord(kind: RecordKind, view: RecordView): void {
  views.set(kind, view);
}

export function registerPanel(kind: RecordKind, panel: RecordPanel): void {
  const ofKind = panels.get(kind) ?? new Map<string, RecordPanel>();
  ofKind.set(panel.title, panel);
  panels.set(kind, ofKind);
}

/** The registered view of a kind; a missing one is a start-up mistake, not a user's. */
export function recordView(kind: RecordKind): RecordView {
  const view = views.get(kind);
  if (!view) throw new Error(`No feature registered the ${kind} records (app/features.ts)`);
  return view;
}

/** A single step another feature offers on its records. */
export function recordStep(kind: RecordKind, step: string): Component {
  const dialog = recordView(kind).steps?.[step];
  if (!dialog) throw new Error(`The ${kind} records offer no step ${step}`);
  return dialog;
}

/** The panels other features add to a drawer of this kind that the signed-in user may see. */
export function useRecordPanels(kind: RecordKind): ComputedRef<RecordPanel[]> {
  const auth = useAuthStore();
  return computed(() => [...(panels.get(kind)?.values() ?? [])].filter((panel) => auth.can(panel.access)));
}
