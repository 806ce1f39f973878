import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEST_PASSWORD_HASH_COST } from '../../helpers/hash-cost';
import { webClient } from '../../helpers/web-client';

/** The administrator the tests create at first run. */
/** The first auditor, created with the administrator at first-run setup. */
export const E2E_AUDITOR = { username: 'auditor', displayName: '审计员', password: 'Audit-2026-Own' };
export const E2E_ADMIN = {
  username: 'admin',
  displayName: '系统管理员',
  password: 'Zz-2026-Secure',
  auditor: E2E_AUDITOR,
};

export interface WebApp {
  url: string;
  dataDir: string;
  /** Calls a contract method over HTTP, as the renderer does in web mode, keeping the session cookie. */
  api<T = unknown>(
    method: string,
    input?: unknown,
  ): Promise<{ ok: boolean; data?: T; error?: { code: string; message: string } }>;
  stop(): Promise<void>;
}

type Api = WebApp['api'];

/** A client of the web mode API with its own session, like one browser tab. */
export const cookieClient = (url: string): Api => webClient(url.replace(/\/$/, ''));

function waitForUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+\//.exec(output);
      if (match) {
        child.stdout?.off('data', onData);
        resolve(match[0]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`npm run serve 提前退出（${code}）：\n${output}`)));
  });
}

/**
 * Starts `npm run serve` (already built by the global setup) on a free loopback port with a fresh
 * temp data folder (or `dataDir`); with `demo`, the administrator E2E_ADMIN is set up and the demo county loaded.
 */
export async function startWebApp(
  options: { demo?: 'small' | 'large'; dataDir?: string; integrityCheckDelayMs?: number } = {},
): Promise<WebApp> {
  // `dataDir`: a folder the test prepared (e.g. with a damaged data file); removed at stop as well.
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'zz-e2e-'));
  // Its own process group, so stopping it also stops npm's children (tsx, node). Passwords are
  // hashed at the tests' cost (ZZ_TEST_HASH_COST, read by web mode's arguments).
  const child = spawn('npm', ['run', 'serve', '--', '--no-build', '--port', '0', '--data', dataDir], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      ZZ_TEST_HASH_COST: String(TEST_PASSWORD_HASH_COST),
      // The background integrity check after start-up, sooner when a test looks at its result.
      ...(options.integrityCheckDelayMs === undefined
        ? {}
        : { ZZ_TEST_INTEGRITY_DELAY_MS: String(options.integrityCheckDelayMs) }),
    },
  });
  const url = await waitForUrl(child);
  const api = cookieClient(url);
  if (options.demo) {
    const setup = await api('auth.setup', E2E_ADMIN);
    if (!setup.ok) throw new Error(`初始化管理员失败：${setup.error?.message}`);
    const loaded = await api('system.loadDemo', { scale: options.demo });
    if (!loaded.ok) throw new Error(`载入演示数据失败：${loaded.error?.message}`);
  }
  const stop = () =>
    new Promise<void>((done) => {
      child.once('exit', () => {
        rmSync(dataDir, { recursive: true, force: true });
        done();
      });
      process.kill(-child.pid!, 'SIGTERM');
    });
  return { url, dataDir, api, stop };
}
