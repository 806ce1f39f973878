import type { HazardDetail } from '../../../../shared/contract/hazards';
import type { HandlerContext } from '../../api/types';
import { clockOf } from '../../ledger/clock';
import { assertDictEntry, assertRegion, assertTownship } from '../../ledger/references';
import { recordInScope } from '../../ledger/write';
import { findHazardDetail } from './detail';
import type { HazardTableRow } from './repo';
import { hazardStore } from './store';

/** Helpers every hazard write shares: scope, reference checks, events. */

/** A hazard outside the user's township is reported as not found, as a petition case is. */
export const hazardInScope = (ctx: HandlerContext, id: string): HazardTableRow => recordInScope(ctx, hazardStore, id);

export const detailOf = (ctx: HandlerContext, id: string): HazardDetail => findHazardDetail(ctx.sql, id, clockOf(ctx))!;

export const hazardEntity = (id: string) => ({ entity: 'hazard', entityId: id });

/**
 * The township in scope, the village in it and the grid in the village, each in use unless the
 * hazard already names it (`kept`, on a correction).
 */
export function assertLocation(
  ctx: HandlerContext,
  location: { townshipCode: string; villageCode: string | null; gridCode: string | null },
  kept?: HazardTableRow,
): void {
  assertTownship(ctx, location.townshipCode, '风险隐患', 'townshipCode', kept?.township_code);
  assertRegion(ctx, location.villageCode, 'villageCode', 'village', location.townshipCode, kept?.village_code);
  assertRegion(ctx, location.gridCode, 'gridCode', 'grid', location.villageCode, kept?.grid_code);
}

export const assertHazardCategory = (ctx: HandlerContext, category: string, kept?: string): void =>
  assertDictEntry(ctx, 'hazard_category', category, 'category', '隐患类别', kept);
