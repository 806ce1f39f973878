import type { z } from 'zod';
import { v7 as uuidv7 } from 'uuid';
import { TOWNSHIP_GOVERNMENT, type Unit, type unitCreateInput } from '../../../../shared/contract/units';
import { AppError } from '../../../../shared/errors';
import { invalidField } from '../../api/problems';
import type { HandlerContext } from '../../api/types';
import { audited } from '../../audit/writer';
import { findUnit } from './repo';

/**
 * The administrator keeps the handling units (承办单位): code and name unique, the kind from the
 * `unit_kind` dictionary, a township government tied to its township. A unit is disabled, never
 * deleted: its cases and people keep naming it.
 */
type UnitFields = z.output<typeof unitCreateInput>;

function unitOrThrow(ctx: HandlerContext, id: string): Unit {
  const unit = findUnit(ctx.sql, id);
  if (!unit) throw new AppError('NOT_FOUND', '未找到该承办单位，请刷新后重试。');
  return unit;
}

function checkFields(ctx: HandlerContext, fields: UnitFields, id: string | null): void {
  const kind = ctx.sql
    .prepare("SELECT label FROM dict_entries WHERE dict_code = 'unit_kind' AND code = ? AND enabled = 1")
    .get(fields.kind);
  if (!kind) invalidField('kind', '单位类别不在“单位类别”字典中，请从列表选择。');
  if (fields.kind === TOWNSHIP_GOVERNMENT && !fields.regionCode) {
    invalidField('regionCode', '乡镇人民政府/街道办事处须选择所属乡镇（街道）。');
  }
  if (fields.regionCode) {
    const township = ctx.sql
      .prepare("SELECT 1 FROM regions WHERE code = ? AND level = 'township' AND disabled_at IS NULL")
      .get(fields.regionCode);
    if (!township) invalidField('regionCode', '所属乡镇不存在或已停用，请从列表选择。');
  }
  for (const [column, label] of [
    ['code', '单位代码'],
    ['name', '单位名称'],
  ] as const) {
    const twin = ctx.sql
      .prepare(`SELECT name FROM units WHERE ${column} = ? AND id IS NOT ?`)
      .get(fields[column], id) as { name: string } | undefined;
    if (twin) invalidField(column, `${label}“${fields[column]}”已被“${twin.name}”使用，请核对。`);
  }
}

const row = (fields: UnitFields) => ({
  code: fields.code,
  name: fields.name,
  kind: fields.kind,
  region_code: fields.regionCode,
});

export function createUnit(ctx: HandlerContext, fields: UnitFields): Unit {
  checkFields(ctx, fields, null);
  const id = uuidv7();
  audited(ctx, { action: 'units.create', entity: 'unit', entityId: id, fields: Object.keys(fields) }, () => {
    ctx.sql
      .prepare(
        `INSERT INTO units (id, code, name, kind, region_code, sort)
         VALUES (@id, @code, @name, @kind, @region_code, (SELECT coalesce(max(sort), 0) + 1 FROM units))`,
      )
      .run({ id, ...row(fields) });
  });
  return unitOrThrow(ctx, id);
}

export function updateUnit(ctx: HandlerContext, id: string, fields: UnitFields): Unit {
  const before = unitOrThrow(ctx, id);
  checkFields(ctx, fields, id);
  const changed = (Object.keys(fields) as (keyof UnitFields)[]).filter((key) => before[key] !== fields[key]);
  if (changed.length === 0) return before;
  audited(ctx, { action: 'units.update', entity: 'unit', entityId: id, fields: changed }, () => {
    ctx.sql
      .prepare('UPDATE units SET code = @code, name = @name, kind = @kind, region_code = @region_code WHERE id = @id')
      .run({ id, ...row(fields) });
  });
  return unitOrThrow(ctx, id);
}

export function setUnitEnabled(ctx: HandlerContext, id: string, enabled: boolean): Unit {
  const unit = unitOrThrow(ctx, id);
  if (unit.enabled === enabled) return unit;
  const action = enabled ? 'units.enable' : 'units.disable';
  audited(ctx, { action, entity: 'unit', entityId: id, fields: ['disabledAt'] }, () => {
    ctx.sql.prepare('UPDATE units SET disabled_at = ? WHERE id = ?').run(enabled ? null : ctx.now().toISOString(), id);
  });
  return unitOrThrow(ctx, id);
}
