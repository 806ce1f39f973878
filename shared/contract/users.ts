import { z } from 'zod';
import { ROLES, type Role } from '../domain/roles';
import { displayNameField, passwordField, usernameField } from './auth';
import { defineMethod, keywordField, pageFields, type Page } from './define';

export interface UserAccount {
  id: string;
  username: string;
  displayName: string;
  unitId: string | null;
  unitName: string | null;
  regionCode: string | null;
  regionName: string | null;
  roles: Role[];
  /** Masked (`138****5678`); the full value only through personal.reveal. */
  phoneMasked: string | null;
  enabled: boolean;
  locked: boolean;
  mustChangePassword: boolean;
  passwordChangedAt: string;
  createdAt: string;
}

const id = z.uuid({ error: '账号编号格式不正确' });
const townshipCode = z.string().regex(/^\d{9}000$/, { error: '辖区应为乡镇/街道的 12 位区划代码' });
const roles = z
  .array(z.enum(ROLES))
  .min(1, { error: '至少选择一个角色' })
  .max(ROLES.length)
  .refine((list) => new Set(list).size === list.length, { error: '角色不能重复' });
const phone = z
  .string()
  .trim()
  .regex(/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/, { error: '电话应为 11 位手机号或带区号的固话' });

/**
 * An auditor's own username and password, typed by the auditor at the administrator's workstation,
 * for the changes that need it (shared/domain/auditor-confirmation.ts); absent otherwise.
 */
export const auditorConfirmationField = z
  .object({ username: z.string().trim().min(1).max(32), password: passwordField })
  .strict()
  .optional();

const accountFields = {
  displayName: displayNameField,
  unitId: id.nullable().default(null),
  regionCode: townshipCode.nullable().default(null),
  roles,
  phone: phone.nullable().default(null),
};

export const usersListInput = z
  .object({
    keyword: keywordField,
    role: z.enum(ROLES).optional(),
    enabled: z.boolean().optional(),
    ...pageFields,
  })
  .strict();

export const usersCreateInput = z
  .object({
    username: usernameField,
    password: passwordField,
    ...accountFields,
    auditorConfirmation: auditorConfirmationField,
  })
  .strict();
/** On update, a missing phone keeps the stored one (the renderer only ever sees it masked); null clears it. */
export const usersUpdateInput = z
  .object({ id, ...accountFields, phone: phone.nullable().optional(), auditorConfirmation: auditorConfirmationField })
  .strict();

export const usersContract = {
  'users.list': defineMethod<Page<UserAccount>>()({
    input: usersListInput,
    access: 'users.manage',
    summary: '分页列出账号',
  }),
  'users.get': defineMethod<UserAccount>()({
    input: z.object({ id }).strict(),
    access: 'users.manage',
    summary: '查询一个账号',
  }),
  'users.create': defineMethod<UserAccount>()({
    input: usersCreateInput,
    access: 'users.manage',
    summary: '新建账号（初始密码须在首次登录时修改；开通审计员须审计员确认）',
  }),
  'users.update': defineMethod<UserAccount>()({
    input: usersUpdateInput,
    access: 'users.manage',
    summary: '修改账号的姓名、单位、辖区、角色和电话（授予或取消审计员角色须审计员确认）',
  }),
  'users.setEnabled': defineMethod<UserAccount>()({
    input: z.object({ id, enabled: z.boolean(), auditorConfirmation: auditorConfirmationField }).strict(),
    access: 'users.manage',
    summary: '启用或停用账号（停用审计员须审计员确认）',
  }),
  'users.resetPassword': defineMethod<UserAccount>()({
    input: z.object({ id, password: passwordField, auditorConfirmation: auditorConfirmationField }).strict(),
    access: 'users.manage',
    summary: '重置密码（并解除锁定；用户须在下次登录时修改；审计员的密码须审计员确认）',
  }),
};
