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
}

export const unitsListInput = z
  .object({
    kind: z.string().max(40).optional(),
    keyword: keywordField,
    ...pageFields,
  })
  .strict();

export const unitsContract = {
  'units.list': defineMethod<Page<Unit>>()({
    input: unitsListInput,
    access: 'reference.read',
    summary: '分页列出承办单位',
  }),
  'units.get': defineMethod<Unit>()({
    input: z.object({ id: z.uuid({ error: '单位编号格式不正确' }) }).strict(),
    access: 'reference.read',
    summary: '查询一个承办单位',
  }),
};
