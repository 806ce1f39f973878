import { z } from 'zod';
import type { SecuritySettings } from '../domain/security-settings';
import type { WorkSettings } from '../domain/work-settings';
import { defineMethod, noInput } from './define';

export const securitySettingsInput = z
  .object({
    lockoutThreshold: z.number().int().min(3).max(10),
    lockoutMinutes: z
      .number()
      .int()
      .min(5)
      .max(24 * 60),
    idleMinutes: z
      .number()
      .int()
      .min(5)
      .max(8 * 60),
    passwordExpiryDays: z.number().int().min(0).max(365),
  })
  .strict();

export const workSettingsInput = z
  .object({
    dueSoonDays: z.number().int().min(0).max(30),
  })
  .strict();

export const settingsContract = {
  'settings.get': defineMethod<SecuritySettings>()({
    input: noInput,
    access: 'settings.manage',
    summary: '查询安全设置',
  }),
  'settings.update': defineMethod<SecuritySettings>()({
    input: securitySettingsInput,
    access: 'settings.manage',
    summary: '修改安全设置（锁定阈值、锁定时长、空闲锁屏、密码有效期）',
  }),
  'settings.getWork': defineMethod<WorkSettings>()({
    input: noInput,
    access: 'settings.manage',
    summary: '查询业务设置',
  }),
  'settings.updateWork': defineMethod<WorkSettings>()({
    input: workSettingsInput,
    access: 'settings.manage',
    summary: '修改业务设置（临期提醒天数）',
  }),
};
