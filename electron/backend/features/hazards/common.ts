import { v7 as uuidv7 } from 'uuid';
import type { HazardDetail } from '../../../../shared/contract/hazards';
import { inScope } from '../../../../shared/domain/scope';
import { AppError } from '../../../../shared/errors';
import { invalidField } from '../../api/problems';
import { principalOf, type HandlerContext } from '../../api/types';
import type { Schema } from '../../db/schema';
import { qb } from '../../db/sql';
import { assertTownship } from '../../ledger/references';
import { clockOf } from '../../ledger/clock';
import { findHazardDetail } from './detail';
import { findHazard, type HazardTableRow } from './repo';

/** Helpers every hazard write shares: scope, reference checks, events. */

/** A hazard outside the user's township is reported as not found, as a petition case is. */
export function hazardInScope(ctx: HandlerContext, id: string): HazardTableRow {
  const row = findHazard(ctx.sql, id);
  if (!row || !inScope(principalOf(ctx).regionCode, row.township_code)) {
    throw new AppError('NOT_FOUND', '未找到该风险隐患，可能不在您的辖区内，请刷新后重试。');
  }
  return row;
}

export const detailOf = (ctx: HandlerContext, id: string): HazardDetail => findHazardDetail(ctx.sql, id, clockOf(ctx))!;

export const hazardEntity = (id: string) => ({ entity: 'hazard', entityId: id });

/** The township in scope, and the village and grid (already checked by the domain to nest) exist. */
export function assertLocation(
  ctx: HandlerContext,
  location: { townshipCode: string; villageCode: string | null; gridCode: string | null },
): void {
  assertTownship(ctx, location.townshipCode, '风险隐患');
  const exists = (code: string) => ctx.sql.get(qb.selectFrom('regions').select('code').where('code', '=', code));
  if (location.villageCode && !exists(location.villageCode)) {
    invalidField('villageCode', '所选村/社区不存在，请重新选择。');
  }
  if (location.gridCode && !exists(location.gridCode)) invalidField('gridCode', '所选网格不存在，请重新选择。');
}

export function assertHazardCategory(ctx: HandlerContext, category: string): void {
  const entry = ctx.sql.get(
    qb
      .selectFrom('dict_entries')
      .select('code')
      .where('dict_code', '=', 'hazard_category')
      .where('code', '=', category),
  );
  if (!entry) invalidField('category', '所选隐患类别不在字典中，请重新选择。');
}

export function addHazardEvent(
  ctx: HandlerContext,
  event: Omit<Schema['hazard_events'], 'id' | 'by_user' | 'at'>,
): void {
  ctx.sql.run(
    qb
      .insertInto('hazard_events')
      .values({ id: uuidv7(), ...event, by_user: principalOf(ctx).userId, at: ctx.now().toISOString() }),
  );
}
