import { z } from 'zod';
import { normalizeFingerprint, SERVER_WILDCARD_REFUSED } from '../domain/centre-server';
import { IPV4, isWildcardAddress } from '../domain/network-address';
import { defineMethod, noInput } from './define';

/**
 * How the desktop app works (first-run choice): 单机使用 with its own data host, or 连接本中心服务器
 * over HTTPS with the server's certificate pinned by its SHA-256 fingerprint. Main answers these
 * two methods itself; web mode is a browser on the server already (`web`).
 */
export const connectionChoiceInput = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('standalone') }).strict(),
  z
    .object({
      mode: z.literal('client'),
      address: z
        .string()
        .trim()
        .refine((address) => !isWildcardAddress(address), SERVER_WILDCARD_REFUSED)
        .pipe(z.string().regex(IPV4, '请填写中心服务器的 IPv4 地址，例如 192.168.1.20')),
      port: z.number().int('端口应为整数').min(1, '端口应在 1–65535 之间').max(65535, '端口应在 1–65535 之间'),
      fingerprint: z
        .string()
        .max(200)
        .transform((text, ctx) => {
          const fingerprint = normalizeFingerprint(text);
          if (fingerprint) return fingerprint;
          ctx.addIssue({
            code: 'custom',
            message: '证书指纹应为 64 位十六进制数（可含冒号），请向中心管理员索取后逐位核对',
          });
          return z.NEVER;
        }),
    })
    .strict(),
]);

export type ConnectionChoice = z.output<typeof connectionChoiceInput>;

/** `null`: not chosen yet (the first-run page asks). */
export type ConnectionState = { mode: null } | { mode: 'web' } | ConnectionChoice;

export const connectionContract = {
  'connection.get': defineMethod<ConnectionState>()({
    input: noInput,
    access: 'public',
    summary: '查询本机的使用方式（单机使用或连接中心服务器）',
  }),
  'connection.choose': defineMethod<ConnectionState>()({
    input: connectionChoiceInput,
    access: 'public',
    summary: '选择本机的使用方式（仅桌面程序；连接中心服务器时核对证书指纹）',
  }),
};
