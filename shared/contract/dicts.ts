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

export const dictsContract = {
  'dicts.list': defineMethod<DictionarySummary[]>()({
    input: noInput,
    access: 'reference.read',
    summary: '列出全部字典',
  }),
  'dicts.get': defineMethod<Dictionary>()({
    input: z.object({ code: z.string().regex(/^[a-z_]{1,40}$/, { error: '字典代码只能含小写字母和下划线' }) }).strict(),
    access: 'reference.read',
    summary: '查询一个字典及其条目',
  }),
};
