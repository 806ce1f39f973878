import { v7 as uuidv7 } from 'uuid';
import type { PetitionDetail } from '../../../../shared/contract/petitions';
import { AppError } from '../../../../shared/errors';
import { inScope } from '../../../../shared/domain/scope';
import { countyDate } from '../../../../shared/domain/time';
import { principalOf, type HandlerContext } from '../../api/types';
import type { Schema } from '../../db/schema';
import { qb } from '../../db/sql';
import { findDetail, findPetition, type CaseClock, type PetitionTableRow } from './repo';

/** Helpers every petition write shares: today's county date, scope, reference checks, events. */
export const todayOf = (ctx: HandlerContext): string => countyDate(ctx.now());

/** A case outside the user's township is reported as not found, as for accounts. */
export function caseInScope(ctx: HandlerContext, id: string): PetitionTableRow {
  const row = findPetition(ctx.sql, id);
  if (!row || !inScope(principalOf(ctx).regionCode, row.township_code)) {
    throw new AppError('NOT_FOUND', '未找到该积案，可能不在您的辖区内，请刷新后重试。');
  }
  return row;
}

/** The county's date and the administrator's 临期 days: what deadline stages are computed against. */
export const clockOf = (ctx: HandlerContext): CaseClock => ({
  today: todayOf(ctx),
  dueSoonDays: ctx.settings.work.dueSoonDays,
});

export const detailOf = (ctx: HandlerContext, id: string): PetitionDetail => findDetail(ctx.sql, id, clockOf(ctx))!;

const invalid = (path: string, message: string): never => {
  throw new AppError('VALIDATION', message, [{ path, message }]);
};

/** The township exists and lies in the user's scope; `noun` names the ledger's records in the refusal. */
export function assertTownship(ctx: HandlerContext, code: string, noun = '积案'): void {
  const township = ctx.sql.get(
    qb.selectFrom('regions').select('code').where('code', '=', code).where('level', '=', 'township'),
  );
  if (!township) invalid('townshipCode', '所选乡镇/街道不存在，请重新选择。');
  if (!inScope(principalOf(ctx).regionCode, code)) {
    throw new AppError('FORBIDDEN', `您只能登记和办理本辖区的${noun}。`, [
      { path: 'townshipCode', message: '超出您的辖区' },
    ]);
  }
}

export function assertCategory(ctx: HandlerContext, category: string | null | undefined, path = 'category'): void {
  if (!category) return;
  const entry = ctx.sql.get(
    qb
      .selectFrom('dict_entries')
      .select('code')
      .where('dict_code', '=', 'petition_category')
      .where('code', '=', category),
  );
  if (!entry) invalid(path, '所选问题分类不在字典中，请重新选择。');
}

export function assertUnit(ctx: HandlerContext, unitId: string | null | undefined): void {
  if (unitId && !ctx.sql.get(qb.selectFrom('units').select('id').where('id', '=', unitId))) {
    invalid('handlingUnitId', '所选承办单位不存在，请重新选择。');
  }
}

export function assertPerson(
  ctx: HandlerContext,
  personId: string | null | undefined,
  role: 'leader' | 'responsible',
  path: string,
): void {
  if (!personId) return;
  const person = ctx.sql.get(qb.selectFrom('people').select('id').where('id', '=', personId).where('role', '=', role));
  if (!person) invalid(path, role === 'leader' ? '所选包案领导不存在，请重新选择。' : '所选责任人不存在，请重新选择。');
}

type EventFields = Omit<
  Schema['petition_events'],
  'id' | 'by_user' | 'at' | 'reason' | 'action' | 'from_status' | 'to_status' | 'unit_id'
> &
  Partial<Pick<Schema['petition_events'], 'reason' | 'action' | 'from_status' | 'to_status' | 'unit_id'>>;

export function addEvent(ctx: HandlerContext, event: EventFields): void {
  ctx.sql.run(
    qb.insertInto('petition_events').values({
      id: uuidv7(),
      action: null,
      from_status: null,
      to_status: null,
      unit_id: null,
      reason: '',
      ...event,
      by_user: principalOf(ctx).userId,
      at: ctx.now().toISOString(),
    }),
  );
}

export const petitionEntity = (id: string) => ({ entity: 'petition', entityId: id });
