import type { RecordKind } from '@/ledger/records';

/** What a row of 工作台 asks the page to open: a record's drawer, or one step of a case. */
export type WorkbenchOpen =
  | { kind: RecordKind; id: string }
  | { kind: 'petition'; id: string; step: 'classify' | 'assign' | 'closeOut' | 'supervise'; number: string };
