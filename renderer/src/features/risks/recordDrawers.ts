import type { Component, InjectionKey } from 'vue';

/** The ledger records a RecordLink opens. */
export type RecordKind = 'hazard' | 'assessment' | 'petition';

/**
 * The drawer of each kind of record, provided by App.vue. Injected, not imported: the drawers hold
 * record links themselves.
 */
export const RECORD_DRAWERS: InjectionKey<Record<RecordKind, Component>> = Symbol('record drawers');
