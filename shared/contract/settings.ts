import { z } from 'zod';
import type { BackupSettings } from '../domain/backup-settings';
import {
  BOARD_PORT_MAX,
  BOARD_PORT_MIN,
  REFRESH_SECONDS_MAX,
  REFRESH_SECONDS_MIN,
  WILDCARD_REFUSED,
  type BoardSettings,
} from '../domain/board/board-settings';
import { BOARD_WEIGHT_LABELS, HALF_SCORE_MAX, WEIGHT_MAX } from '../domain/board/risk-index';
import { ALLOWED_CLIENTS_MAX, SERVER_WILDCARD_REFUSED, type CentreServerView } from '../domain/centre-server';
import type { SecuritySettings } from '../domain/security-settings';
import { IPV4, isClientRange, isWildcardAddress } from '../domain/network-address';
import { CENTRE_NAME_MAX, CENTRE_NAME_PATTERN } from '../domain/centre';
import type { WorkSettings } from '../domain/work-settings';
import { ASSESSMENT_CONCLUSIONS, conclusionMappingProblems } from '../domain/risks/assessment-levels';
import { HANDLING_KIND_LABELS, HANDLING_KINDS, type HandlingKind } from '../domain/disputes/handling';
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

/** The centre's name; empty for the default (the county's name with 社会治理综合服务中心). */
export const centreNameInput = z
  .object({
    centreName: z
      .string()
      .trim()
      .max(CENTRE_NAME_MAX, `中心名称不超过 ${CENTRE_NAME_MAX} 个字`)
      .regex(CENTRE_NAME_PATTERN, '中心名称只能由汉字、字母、数字、括号和间隔号组成'),
  })
  .strict();

/** Days a routed dispute has, per kind of handling: 1 to 180 each. */
const timeLimit = (kind: HandlingKind) =>
  z
    .number({ error: `请填写“${HANDLING_KIND_LABELS[kind]}”的调处时限` })
    .int({ error: `“${HANDLING_KIND_LABELS[kind]}”的调处时限应为整数天` })
    .min(1, { error: `“${HANDLING_KIND_LABELS[kind]}”的调处时限应为 1 至 180 日` })
    .max(180, { error: `“${HANDLING_KIND_LABELS[kind]}”的调处时限应为 1 至 180 日` });
export const disputeTimeLimitsInput = z
  .object(
    Object.fromEntries(HANDLING_KINDS.map((kind) => [kind, timeLimit(kind)])) as Record<
      HandlingKind,
      ReturnType<typeof timeLimit>
    >,
  )
  .strict();

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

const weight = (label: string) =>
  z
    .number()
    .min(0, `${label}不能为负数，请填写 0–${WEIGHT_MAX} 的数`)
    .max(WEIGHT_MAX, `${label}不能超过 ${WEIGHT_MAX}，请调小`);

/** The risk index weights: non-negative and bounded; the half score at least 1 (see risk-index.ts). */
export const boardWeightsInput = z
  .object({
    red: weight(BOARD_WEIGHT_LABELS.red),
    orange: weight(BOARD_WEIGHT_LABELS.orange),
    yellow: weight(BOARD_WEIGHT_LABELS.yellow),
    blue: weight(BOARD_WEIGHT_LABELS.blue),
    overdueCase: weight(BOARD_WEIGHT_LABELS.overdueCase),
    openCase: weight(BOARD_WEIGHT_LABELS.openCase),
    overdueTask: weight(BOARD_WEIGHT_LABELS.overdueTask),
    halfScore: z
      .number()
      .min(1, '半饱和分至少为 1，请调大')
      .max(HALF_SCORE_MAX, `半饱和分不能超过 ${HALF_SCORE_MAX}，请调小`),
  })
  .strict();

/**
 * Board settings. The web-mode token is never sent by a client: the backend generates it when web
 * mode is enabled without one, or anew when `renewToken` is set.
 */
