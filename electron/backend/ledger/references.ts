import { REGION_LEVEL_LABELS, type RegionLevel } from '../../../shared/domain/regions';
import { inScope } from '../../../shared/domain/scope';
import { AppError } from '../../../shared/errors';
import { invalidField } from '../api/problems';
import { principalOf, type HandlerContext } from '../api/types';
import { qb } from '../db/sql';

/**
 * Checks that a record's references exist and are in use, each refusal naming the field and what
 * to do. The ledgers' forms send ids and codes chosen from lists; these catch a stale list or a
 * forged call. A disabled entry (a merged township, a unit that no longer exists) is refused for a
 * new choice; `kept`, the value the record already holds, stays allowed, so a record that names a
 * disabled entry can still be corrected in its other fields.
 */

/** A reference found, with whether it is still in use. */
interface Found {
  name: string;
  disabled: boolean;
}

function assertInUse(found: Found | undefined, path: string, label: string, noun: string, kept: boolean): void {
  if (!found) return invalidField(path, `所选${label}不存在，请重新选择。`);
  if (found.disabled && !kept) invalidField(path, `${label}“${found.name}”已停用，请选择在用的${noun}。`);
}

function findRegion(ctx: HandlerContext, code: string, level?: RegionLevel): Found | undefined {
  let query = qb.selectFrom('regions').select(['name', 'disabled_at']).where('code', '=', code);
  if (level) query = query.where('level', '=', level);
  const row = ctx.sql.get(query);
  return row && { name: row.name, disabled: row.disabled_at !== null };
}

/** The township exists, is in use and lies in the user's scope; `noun` names the ledger's records in the refusal. */
export function assertTownship(
  ctx: HandlerContext,
  code: string,
  noun: string,
  path = 'townshipCode',
  kept?: string | null,
): void {
  const label = REGION_LEVEL_LABELS.township;
  assertInUse(findRegion(ctx, code, 'township'), path, label, label, code === kept);
  if (!inScope(principalOf(ctx).regionCode, code)) {
    throw new AppError('FORBIDDEN', `您只能登记和办理本辖区的${noun}。`, [{ path, message: '超出您的辖区' }]);
  }
}

/**
 * A region below a township (village, grid) exists, is in use and lies directly under `parentCode`
 * (a moved village keeps its code, so the parent is the recorded one, not the one its code spells).
 */
export function assertRegion(
  ctx: HandlerContext,
  code: string | null | undefined,
  path: string,
  level: 'village' | 'grid',
  parentCode: string | null,
  kept?: string | null,
): void {
  if (!code) return;
  const label = REGION_LEVEL_LABELS[level];
  assertInUse(findRegion(ctx, code, level), path, label, label, code === kept);
  const parent = ctx.sql.get(qb.selectFrom('regions').select('parent_code').where('code', '=', code));
  if (parentCode && parent?.parent_code !== parentCode) {
    invalidField(path, `所选“${label}”不属于所选${REGION_LEVEL_LABELS[level === 'grid' ? 'village' : 'township']}。`);
  }
}

/** An entry of a dictionary (`petition_category`, `hazard_category` …); `label` names the field. */
export function assertDictEntry(
  ctx: HandlerContext,
  dict: string,
  code: string | null | undefined,
  path: string,
  label: string,
  kept?: string | null,
): void {
  if (!code) return;
  const entry = ctx.sql.get(
    qb.selectFrom('dict_entries').select(['label', 'enabled']).where('dict_code', '=', dict).where('code', '=', code),
  );
  if (!entry) return invalidField(path, `所选${label}不在字典中，请重新选择。`);
  assertInUse({ name: entry.label, disabled: !entry.enabled }, path, label, '选项', code === kept);
}

export function assertUnit(
  ctx: HandlerContext,
  unitId: string | null | undefined,
  path: string,
  label: string,
  kept?: string | null,
): void {
  if (!unitId) return;
  const unit = ctx.sql.get(qb.selectFrom('units').select(['name', 'disabled_at']).where('id', '=', unitId));
  assertInUse(unit && { name: unit.name, disabled: unit.disabled_at !== null }, path, label, '单位', unitId === kept);
}

export function assertPerson(
  ctx: HandlerContext,
  personId: string | null | undefined,
  role: 'leader' | 'responsible',
  path: string,
  kept?: string | null,
): void {
  if (!personId) return;
  const person = ctx.sql.get(
    qb.selectFrom('people').select(['name', 'disabled_at']).where('id', '=', personId).where('role', '=', role),
  );
  const found = person && { name: person.name, disabled: person.disabled_at !== null };
  assertInUse(found, path, role === 'leader' ? '包案领导' : '责任人', '人员', personId === kept);
}
