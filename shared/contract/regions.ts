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
}

const regionCode = z.string().regex(/^\d{12}(\d{3})?$/, { error: '区划代码应为 12 位数字（网格为 15 位），请检查' });

export const regionsListInput = z
  .object({
    parentCode: regionCode.optional(),
    level: z.enum(REGION_LEVELS).optional(),
    keyword: keywordField,
    ...pageFields,
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
};
