import { z } from 'zod';
import { REGION_LEVELS, type RegionLevel } from '../domain/regions';
import { defineMethod, keywordField, pageFields, type Page } from './define';

export interface Region {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
  /** Number of regions directly below this one. */
  childCount: number;
  /** False once disabled: kept for the records that name it, no longer offered for new ones. */
  enabled: boolean;
}

/** What moves with a region when it is moved or merged: its child regions and what names it. */
export interface RegionImpact {
  region: Region;
  /** One line per kind (下级区划, 信访积案, 风险隐患 …), in the confirmation's order. */
  references: Array<{ noun: string; count: number }>;
}

const regionCode = z.string().regex(/^\d{12}(\d{3})?$/, { error: '区划代码应为 12 位数字（网格为 15 位），请检查' });

export const regionsListInput = z
  .object({
    parentCode: regionCode.optional(),
    level: z.enum(REGION_LEVELS).optional(),
    keyword: keywordField,
    /** Disabled regions too (the administrator's list); pickers offer only those in use. */
    includeDisabled: z.boolean().default(false),
    ...pageFields,
  })
  .strict();

const regionName = z
  .string({ error: '请填写名称' })
  .trim()
  .min(1, { error: '请填写名称' })
  .max(40, { error: '名称不超过 40 个字' });

export const regionCreateInput = z.object({ parentCode: regionCode, code: regionCode, name: regionName }).strict();
export const countySetUpInput = z
  .object({
    divisionCode: z.string().regex(/^\d{6}$/, { error: '县级行政区划代码应为 6 位数字，如 410102' }),
    name: regionName,
  })
  .strict();

export const regionsContract = {
  'regions.list': defineMethod<Page<Region>>()({
    input: regionsListInput,
    access: 'reference.read',
    summary: '按上级、层级或名称分页列出行政区划（限本人辖区）',
  }),
  'regions.get': defineMethod<Region>()({
    input: z.object({ code: regionCode }).strict(),
    access: 'reference.read',
    summary: '按代码查询一个行政区划（限本人辖区）',
  }),
  'regions.setUpCounty': defineMethod<Region>()({
    input: countySetUpInput,
    access: 'reference.manage',
    summary: '设置本县（县名与 6 位区划代码）；已设置时只可改名',
  }),
  'regions.create': defineMethod<Region>()({
    input: regionCreateInput,
    access: 'reference.manage',
    summary: '在上级区划下新增乡镇/街道、村/社区或网格（代码按上级校验）',
  }),
  'regions.rename': defineMethod<Region>()({
    input: z.object({ code: regionCode, name: regionName }).strict(),
    access: 'reference.manage',
    summary: '修改行政区划名称',
  }),
  'regions.impact': defineMethod<RegionImpact>()({
    input: z.object({ code: regionCode }).strict(),
    access: 'reference.manage',
    summary: '移动或合并前，统计将随该区划一并变动的下级区划与记录',
  }),
  'regions.move': defineMethod<Region>()({
    input: z.object({ code: regionCode, parentCode: regionCode }).strict(),
    access: 'reference.manage',
    summary: '把村/社区移到另一乡镇/街道、把网格移到另一村/社区（代码不变，记录随之）',
  }),
  'regions.merge': defineMethod<Region>()({
    input: z.object({ code: regionCode, targetCode: regionCode }).strict(),
    access: 'reference.manage',
    summary: '把一个区划并入同一层级的另一个：下级区划与记录全部移入目标，被并入的停用保留',
  }),
  'regions.setEnabled': defineMethod<Region>()({
    input: z.object({ code: regionCode, enabled: z.boolean() }).strict(),
    access: 'reference.manage',
    summary: '停用或重新启用行政区划（停用后不再供新记录选用，已有记录不变）',
  }),
};
