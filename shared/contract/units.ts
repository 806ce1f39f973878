import { z } from 'zod';
import { defineMethod, keywordField, pageFields, type Page } from './define';

/** A handling unit (承办单位): a township government or a county department. */
export interface Unit {
  id: string;
  code: string;
  name: string;
  /** Code in the `unit_kind` dictionary. */
  kind: string;
  /** The township a township government belongs to; null for county-level units. */
  regionCode: string | null;
  /** False once disabled: kept for the records that name it, no longer offered for new ones. */
  enabled: boolean;
}

/** The `unit_kind` entry of a township government (乡镇人民政府/街道办事处): it must name its township. */
export const TOWNSHIP_GOVERNMENT = 'township_government';

export const unitsListInput = z
  .object({
    kind: z.string().max(40).optional(),
    keyword: keywordField,
    /** Disabled units too (the administrator's list); pickers offer only those in use. */
    includeDisabled: z.boolean().default(false),
    ...pageFields,
  })
  .strict();

const unitId = z.uuid({ error: '单位编号格式不正确' });

/** A unit's fields as the administrator enters them. */
export const unitFields = {
  code: z
    .string({ error: '请填写单位代码' })
    .trim()
    .regex(/^[0-9A-Za-z-]{1,24}$/, { error: '单位代码为 1–24 位字母、数字或连字符，如统一社会信用代码或本县自编代码' }),
  name: z
    .string({ error: '请填写单位名称' })
    .trim()
    .min(2, { error: '请填写单位名称' })
    .max(60, { error: '单位名称不超过 60 个字' }),
  kind: z.string({ error: '请选择单位类别' }).min(1, { error: '请选择单位类别' }).max(40),
  regionCode: z
    .string()
    .regex(/^\d{12}$/, { error: '所属乡镇代码应为 12 位数字' })
    .nullable()
    .default(null),
};

export const unitCreateInput = z.object(unitFields).strict();
export const unitUpdateInput = z.object({ id: unitId, ...unitFields }).strict();

export const unitsContract = {
  'units.list': defineMethod<Page<Unit>>()({
    input: unitsListInput,
    access: 'reference.read',
    summary: '分页列出承办单位',
  }),
  'units.get': defineMethod<Unit>()({
    input: z.object({ id: unitId }).strict(),
    access: 'reference.read',
    summary: '查询一个承办单位',
  }),
  'units.create': defineMethod<Unit>()({
    input: unitCreateInput,
    access: 'reference.manage',
    summary: '新增承办单位（代码、名称唯一；乡镇政府须指明所属乡镇）',
  }),
  'units.update': defineMethod<Unit>()({
    input: unitUpdateInput,
    access: 'reference.manage',
    summary: '修改承办单位',
  }),
  'units.setEnabled': defineMethod<Unit>()({
    input: z.object({ id: unitId, enabled: z.boolean() }).strict(),
    access: 'reference.manage',
    summary: '停用或重新启用承办单位（停用后不再供新记录选用，已有记录不变）',
  }),
};
