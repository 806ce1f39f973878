import type { z } from 'zod';
import { passwordProblems } from '@shared/domain/password-policy';

interface PasswordKeys {
  /** The new password's field. */
  password: string;
  /** The field repeating it, when the form has one. */
  confirm?: string;
  /** The username's field, or a getter for a form that does not edit it. */
  username?: string | (() => string);
}

/**
 * A form schema's check of a new password against the shared policy (the answer the backend gives)
 * and of its repetition: `schema.superRefine(newPasswordRules({ password: 'password', ... }))`.
 */
export function newPasswordRules(keys: PasswordKeys) {
  return (value: Record<string, unknown>, ctx: z.RefinementCtx): void => {
    const password = typeof value[keys.password] === 'string' ? (value[keys.password] as string) : '';
    const username =
      typeof keys.username === 'function' ? keys.username() : keys.username ? String(value[keys.username] ?? '') : '';
    if (password) {
      for (const message of passwordProblems(password, username.trim())) {
        ctx.addIssue({ code: 'custom', path: [keys.password], message });
      }
    }
    if (keys.confirm && value[keys.confirm] !== undefined && value[keys.confirm] !== password) {
      ctx.addIssue({ code: 'custom', path: [keys.confirm], message: '两次输入的密码不一致，请重新输入' });
    }
  };
}
