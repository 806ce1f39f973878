import { z } from 'zod';
import { PASSWORD_MAX_LENGTH } from '../domain/password-policy';
import type { Role } from '../domain/roles';
import { defineMethod, noInput } from './define';

/** The signed-in user as the renderer sees them; roles here are for display, never trusted back. */
export interface Me {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  /** Township the user is bound to; null works county-wide. */
  regionCode: string | null;
  regionName: string | null;
  /** Must set a new password before anything else (administrator-set or expired). */
  mustChangePassword: boolean;
  passwordExpired: boolean;
  /** Minutes without activity before the backend locks the session. */
  idleMinutes: number;
}

export interface AuthStatus {
  appName: string;
  version: string;
  /** No account exists yet: the first run asks for the administrator's account. */
  needsSetup: boolean;
  /** The centre's name once the county is set up (`centreNameOf`), shown above the sign-in form. */
  centreName: string | null;
  /** The session this client holds: none, active, or locked after idling. */
  session: 'none' | 'active' | 'locked';
  /** For a locked session: whose password unlocks it. */
  lockedUser: { username: string; displayName: string } | null;
}

export const usernameField = z
  .string()
  .trim()
  .regex(/^[A-Za-z][A-Za-z0-9_.-]{2,31}$/, { error: '用户名为 3–32 位字母、数字或 _.-，以字母开头' });

export const displayNameField = z.string().trim().min(1).max(40);

/** Strength is checked by the service (shared/domain/password-policy.ts) so the message can list every rule. */
export const passwordField = z.string().min(1).max(PASSWORD_MAX_LENGTH);

/** One account of first-run setup: its owner types the password. */
export const setupAccountInput = z
  .object({ username: usernameField, displayName: displayNameField, password: passwordField })
  .strict();

export const authContract = {
  'auth.status': defineMethod<AuthStatus>()({
    input: noInput,
    access: 'public',
    summary: '登录前的状态：是否需要初始化、本机会话',
  }),
  'auth.setup': defineMethod<Me>()({
    input: setupAccountInput
      // 三员分立: the first auditor is created with the administrator, typing their own password.
      .extend({ auditor: setupAccountInput })
      .refine((input) => input.username !== input.auditor.username, {
        error: '审计员的用户名不能与系统管理员相同',
        path: ['auditor', 'username'],
      }),
    access: 'public',
    summary: '首次运行：创建第一个系统管理员和第一个审计员账号，并以系统管理员登录',
  }),
  'auth.login': defineMethod<Me>()({
    input: z.object({ username: z.string().trim().min(1).max(32), password: passwordField }).strict(),
    access: 'public',
    summary: '用户名和密码登录',
  }),
  'auth.unlock': defineMethod<Me>()({
    input: z.object({ password: passwordField }).strict(),
    access: 'public',
    summary: '空闲锁屏后输入密码解锁（保留页面内容）',
  }),
  'auth.logout': defineMethod<null>()({ input: noInput, access: 'public', summary: '退出登录' }),
  'auth.me': defineMethod<Me>()({ input: noInput, access: 'session', summary: '当前登录用户' }),
  'auth.changePassword': defineMethod<Me>()({
    input: z.object({ currentPassword: passwordField, newPassword: passwordField }).strict(),
    access: 'session',
    summary: '修改本人密码',
  }),
};
