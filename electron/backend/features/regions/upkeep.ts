import type { z } from 'zod';
import type { countySetUpInput, Region, regionCreateInput } from '../../../../shared/contract/regions';
import { childCodeProblem, countyCodeOf, levelOfCode } from '../../../../shared/domain/regions';
import { AppError } from '../../../../shared/errors';
import { invalidField } from '../../api/problems';
import type { HandlerContext } from '../../api/types';
import { findCounty } from '../../db/county';
import { audited } from '../../audit/writer';
import { findRegion, inSubtree } from './repo';
import { qb } from '../../db/sql';

/**
 * The administrator keeps the county's regions (基础数据): sets up the county, adds townships,
 * villages and grids under it with codes checked against their parent, renames and disables them.
 * Nothing is deleted: a disabled region stays for the records that name it. Every change is audited.
 */

export const regionOrThrow = (ctx: HandlerContext, code: string): Region => {
  const region = findRegion(ctx.sql, code, null);
  if (!region) throw new AppError('NOT_FOUND', `未找到区划代码为 ${code} 的行政区划，请刷新后重试。`);
  return region;
};

export function setUpCounty(ctx: HandlerContext, input: z.output<typeof countySetUpInput>): Region {
  const code = countyCodeOf(input.divisionCode);
  const county = findCounty(ctx.sql);
  if (county && county.code !== code) {
    invalidField(
      'divisionCode',
      `本系统已设置为 ${county.name}（${county.code.slice(0, 6)}），区划代码不能更改；只可修改县名。`,
    );
  }
  audited(ctx, { action: 'regions.setUpCounty', entity: 'region', entityId: code, fields: ['name'] }, () => {
    if (county) ctx.sql.prepare('UPDATE regions SET name = ? WHERE code = ?').run(input.name, code);
    else {
      ctx.sql
        .prepare("INSERT INTO regions (code, name, level, parent_code, sort) VALUES (?, ?, 'county', NULL, 0)")
        .run(code, input.name);
    }
  });
  return regionOrThrow(ctx, code);
}

/** No other region under `parentCode` has `name`; `path` names the field the refusal marks. */
export function assertNameFree(
  ctx: HandlerContext,
  parentCode: string,
  name: string,
  path = 'name',
  except?: string,
): void {
  const twin = ctx.sql
    .prepare('SELECT code FROM regions WHERE parent_code = ? AND name = ? AND code IS NOT ?')
    .get(parentCode, name, except ?? null) as { code: string } | undefined;
  if (twin) invalidField(path, `同一上级下已有名为“${name}”的区划（代码 ${twin.code}），请换一个名称。`);
}

export function createRegion(ctx: HandlerContext, input: z.output<typeof regionCreateInput>): Region {
  const parent = regionOrThrow(ctx, input.parentCode);
  if (!parent.enabled) invalidField('parentCode', `上级“${parent.name}”已停用，不能在其下新增区划；请先重新启用它。`);
  const problem = childCodeProblem(parent.code, input.code);
  if (problem) invalidField('code', problem);
  const taken = findRegion(ctx.sql, input.code, null);
  if (taken) invalidField('code', `代码 ${input.code} 已被“${taken.name}”使用，请核对代码。`);
  assertNameFree(ctx, parent.code, input.name);
  audited(ctx, { action: 'regions.create', entity: 'region', entityId: input.code, fields: ['code', 'name'] }, () => {
    ctx.sql
      .prepare(
        `INSERT INTO regions (code, name, level, parent_code, sort)
         VALUES (?, ?, ?, ?, (SELECT coalesce(max(sort), 0) + 1 FROM regions WHERE parent_code = ?))`,
      )
      .run(input.code, input.name, levelOfCode(input.code), parent.code, parent.code);
  });
  return regionOrThrow(ctx, input.code);
}

export function renameRegion(ctx: HandlerContext, code: string, name: string): Region {
  const region = regionOrThrow(ctx, code);
  if (region.level === 'county') return setUpCounty(ctx, { divisionCode: code.slice(0, 6), name });
  if (region.name === name) return region;
  assertNameFree(ctx, region.parentCode!, name, 'name', code);
  audited(ctx, { action: 'regions.rename', entity: 'region', entityId: code, fields: ['name'] }, () => {
    ctx.sql.prepare('UPDATE regions SET name = ? WHERE code = ?').run(name, code);
  });
  return regionOrThrow(ctx, code);
}

/**
 * Disabling takes the region's whole subtree out of use (a village of a disabled township is not
 * offered either); enabling brings back only the region itself, under an enabled parent.
 */
export function setRegionEnabled(ctx: HandlerContext, code: string, enabled: boolean): Region {
  const region = regionOrThrow(ctx, code);
  if (region.level === 'county') invalidField('code', '本县不能停用。');
  if (region.enabled === enabled) return region;
  if (enabled) {
    const parent = regionOrThrow(ctx, region.parentCode!);
    if (!parent.enabled) invalidField('code', `上级“${parent.name}”已停用，请先启用上级。`);
  }
  const action = enabled ? 'regions.enable' : 'regions.disable';
  audited(ctx, { action, entity: 'region', entityId: code, fields: ['disabledAt'] }, () => {
    if (enabled) ctx.sql.prepare('UPDATE regions SET disabled_at = NULL WHERE code = ?').run(code);
    else {
      ctx.sql.run(
        qb
          .updateTable('regions as r')
          .set({ disabled_at: ctx.now().toISOString() })
          .where('r.disabled_at', 'is', null)
          .where((eb) => inSubtree(eb, code)),
      );
    }
  });
  return regionOrThrow(ctx, code);
}
