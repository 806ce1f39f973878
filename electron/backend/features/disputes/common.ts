import type { DisputeDetail } from '../../../../shared/contract/disputes';
import type { HandlerContext } from '../../api/types';
import { assertDictEntry, assertRegion, assertTownship } from '../../ledger/references';
import { clockOf } from '../../ledger/clock';
import { recordInScope } from '../../ledger/write';
import { findDisputeDetail } from './detail';
import type { DisputeTableRow } from './repo';
import { disputeStore } from './store';

/** Helpers every dispute write shares: scope, reference checks. */

export const disputeInScope = (ctx: HandlerContext, id: string): DisputeTableRow =>
  recordInScope(ctx, disputeStore, id);

export const detailOf = (ctx: HandlerContext, id: string): DisputeDetail =>
  findDisputeDetail(ctx.sql, id, clockOf(ctx))!;

export const disputeEntity = (id: string) => ({ entity: 'dispute', entityId: id });

/** The category, the township in scope, the village in it and the grid in the village. */
export function assertReferences(
  ctx: HandlerContext,
  draft: { category: string; townshipCode: string; villageCode: string | null; gridCode: string | null },
  kept?: DisputeTableRow,
): void {
  assertDictEntry(ctx, 'dispute_category', draft.category, 'category', '纠纷类别', kept?.category);
  assertTownship(ctx, draft.townshipCode, '矛盾纠纷', 'townshipCode', kept?.township_code);
  assertRegion(ctx, draft.villageCode, 'villageCode', 'village', draft.townshipCode, kept?.village_code);
  assertRegion(ctx, draft.gridCode, 'gridCode', 'grid', draft.villageCode, kept?.grid_code);
}
