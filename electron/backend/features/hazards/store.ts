import { searchIndex, type ValuesColumn } from '../../ledger/search-index';
import type { LedgerSearch, RegionReference } from '../../ledger/registry';
import type { LedgerStore } from '../../ledger/store';
import { addHazardEvent } from './events';
import { findHazard, type HazardTableRow } from './repo';

const PEOPLE: ValuesColumn = { table: 'hazard_people', key: 'hazard_id', value: 'name', orderBy: 'sort' };

/** The hazard ledger as the ledger kernel sees it. */
export const hazardStore: LedgerStore<HazardTableRow> = {
  key: 'hazard',
  table: 'hazards',
  find: findHazard,
  townshipsOf: (_sql, row) => [row.township_code],
  // Number, title, description and the names of the people involved.
  search: searchIndex({
    table: 'hazards_search',
    ledger: 'hazards',
    columns: {
      hazard_no: 'hazard_no',
      title: 'title',
      description: 'description',
      names: PEOPLE,
    },
  }),
  addEvent: (ctx, event) =>
    addHazardEvent(ctx, {
      hazard_id: event.recordId,
      action: event.action,
      from_status: event.from as HazardTableRow['status'],
      to_status: event.to as HazardTableRow['status'],
      note: event.note,
    }),
};

/** Where each hazard lies, which a region's move or merge re-points. */
export const hazardRegions: RegionReference = {
  noun: '风险隐患',
  table: 'hazards',
  columns: { township: 'township_code', village: 'village_code', grid: 'grid_code' },
};

/** The hazards in the one search box: number, title, description and the people involved (masked). */
export const hazardSearch: LedgerSearch = {
  key: 'hazard',
  title: '风险隐患',
  read: 'risks.read',
  ledger: 'hazards',
  index: 'hazards_search',
  number: { column: 'hazard_no', prefix: 'FX' },
  texts: ['title', 'description'],
  people: PEOPLE,
  scope: 'r.township_code LIKE @scopePrefix',
};
