/**
 * The centre server the load runs against: a data folder prepared with the demo county and started
 * as `npm run serve` starts it (its own process, so the driver's work does not share the server's
 * event loop), or one already running (`--url`). Either way the administrator then creates the
 * workstations' accounts over HTTP, and each signs in and sets its own password, as on a first login.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DemoScale } from '../../shared/contract/system';
import type { AccountRole } from '../../shared/domain/roles';
import { memoryJar } from '../../electron/backend/api/memory-jar';
import { openBackend } from '../../electron/backend/app';
import { connect, type Client, type TransportOptions } from './transport';

export const LOAD_ADMIN = {
  username: 'load-admin',
  displayName: '压力测试管理员',
  password: 'Load-2026-Admin!',
  auditor: { username: 'load-audit', displayName: '压力测试审计员', password: 'Load-2026-Audit!' },
};
const INITIAL_PASSWORD = 'Load-2026-Initial!';
const OWN_PASSWORD = 'Load-2026-Station!';

export interface Centre {
  url: string;
  stop(): Promise<void>;
}

/** The envelope's data, or an error naming the call. */
export async function must<T>(client: Client, method: string, input: unknown): Promise<T> {
  const reply = await client.call(method, input);
  if (!reply.body?.ok) throw new Error(`${method} 失败：${reply.body?.error?.message ?? `HTTP ${reply.status}`}`);
  return reply.body.data as T;
}

/**
 * A data folder with the administrator, the demo county at `scale` and today's backup (a centre's
 * server has taken it by the time the officers arrive; the backup under load is the bench's case).
 */
async function prepare(dataDir: string, scale: DemoScale, passwordHashCost: number | undefined): Promise<void> {
  const backend = await openBackend(dataDir, { dailyBackups: false, passwordHashCost });
  const call = { transport: 'ipc', client: 'npm run load', jar: memoryJar() } as const;
  try {
    for (const [method, input] of [
      ['auth.setup', LOAD_ADMIN],
      ['system.loadDemo', { scale }],
      ['backup.run', {}],
    ] as const) {
      const result = await backend.dispatch(method, input, call);
      if (!result.ok) throw new Error(`${method} 失败：${result.error.message}`);
    }
  } finally {
    backend.close();
  }
}

const SERVE = fileURLToPath(new URL('../serve.ts', import.meta.url));

/** `npm run serve -- --no-build` on a free loopback port, in its own process group; resolves with its URL. */
function startServer(dataDir: string, env: NodeJS.ProcessEnv): Promise<{ url: string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', SERVE, '--no-build', '--port', '0', '--data', dataDir], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env,
  });
  const stop = () =>
    new Promise<void>((done) => {
      if (child.exitCode !== null) return done();
      child.once('exit', () => done());
      process.kill(-child.pid!, 'SIGTERM');
    });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      process.stderr.write(chunk);
    });
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+\//.exec(output);
      if (match) resolve({ url: match[0], stop });
    });
    child.once('exit', (code) => reject(new Error(`中心服务器提前退出（${code}）：\n${output}`)));
  });
}

/**
 * Prepares a temp data folder and starts the centre server on it; `stop` ends the server and
 * removes the folder. `passwordHashCost` (tests only) is handed on as ZZ_TEST_HASH_COST.
 */
export async function startCentre(scale: DemoScale, passwordHashCost?: number): Promise<Centre> {
  const dataDir = mkdtempSync(join(tmpdir(), 'zz-load-'));
  try {
    await prepare(dataDir, scale, passwordHashCost);
    const env = { ...process.env };
    if (passwordHashCost !== undefined) env.ZZ_TEST_HASH_COST = String(passwordHashCost);
    const server = await startServer(dataDir, env);
    return {
      url: server.url,
      stop: async () => {
        await server.stop();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}

export interface Account {
  username: string;
  password: string;
}

/**
 * Creates `count` accounts with `role` through the administrator (names unique to this run, so a
 * running server can take several runs) and signs each in on its own client, past the first
 * login's password change.
 */
export async function signInAccounts(
  transport: TransportOptions,
  admin: Account,
  role: AccountRole,
  count: number,
): Promise<Client[]> {
  const adminClient = connect(transport);
  const run = Date.now().toString(36);
  try {
    await must(adminClient, 'auth.login', { username: admin.username, password: admin.password });
    const clients: Client[] = [];
    for (let i = 1; i <= count; i++) {
      const username = `load-${run}-${role === 'duty_officer' ? 'duty' : role}-${i}`;
      await must(adminClient, 'users.create', {
        username,
        displayName: `压测${role === 'duty_officer' ? '值班员' : '领导'}${i}`,
        roles: [role],
        regionCode: null,
        password: INITIAL_PASSWORD,
      });
      const client = connect(transport);
      await must(client, 'auth.login', { username, password: INITIAL_PASSWORD });
      await must(client, 'auth.changePassword', { currentPassword: INITIAL_PASSWORD, newPassword: OWN_PASSWORD });
      clients.push(client);
    }
    return clients;
  } finally {
    adminClient.close();
  }
}
