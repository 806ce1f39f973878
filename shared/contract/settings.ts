import { z } from 'zod';
import type { BackupSettings } from '../domain/backup-settings';
import type { SecuritySettings } from '../domain/security-settings';
import type { WorkSettings } from '../domain/work-settings';
import { ASSESSMENT_CONCLUSIONS, conclusionMappingProblems } from '../domain/risks/assessment-levels';
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
    reReviewIntervalMonths: z.number().int().min(1).max(60),
  })
  .strict();

/** Residual risk level → suggested conclusion, checked by the domain's rules (a higher level never more lenient). */
export const conclusionMappingInput = z
  .object({
    high: z.enum(ASSESSMENT_CONCLUSIONS),
    medium: z.enum(ASSESSMENT_CONCLUSIONS),
    low: z.enum(ASSESSMENT_CONCLUSIONS),
  })
  .strict()
  .superRefine((mapping, ctx) => {
    for (const problem of conclusionMappingProblems(mapping)) {
      ctx.addIssue({ code: 'custom', path: problem.path.split('.').slice(1), message: problem.message });
    }
  });

/** An absolute folder path without `..` segments, or '' for none. */
const folderPath = z
  .string()
  .trim()
  .max(400)
  .refine((path) => path === '' || /^(?:[A-Za-z]:[\\/]|\\\\|\/)/.test(path), '请填写完整的文件夹路径（绝对路径）')
  .refine((path) => !/(?:^|[\\/])\.\.(?:[\\/]|$)/.test(path), '路径中不能包含“..”')
  .refine((path) => !path.includes('\0'), '路径含有无效字符');

export const backupSettingsInput = z
  .object({
    generations: z.number().int().min(3).max(365),
    secondaryDir: folderPath,
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
    summary: '修改业务设置（临期提醒天数、稳评复评周期）',
  }),
  'settings.updateConclusionMapping': defineMethod<WorkSettings>()({
    input: conclusionMappingInput,
    access: 'settings.manage',
    summary: '修改稳评建议结论对照表（剩余风险等级 → 建议结论）',
  }),
  'settings.getBackup': defineMethod<BackupSettings>()({
    input: noInput,
    access: 'settings.manage',
    summary: '查询备份设置',
  }),
  'settings.updateBackup': defineMethod<BackupSettings>()({
    input: backupSettingsInput,
    access: 'settings.manage',
    summary: '修改备份设置（保留份数、第二备份位置）',
  }),
};
