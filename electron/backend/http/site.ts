import type { IncomingMessage } from 'node:http';
import { inClientRanges, isLoopbackAddress } from '../../../shared/domain/network-address';

/**
 * Where a server is reached: the address it listens on, its scheme and (for the centre server) the
 * client addresses it serves. Web mode is `http` on 127.0.0.1 with no list (only this machine can
 * reach it); the centre server is `https` on its LAN address with the administrator's list.
 */
export interface Site {
  address: string;
  scheme: 'http' | 'https';
  /** IPs or CIDR ranges served; undefined: every client that can reach the address. */
  allowedClients?: readonly string[];
}

export const WEB_MODE_SITE: Site = { address: '127.0.0.1', scheme: 'http' };

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

/**
 * The Host a page may address this server by: exactly its address and the port it was reached on
 * (a loopback server also answers to the loopback names). Any other name is a rebound DNS name.
 */
export function hostAccepted(req: IncomingMessage, site: Site): boolean {
  const host = (req.headers.host ?? '').toLowerCase();
  const port = req.socket.localPort;
  const names = isLoopbackAddress(site.address) ? [site.address, ...LOOPBACK_NAMES] : [site.address];
  const defaultPort = site.scheme === 'https' ? 443 : 80;
  return names.some((name) => host === `${name}:${port}` || (port === defaultPort && host === name));
}

/** The origin the app's page at this Host sends. */
export const originOf = (req: IncomingMessage, site: Site): string => `${site.scheme}://${req.headers.host ?? ''}`;

/** How long one refused address stays quiet in the log after it was logged. */
const LOG_QUIET_MS = 10 * 60_000;
const LOGGED_MAX = 1000;

/**
 * Whether the client's address is on the allowed list. A refusal is logged once per address every
 * ten minutes, so a scanning machine cannot flood the log.
 */
export function clientGate(site: Site, now = () => Date.now()): (remote: string | undefined) => boolean {
  const logged = new Map<string, number>();
  return (remote = '') => {
    if (!site.allowedClients || inClientRanges(remote, site.allowedClients)) return true;
    const last = logged.get(remote);
    if (last === undefined || now() - last > LOG_QUIET_MS) {
      if (logged.size >= LOGGED_MAX) logged.clear();
      logged.set(remote, now());
      console.warn(`中心服务器拒绝了不在允许列表中的客户端地址 ${remote}（同一地址十分钟内不再记录）。`);
    }
    return false;
  };
}
