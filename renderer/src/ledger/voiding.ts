import type { InputOf, OutputOf } from '@shared/contract';
import type { LedgerKey } from '@shared/domain/ledger/records';
import { call } from '@/api/client';
import { featureOf, type LedgerFeature } from './ledgerFeatures';

export type VoidAction = 'void' | 'restore';
type VoidMethod = `${LedgerFeature}.${VoidAction}`;

/** The ledger whose `.void` answers with records of type R (a drawer's `ledger` must match its record). */
export type LedgerOf<R> = {
  [L in LedgerKey]: OutputOf<`${LedgerFeature<L>}.void`> extends R ? L : never;
}[LedgerKey];

/** 作废 or 恢复 a record through its ledger's own method; resolves with the record as it now stands. */
export function voidOrRestore(
  ledger: LedgerKey,
  action: VoidAction,
  input: InputOf<VoidMethod>,
): Promise<OutputOf<VoidMethod>> {
  const method: VoidMethod = `${featureOf(ledger)}.${action}`;
  return call(method, input);
}
