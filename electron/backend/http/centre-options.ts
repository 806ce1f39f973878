import { AppError } from '../../../shared/errors';
import { type CentreServerSettings, SERVER_WILDCARD_REFUSED } from '../../../shared/domain/centre-server';
import { IPV4, isClientRange, isLoopbackAddress, isWildcardAddress } from '../../../shared/domain/network-address';

/** The centre-server flags of `npm run serve`; each wins over the administrator's setting. */
export interface CentreFlags {
  https: boolean;
  host?: string;
  /** --port or ZZ_PORT. */
  port?: number;
  cert?: string;
  key?: string;
  allow?: string[];
}

/** How `serve` runs: web mode (loopback HTTP), or the centre server with these settings. */
export type ServeMode = { kind: 'web'; port: number } | { kind: 'centre'; settings: CentreServerSettings };

export const DEFAULT_PORT = 5710;

function checkedAddress(address: string): string {
  if (isWildcardAddress(address)) throw new AppError('VALIDATION', SERVER_WILDCARD_REFUSED);
  if (!IPV4.test(address)) {
    throw new AppError('VALIDATION', `地址“${address}”无效：请用 --host 指定本机的 IPv4 地址，例如 192.168.1.20。`);
  }
  return address;
}

function checkedClients(list: string[]): string[] {
  const wrong = list.find((entry) => !isClientRange(entry));
  if (wrong !== undefined || list.length === 0) {
    throw new AppError(
      'VALIDATION',
      `允许连接的地址“${wrong ?? ''}”无效：--allow 请填写以逗号分隔的 IP 地址或网段，例如 192.168.1.0/24,127.0.0.1。`,
    );
  }
  return list;
}

/**
 * The centre server runs when `--https` is given or the administrator enabled it; flags override
 * the setting. A LAN address is served over HTTPS only, and never a wildcard.
 */
export function serveMode(flags: CentreFlags, saved: CentreServerSettings): ServeMode {
  if (!flags.https && !saved.enabled) {
    if (flags.host !== undefined && !isLoopbackAddress(checkedAddress(flags.host))) {
      throw new AppError('VALIDATION', '局域网地址只能以 HTTPS 提供服务：请加上 --https（证书可自动生成）。');
    }
    return { kind: 'web', port: flags.port ?? DEFAULT_PORT };
  }
  if ((flags.cert === undefined) !== (flags.key === undefined)) {
    throw new AppError('VALIDATION', '--cert 与 --key 须同时给出：证书文件和它的私钥文件（PEM 格式）。');
  }
  const installed = flags.cert !== undefined && flags.key !== undefined;
  return {
    kind: 'centre',
    settings: {
      ...saved,
      enabled: true,
      address: checkedAddress(flags.host ?? saved.address),
      port: flags.port ?? saved.port,
      ...(installed ? { certificate: 'installed', certFile: flags.cert!, keyFile: flags.key! } : {}),
      allowedClients: checkedClients(flags.allow ?? saved.allowedClients),
    },
  };
}
