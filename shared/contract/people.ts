import { z } from 'zod';
import { defineMethod, keywordField, pageFields, type Page } from './define';

export const PERSON_ROLES = ['leader', 'responsible'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];
export const PERSON_ROLE_LABELS: Record<PersonRole, string> = {
  leader: '包案/包保领导',
  responsible: '责任人',
};

/** A responsible leader (包案领导) or working-level responsible person (责任人). */
export interface Person {
  id: string;
  name: string;
  /** Post, e.g. 县委常委、政法委书记. */
  title: string;
  role: PersonRole;
  unitId: string;
  unitName: string;
}

export const peopleListInput = z
  .object({
    role: z.enum(PERSON_ROLES).optional(),
    unitId: z.uuid({ error: '单位编号格式不正确' }).optional(),
    keyword: keywordField,
    ...pageFields,
  })
  .strict();

export const peopleContract = {
  'people.list': defineMethod<Page<Person>>()({
    input: peopleListInput,
    access: 'reference.read',
    summary: '分页列出领导与责任人',
  }),
  'people.get': defineMethod<Person>()({
    input: z.object({ id: z.uuid({ error: '人员编号格式不正确' }) }).strict(),
    access: 'reference.read',
    summary: '查询一位领导或责任人',
  }),
};
