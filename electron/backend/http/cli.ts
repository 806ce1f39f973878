import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../../../shared/errors';
import { DEFAULT_CENTRE_SERVER_SETTINGS } from '../../../shared/domain/centre-server';
import { openBackend } from '../app';
import type { Backend } from '../backend';
import type { Services } from '../api/types';
import { defaultDataDir } from '../data-dir';
import { isPasswordHashCost, MIN_PASSWORD_HASH_COST, PASSWORD_HASH_COST } from '../auth/password';
import { follow, type Viewer } from '../live/viewer';
import { startBoardLan } from './board-lan';
import { serverCertificate } from './certificate';
import { serveMode, type CentreFlags } from './centre-options';
import { createHttpServer, listenOn, listenOnLoopback, type WebServer } from './server';

export interface ServeOptions {
  dataDir: string;
  staticDir: string;
  /** Set from ZZ_TEST_HASH_COST only; unset, the backend hashes passwords at the production cost. */
  passwordHashCost?: number;
  centre: CentreFlags;
  /** Set from ZZ_TEST_INTEGRITY_DELAY_MS only; unset, the full integrity check follows start-up by its usual delay. */
  integrityCheckDelayMs?: number;
}

/**
 * Flags win over environment variables (ZZ_PORT, ZZ_DATA_DIR), which win over the saved centre
 * server settings and the defaults. ZZ_TEST_HASH_COST (tests only: the e2e suite sets it, e.g.
 * 1024) lowers the scrypt cost N of new password hashes; nothing else sets it, and unset the
 * production cost 2^15 applies. ZZ_TEST_INTEGRITY_DELAY_MS (tests only) starts the background
 * integrity check that many ms after start-up.
 */
export function parseServeArgs(argv: string[], env = process.env): ServeOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      data: { type: 'string' },
      static: { type: 'string' },
      host: { type: 'string' },
      https: { type: 'boolean', default: false },
      cert: { type: 'string' },
      key: { type: 'string' },
      allow: { type: 'string' },
    },
    strict: true,
  });
  const portText = values.port ?? env.ZZ_PORT;
  const port = portText === undefined ? undefined : Number(portText);
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
    throw new AppError(
      'VALIDATION',
      `端口“${portText}”无效：请用 --port 指定 0–65535 之间的整数（0 表示自动选择空闲端口）。`,
    );
  }
  const costText = env.ZZ_TEST_HASH_COST;
  const passwordHashCost = costText === undefined ? undefined : Number(costText);
  if (passwordHashCost !== undefined && !isPasswordHashCost(passwordHashCost)) {
    throw new AppError(
      'VALIDATION',
      `ZZ_TEST_HASH_COST“${costText}”无效：须为 ${MIN_PASSWORD_HASH_COST} 至 ${PASSWORD_HASH_COST} 之间的 2 的整数次幂（仅供测试使用）。`,
    );
  }
  const delayText = env.ZZ_TEST_INTEGRITY_DELAY_MS;
  const integrityCheckDelayMs = delayText === undefined ? undefined : Number(delayText);
  if (integrityCheckDelayMs !== undefined && !(Number.isInteger(integrityCheckDelayMs) && integrityCheckDelayMs >= 0)) {
    throw new AppError(
      'VALIDATION',
      `ZZ_TEST_INTEGRITY_DELAY_MS“${delayText}”无效：须为非负整数（毫秒，仅供测试使用）。`,
    );
  }
  return {
    dataDir: resolve(values.data ?? env.ZZ_DATA_DIR ?? defaultDataDir()),
    staticDir: resolve(values.static ?? 'out/renderer'),
    passwordHashCost,
    centre: {
      https: values.https,
      host: values.host?.trim(),
      port,
      cert: values.cert && resolve(values.cert),
      key: values.key && resolve(values.key),
      allow: values.allow?.split(',').map((entry) => entry.trim()),
    },
    integrityCheckDelayMs,
  };
}

const givenFlags = (flags: CentreFlags): boolean =>
  flags.https || [flags.host, flags.port, flags.cert, flags.key, flags.allow].some((flag) => flag !== undefined);

/**
 * Web mode on loopback, or the centre server on its address over HTTPS (noted in the backend's
 * services for the settings card); prints where it listens.
 */
async function listen(backend: Backend, options: ServeOptions, running: Services['centreServer']): Promise<WebServer> {
  // While the data file awaits recovery the saved settings cannot be read: flags alone decide.
  const saved = backend.recovery ? DEFAULT_CENTRE_SERVER_SETTINGS : backend.services.settings.server;
  const mode = serveMode(options.centre, saved);
  // Read at each subscription: a backend in recovery has its services only once restored.
  const feed = { follow: (viewer: Viewer) => follow(backend.services, viewer) };
  if (mode.kind === 'web') {
    const server = createHttpServer({ dispatch: backend.dispatch, staticDir: options.staticDir, ...feed });
    const port = await listenOnLoopback(server, mode.port);
    console.log(`综治工作台网页模式已启动：http://127.0.0.1:${port}/ （数据目录：${options.dataDir}）`);
    return server;
  }
  const { address, allowedClients } = mode.settings;
  const certificate = await serverCertificate(mode.settings, options.dataDir);
  const server = createHttpServer({
    dispatch: backend.dispatch,
    staticDir: options.staticDir,
    ...feed,
    site: { address, scheme: 'https', allowedClients },
    tls: certificate,
  });
  const port = await listenOn(server, address, mode.settings.port);
  running.current = {
    server: {
      address,
      port,
      fingerprint: certificate.fingerprint,
      allowedClients,
      startedAt: new Date().toISOString(),
      fromFlags: givenFlags(options.centre),
    },
    // The port bound (a flag's 0 picks one): saving it is saving what runs.
    settings: { ...mode.settings, port },
  };
  console.log(`综治工作台中心服务器已启动：https://${address}:${port}/ （数据目录：${options.dataDir}）`);
  console.log(`证书 SHA-256 指纹：${certificate.fingerprint}（工作站连接时核对此指纹）`);
  console.log(`允许连接的客户端地址：${allowedClients.join('，')}`);
  return server;
}

/** Starts web mode or the centre server and returns a stop function. */
export async function serve(options: ServeOptions): Promise<() => Promise<void>> {
  const { passwordHashCost, integrityCheckDelayMs } = options;
  // Made here, not read from the services: a backend in recovery has its services only once restored.
  const running: Services['centreServer'] = { current: null };
  const backend = await openBackend(options.dataDir, {
    passwordHashCost,
    integrityCheckDelayMs,
    centreServer: running,
  });
  if (options.passwordHashCost !== undefined) {
    console.warn(`注意：密码哈希强度已按 ZZ_TEST_HASH_COST 降为 N=${options.passwordHashCost}，仅供测试使用。`);
  }
  let server: WebServer;
  try {
    server = await listen(backend, options, running);
  } catch (error) {
    backend.close();
    throw error;
  }
  // The wall display on the LAN, when the administrator enables it (board settings).
  const lan = startBoardLan(backend, options.staticDir);
  return () =>
    new Promise((done) => {
      server.close(() => {
        void lan.stop().then(() => {
          backend.close();
          done();
        });
      });
      server.closeAllConnections();
    });
}

export async function main(argv: string[]): Promise<void> {
  let stop: () => Promise<void>;
  try {
    stop = await serve(parseServeArgs(argv));
  } catch (error) {
    console.error(error instanceof AppError ? error.message : error);
    process.exit(1);
  }
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void stop().then(() => process.exit(0)));
  }
}
