/** What a drawer hands each dialog that changes its record: the record, and how to read it anew after a stale-version refusal. */
export interface RecordDialogProps<R> {
  detail: R;
  refresh: () => Promise<R>;
}

/** What such a dialog tells the drawer: the record as saved, and that it closed. */
export type RecordDialogEmits<R> = { saved: [detail: R]; closed: [] };

/** The props and listeners `LedgerDrawer`'s slots hand a record's dialog, bound whole (`v-bind="dialog"`). */
export interface RecordDialogBinding<R> extends RecordDialogProps<R> {
  onSaved: (detail: R) => void;
  onClosed: () => void;
}
