import type { LedgerStore } from '../../ledger/store';
import { addHazardEvent } from './events';
import { findHazard, type HazardTableRow } from './repo';
import { indexHazard } from './search-index';

/** The hazard ledger as the ledger kernel sees it. */
export const hazardStore: LedgerStore<HazardTableRow> = {
  key: 'hazard',
  table: 'hazards',
  find: findHazard,
  townshipsOf: (_sql, row) => [row.township_code],
  reindex: indexHazard,
  addEvent: (ctx, event) =>
    addHazardEvent(ctx, {
      hazard_id: event.recordId,
      action: event.action,
      from_status: event.from as HazardTableRow['status'],
      to_status: event.to as HazardTableRow['status'],
      note: event.note,
    }),
};
