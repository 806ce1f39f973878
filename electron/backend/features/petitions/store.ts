import type { AttachmentOwner, LedgerSearch, RegionReference } from '../../ledger/registry';
import type { LedgerStore } from '../../ledger/store';
import { addEvent } from './events';
import { findPetition, type PetitionTableRow } from './repo';
import { searchIndex, type ValuesColumn } from '../../ledger/search-index';

const PETITIONERS: ValuesColumn = {
  table: 'petitioners',
  key: 'petition_id',
  value: 'name',
  orderBy: 'is_primary DESC, sort',
};

/** The petition backlog as the ledger kernel sees it. */
export const petitionStore: LedgerStore<PetitionTableRow> = {
  key: 'petition',
  table: 'petitions',
  find: findPetition,
  townshipsOf: (_sql, row) => [row.township_code],
  // Case number, summary and the petitioners' names, the primary one first.
  search: searchIndex({
    table: 'petitions_search',
    ledger: 'petitions',
    columns: {
      case_no: 'case_no',
      summary: 'summary',
      names: PETITIONERS,
    },
  }),
  addEvent: (ctx, event) =>
    addEvent(ctx, {
      petition_id: event.recordId,
      kind: 'transition',
      action: event.action,
      from_status: event.from as PetitionTableRow['status'],
      to_status: event.to as PetitionTableRow['status'],
      unit_id: event.unitId,
      reason: event.note,
    }),
};

/** Files of a case: the officer files its materials; the leader adds evidence when approving a close-out. */
export const petitionAttachmentOwner: AttachmentOwner = {
  read: 'petitions.read',
  upload: ['petitions.write', 'petitions.closeOut'],
  uploadDenied: '您没有为积案上传附件的权限。',
};

/** The township each case lies in, which a region's move or merge re-points. */
export const petitionRegions: RegionReference = {
  noun: '信访积案',
  table: 'petitions',
  columns: { township: 'township_code' },
};

/** The cases in the one search box: number, summary and the petitioners' names (masked). */
export const petitionSearch: LedgerSearch = {
  key: 'petition',
  title: '信访积案',
  read: 'petitions.read',
  ledger: 'petitions',
  index: 'petitions_search',
  number: { column: 'case_no', prefix: 'XF' },
  texts: ['summary'],
  people: PETITIONERS,
  scope: 'r.township_code LIKE @scopePrefix',
};
