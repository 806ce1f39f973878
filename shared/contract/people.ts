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
  /** Masked (`138****5678`); the full number is revealed with a stated reason. Empty when unknown. */
  phoneMasked: string;
  enabled: boolean;
}

export const peopleListInput = z
  .object({
    role: z.enum(PERSON_ROLES).optional(),
    unitId: z.uuid({ error: '单位编号格式不正确' }).optional(),
    keyword: keywordField,
    /** Disabled people too (the administrator's list); pickers offer only those in use. */
    includeDisabled: z.boolean().default(false),
    ...pageFields,
  })
  .strict();

const personId = z.uuid({ error: '人员编号格式不正确' });

const phone = z
  .string()
  .trim()
  .regex(/^(1\d{10}|0\d{2,3}-?\d{7,8}|)$/, { error: '电话应为 11 位手机号或带区号的固定电话，如 0371-12345678' });

export const personFields = {
  name: z
    .string({ error: '请填写姓名' })
    .trim()
    .min(2, { error: '请填写姓名' })
    .max(20, { error: '姓名不超过 20 个字' }),
  title: z
    .string({ error: '请填写职务' })
    .trim()
    .min(1, { error: '请填写职务' })
    .max(60, { error: '职务不超过 60 个字' }),
  role: z.enum(PERSON_ROLES, { error: '请选择是包案领导还是责任人' }),
  unitId: z.uuid({ error: '请选择所在单位' }),
  phone: phone.default(''),
};

export const personCreateInput = z.object(personFields).strict();
/** On update, a missing phone keeps the stored one (the screens only ever see it masked); '' clears it. */
export const personUpdateInput = z.object({ id: personId, ...personFields, phone: phone.optional() }).strict();

export const peopleContract = {
  'people.list': defineMethod<Page<Person>>()({
    input: peopleListInput,
    access: 'reference.read',
    summary: '分页列出领导与责任人',
  }),
  'people.get': defineMethod<Person>()({
    input: z.object({ id: personId }).strict(),
    access: 'reference.read',
    summary: '查询一位领导或责任人',
  }),
  'people.create': defineMethod<Person>()({
    input: personCreateInput,
    access: 'reference.manage',
    summary: '新增包案领导或责任人（职务、单位、电话）',
  }),
  'people.update': defineMethod<Person>()({
    input: personUpdateInput,
    access: 'reference.manage',
    summary: '修改领导或责任人的信息',
  }),
  'people.setEnabled': defineMethod<Person>()({
    input: z.object({ id: personId, enabled: z.boolean() }).strict(),
    access: 'reference.manage',
    summary: '停用或重新启用领导、责任人（调离后停用，已有记录不变）',
  }),
};
