import { searchIndex, type ValuesColumn } from '../../ledger/search-index';
import type { AttachmentOwner, LedgerSearch, RegionReference } from '../../ledger/registry';
import type { LedgerStore } from '../../ledger/store';
import { addDisputeEvent } from './events';
import { findDispute, type DisputeTableRow } from './repo';

const PARTIES: ValuesColumn = { table: 'dispute_parties', key: 'dispute_id', value: 'name', orderBy: 'sort' };

/** The dispute ledger as the ledger kernel sees it. */
export const disputeStore: LedgerStore<DisputeTableRow> = {
  key: 'dispute',
  table: 'disputes',
  find: findDispute,
  townshipsOf: (_sql, row) => [row.township_code],
  // Number, summary and the parties' names.
  search: searchIndex({
    table: 'disputes_search',
    ledger: 'disputes',
    columns: { dispute_no: 'dispute_no', summary: 'summary', names: PARTIES },
  }),
  addEvent: (ctx, event) =>
    addDisputeEvent(ctx, {
      dispute_id: event.recordId,
      action: event.action,
      from_status: event.from as DisputeTableRow['status'],
      to_status: event.to as DisputeTableRow['status'],
      note: event.note,
      unit_id: event.unitId,
    }),
};

/** A dispute's files (the 调解协议书 among them): read with the ledger, added by who works it. */
export const disputeAttachmentOwner: AttachmentOwner = {
  read: 'disputes.read',
  upload: ['disputes.write'],
  uploadDenied: '您没有为矛盾纠纷上传附件的权限。',
};

/** Where each dispute lies, which a region's move or merge re-points. */
export const disputeRegions: RegionReference = {
  noun: '矛盾纠纷',
  table: 'disputes',
  columns: { township: 'township_code', village: 'village_code', grid: 'grid_code' },
};

/** The disputes in the one search box: number, summary and the parties (masked). */
export const disputeSearch: LedgerSearch = {
  key: 'dispute',
  title: '矛盾纠纷',
  read: 'disputes.read',
  ledger: 'disputes',
  index: 'disputes_search',
  number: { column: 'dispute_no', prefix: 'JF' },
  texts: ['summary'],
  people: PARTIES,
  scope: 'r.township_code LIKE @scopePrefix',
};
