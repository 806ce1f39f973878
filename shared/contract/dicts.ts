import { z } from 'zod';
import { defineMethod, noInput } from './define';

export interface DictEntry {
  code: string;
  label: string;
  sort: number;
  enabled: boolean;
}

export interface DictionarySummary {
  code: string;
  name: string;
  entryCount: number;
}

export interface Dictionary {
  code: string;
  name: string;
  entries: DictEntry[];
}

const dictCode = z.string().regex(/^[a-z_]{1,40}$/, { error: '字典代码只能含小写字母和下划线' });

export const dictEntryInput = z
  .object({
    dictCode,
    code: z
      .string({ error: '请填写条目代码' })
      .trim()
      .regex(/^[a-z0-9_]{1,40}$/, { error: '条目代码为 1–40 位小写字母、数字或下划线，如 land_requisition' }),
    label: z
      .string({ error: '请填写名称' })
      .trim()
      .min(1, { error: '请填写名称' })
      .max(40, { error: '名称不超过 40 个字' }),
  })
  .strict();

export const dictsContract = {
  'dicts.list': defineMethod<DictionarySummary[]>()({
    input: noInput,
    access: 'reference.read',
    summary: '列出全部字典',
  }),
  'dicts.get': defineMethod<Dictionary>()({
    input: z.object({ code: dictCode }).strict(),
    access: 'reference.read',
    summary: '查询一个字典及其条目',
  }),
  'dicts.addEntry': defineMethod<Dictionary>()({
    input: dictEntryInput,
    access: 'reference.manage',
    summary: '向字典新增一个条目（代码在该字典内唯一）',
  }),
  'dicts.renameEntry': defineMethod<Dictionary>()({
    input: dictEntryInput,
    access: 'reference.manage',
    summary: '修改字典条目的名称（代码不变，已有记录随之显示新名称）',
  }),
  'dicts.setEntryEnabled': defineMethod<Dictionary>()({
    input: z.object({ dictCode, code: z.string().min(1).max(40), enabled: z.boolean() }).strict(),
    access: 'reference.manage',
    summary: '停用或重新启用字典条目（停用后不再供新记录选用）',
  }),
};
