import type { LedgerKey } from '@shared/domain/ledger/records';
import type { Permission } from '@shared/domain/roles';

/**
 * The contract's feature of each ledger (`petition` is listed by `petitions.list`, voided by
 * `petitions.void`) and the permission that registers and works its records.
 */
const LEDGERS = {
  petition: { feature: 'petitions', write: 'petitions.write' },
  hazard: { feature: 'hazards', write: 'risks.write' },
  assessment: { feature: 'assessments', write: 'risks.write' },
  dispute: { feature: 'disputes', write: 'disputes.write' },
} as const satisfies Record<LedgerKey, { feature: string; write: Permission }>;

export type LedgerFeature<L extends LedgerKey = LedgerKey> = (typeof LEDGERS)[L]['feature'];

export const featureOf = <L extends LedgerKey>(ledger: L): LedgerFeature<L> => LEDGERS[ledger].feature;

export const writePermissionOf = (ledger: LedgerKey): Permission => LEDGERS[ledger].write;
