import { inScope } from '../../../shared/domain/scope';
import { AppError } from '../../../shared/errors';
import { invalidField } from '../api/problems';
import { principalOf, type HandlerContext } from '../api/types';
import { qb } from '../db/sql';

/**
 * Checks that a record's references exist, each refusal naming the field and what to do. The
 * ledgers' forms send ids and codes chosen from lists; these catch a stale list or a forged call.
 */

/** The township exists and lies in the user's scope; `noun` names the ledger's records in the refusal. */
export function assertTownship(ctx: HandlerContext, code: string, noun: string, path = 'townshipCode'): void {
  const township = ctx.sql.get(
    qb.selectFrom('regions').select('code').where('code', '=', code).where('level', '=', 'township'),
  );
  if (!township) invalidField(path, '所选乡镇/街道不存在，请重新选择。');
  if (!inScope(principalOf(ctx).regionCode, code)) {
    throw new AppError('FORBIDDEN', `您只能登记和办理本辖区的${noun}。`, [{ path, message: '超出您的辖区' }]);
  }
}

/** A region below a township (village, grid) exists. */
export function assertRegion(ctx: HandlerContext, code: string | null | undefined, path: string, label: string): void {
  if (code && !ctx.sql.get(qb.selectFrom('regions').select('code').where('code', '=', code))) {
    invalidField(path, `所选${label}不存在，请重新选择。`);
  }
}

/** An entry of a dictionary (`petition_category`, `hazard_category` …); `label` names the field. */
export function assertDictEntry(
  ctx: HandlerContext,
  dict: string,
  code: string | null | undefined,
  path: string,
  label: string,
): void {
  if (!code) return;
  const entry = ctx.sql.get(
    qb.selectFrom('dict_entries').select('code').where('dict_code', '=', dict).where('code', '=', code),
  );
  if (!entry) invalidField(path, `所选${label}不在字典中，请重新选择。`);
}

export function assertUnit(ctx: HandlerContext, unitId: string | null | undefined, path: string, label: string): void {
  if (unitId && !ctx.sql.get(qb.selectFrom('units').select('id').where('id', '=', unitId))) {
    invalidField(path, `所选${label}不存在，请重新选择。`);
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
  if (!person)
    invalidField(path, role === 'leader' ? '所选包案领导不存在，请重新选择。' : '所选责任人不存在，请重新选择。');
}
