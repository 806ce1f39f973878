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
  /** The centre server's certificate fingerprint (with `--https`). */
  fingerprint?: string;
  dataDir: string;
  /** Calls a contract method over HTTP, as the renderer does in web mode, keeping the session cookie. */
  api<T = unknown>(
    method: string,
    input?: unknown,
  ): Promise<{ ok: boolean; data?: T; error?: { code: string; message: string } }>;
  /** Stops the server as a crash or a restart would, keeping its data folder and port. */
  halt(): Promise<void>;
  /** Starts it again on the same port and data folder after `halt` (sessions start anew, as on any restart). */
  resume(): Promise<void>;
  stop(): Promise<void>;
}

type Api = WebApp['api'];

/** A client of the web mode API with its own session, like one browser tab. */
export const cookieClient = (url: string): Api => webClient(url.replace(/\/$/, ''));

/** Web mode prints its address; the centre server prints it, then its certificate's fingerprint. */
const STARTED = /(https?:\/\/127\.0\.0\.1:\d+\/)(?:[^\n]*\n)(?:证书 SHA-256 指纹：([0-9A-F:]{95}))?/;

function waitForUrl(child: ChildProcess, https: boolean): Promise<{ url: string; fingerprint?: string }> {
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = STARTED.exec(output);
      if (match && (!https || match[2])) {
        child.stdout?.off('data', onData);
        resolve({ url: match[1]!, fingerprint: match[2] });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`npm run serve 提前退出（${code}）：\n${output}`)));
  });
}

/** More flags (`--https`, `--allow`), and when the background integrity check starts. */
interface Launch {
  args: string[];
  integrityCheckDelayMs?: number;
}

/** `npm run serve` on the data folder and port (0: a free one); resolves once it prints its address. */
async function launch(
  dataDir: string,
  port: string,
  { args, integrityCheckDelayMs }: Launch,
): Promise<{ child: ChildProcess; url: string; fingerprint?: string }> {
  // Its own process group, so stopping it also stops npm's children (tsx, node). Passwords are
  // hashed at the tests' cost (ZZ_TEST_HASH_COST, read by web mode's arguments).
  const child = spawn('npm', ['run', 'serve', '--', '--no-build', '--port', port, '--data', dataDir, ...args], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      ZZ_TEST_HASH_COST: String(TEST_PASSWORD_HASH_COST),
      // The background integrity check after start-up, sooner when a test looks at its result.
      ...(integrityCheckDelayMs === undefined ? {} : { ZZ_TEST_INTEGRITY_DELAY_MS: String(integrityCheckDelayMs) }),
    },
  });
  return { child, ...(await waitForUrl(child, args.includes('--https'))) };
}

const ended = (child: ChildProcess) =>
  new Promise<void>((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done();
    child.once('exit', () => done());
    process.kill(-child.pid!, 'SIGTERM');
  });

/**
 * Starts `npm run serve` (already built by the global setup) on a free loopback port with a fresh
 * temp data folder (or `dataDir`); with `demo`, the administrator E2E_ADMIN is set up and the demo
 * county loaded (web mode only: `api` speaks plain HTTP). `args` are more flags (`--https`, `--allow`).
 */
export async function startWebApp(
  options: { demo?: 'small' | 'large'; dataDir?: string; args?: string[]; integrityCheckDelayMs?: number } = {},
): Promise<WebApp> {
  // `dataDir`: a folder the test prepared (e.g. with a damaged data file); removed at stop as well.
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'zz-e2e-'));
  const launching: Launch = { args: options.args ?? [], integrityCheckDelayMs: options.integrityCheckDelayMs };
  const started = await launch(dataDir, '0', launching);
  const { url, fingerprint } = started;
  let { child } = started;
  const api = cookieClient(url);
  if (options.demo) {
    const setup = await api('auth.setup', E2E_ADMIN);
    if (!setup.ok) throw new Error(`初始化管理员失败：${setup.error?.message}`);
    const loaded = await api('system.loadDemo', { scale: options.demo });
    if (!loaded.ok) throw new Error(`载入演示数据失败：${loaded.error?.message}`);
  }
  const halt = () => ended(child);
  const resume = async () => {
    ({ child } = await launch(dataDir, new URL(url).port, launching));
  };
  const stop = async () => {
    await ended(child);
    rmSync(dataDir, { recursive: true, force: true });
  };
  return { url, fingerprint, dataDir, api, halt, resume, stop };
}