export const boardSettingsInput = z
  .object({
    weights: boardWeightsInput,
    refreshSeconds: z
      .number()
      .int('刷新间隔应为整数秒')
      .min(REFRESH_SECONDS_MIN, `刷新间隔不能少于 ${REFRESH_SECONDS_MIN} 秒，请调大`)
      .max(REFRESH_SECONDS_MAX, `刷新间隔不能超过 ${REFRESH_SECONDS_MAX} 秒，请调小`),
    web: z
      .object({
        enabled: z.boolean(),
        address: z
          .string()
          .trim()
          .regex(IPV4, '请填写本机的 IPv4 地址，例如 127.0.0.1（仅本机）或 192.168.1.20（局域网）')
          .refine((address) => !isWildcardAddress(address), WILDCARD_REFUSED),
        port: z
          .number()
          .int('端口应为整数')
          .min(BOARD_PORT_MIN, `端口应在 ${BOARD_PORT_MIN}–${BOARD_PORT_MAX} 之间`)
          .max(BOARD_PORT_MAX, `端口应在 ${BOARD_PORT_MIN}–${BOARD_PORT_MAX} 之间`),
        renewToken: z.boolean().default(false),
      })
      .strict(),
  })
  .strict();

/** A PEM file of the installed certificate: an absolute path, required in `installed` mode. */
const pemFile = folderPath.default('');

/** The centre server: a LAN address (never a wildcard), a port, the certificate, the clients served. */
export const centreServerInput = z
  .object({
    enabled: z.boolean(),
    address: z
      .string()
      .trim()
      .refine((address) => !isWildcardAddress(address), SERVER_WILDCARD_REFUSED)
      .pipe(z.string().regex(IPV4, '请填写本机的 IPv4 地址，例如 192.168.1.20（局域网）或 127.0.0.1（仅本机）')),
    port: z
      .number()
      .int('端口应为整数')
      .min(BOARD_PORT_MIN, `端口应在 ${BOARD_PORT_MIN}–${BOARD_PORT_MAX} 之间`)
      .max(BOARD_PORT_MAX, `端口应在 ${BOARD_PORT_MIN}–${BOARD_PORT_MAX} 之间`),
    certificate: z.enum(['generated', 'installed']),
    certFile: pemFile,
    keyFile: pemFile,
    allowedClients: z
      .array(z.string().trim().refine(isClientRange, '请填写 IP 地址（如 192.168.1.31）或网段（如 192.168.1.0/24）'))
      .min(1, '请至少填写一个允许连接的地址或网段')
      .max(ALLOWED_CLIENTS_MAX, `允许连接的地址最多 ${ALLOWED_CLIENTS_MAX} 条`),
  })
  .strict()
  .superRefine((input, ctx) => {
    if (input.certificate !== 'installed') return;
    for (const key of ['certFile', 'keyFile'] as const) {
      if (!input[key])
        ctx.addIssue({ code: 'custom', path: [key], message: '使用中心安装的证书时，请填写证书和私钥文件的完整路径' });
    }
  });

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
  'settings.updateDisputeTimeLimits': defineMethod<WorkSettings>()({
    input: disputeTimeLimitsInput,
    access: 'settings.manage',
    summary: '修改矛盾纠纷各调处方式的时限（日）',
  }),
  'settings.updateCentreName': defineMethod<WorkSettings>()({
    input: centreNameInput,
    access: 'settings.manage',
    summary: '修改中心名称（报告的发文单位、态势大屏和登录页显示的名称；留空则为“县名 + 社会治理综合服务中心”）',
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
  // The answer holds the web-mode token: settings.manage keeps it to administrators.
  'settings.getBoard': defineMethod<BoardSettings>()({
    input: noInput,
    access: 'settings.manage',
    summary: '查询态势大屏设置（风险指数权重、刷新间隔、网页模式）',
  }),
  'settings.updateBoard': defineMethod<BoardSettings>()({
    input: boardSettingsInput,
    access: 'settings.manage',
    summary: '修改态势大屏设置（风险指数权重、刷新间隔、网页模式）',
  }),
  'settings.getServer': defineMethod<CentreServerView>()({
    input: noInput,
    access: 'settings.manage',
    summary: '查询中心服务器设置（地址、端口、证书及其指纹、允许连接的客户端地址）',
  }),
  'settings.updateServer': defineMethod<CentreServerView>()({
    input: centreServerInput,
    access: 'settings.manage',
    summary: '修改中心服务器设置（重启服务后生效）',
  }),
};
