import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openBackend } from '../../electron/backend/app';
import { DB_FILE_NAME } from '../../electron/backend/db/database';
import { LATEST_VERSION } from '../../electron/backend/db/migrations';
import { hostArgs, serveHost, type HostPort } from '../../electron/backend/host';
import type { CallContext } from '../../electron/backend/api/types';
import type { Result } from '../../shared/errors';
import { ADMIN } from '../helpers/backend';
import { TEST_PASSWORD_HASH_COST } from '../helpers/hash-cost';
import { tempDir } from '../helpers/temp-dir';

/** Stands in for `process.parentPort`: delivers messages as `{ data }`, records what is posted. */
class FakePort implements HostPort {
  readonly posted: unknown[] = [];
  private listener: ((event: { data: unknown }) => void) | null = null;

  on(_event: 'message', listener: (event: { data: unknown }) => void): this {
    this.listener = listener;
    return this;
  }

  postMessage(message: unknown): void {
    this.posted.push(message);
  }

  send(data: unknown): void {
    this.listener?.({ data });
  }

  /** Resolves once `count` messages have been posted. */
  async waitFor(count: number): Promise<unknown[]> {
    await expect.poll(() => this.posted.length, { timeout: 5000 }).toBeGreaterThanOrEqual(count);
    return this.posted;
  }
}

function serve(dataDir: string) {
  const port = new FakePort();
  const exits: number[] = [];
  const opening = openBackend(dataDir, { passwordHashCost: TEST_PASSWORD_HASH_COST });
  serveHost(port, opening, (code) => exits.push(code));
  return { port, exits, opening };
}

type Answer = { id: number; result: Result<unknown> };

let nextId = 1000;

/** Sends one call from `window` and resolves with the host's answer to it. */
async function ask(port: FakePort, window: number, method: string, input: unknown = {}): Promise<Answer> {
  const id = nextId++;
  port.send({ id, method, input, window });
  let answer: Answer | undefined;
  await expect
    .poll(() => (answer = (port.posted as Answer[]).find((m) => m.id === id)), { timeout: 10_000 })
    .toBeDefined();
  return answer!;
}

/** Signs the administrator in from `window` through the host's own messages (first-run setup). */
async function setupFrom(port: FakePort, window: number): Promise<Answer> {
  const answer = await ask(port, window, 'auth.setup', ADMIN);
  expect(answer.result).toMatchObject({ ok: true, data: { username: ADMIN.username } });
  return answer;
}

/** Opening failures are logged to stderr; keep test output clean but check they were logged. */
const quietErrors = () => vi.spyOn(console, 'error').mockImplementation(() => {});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('data host', () => {
  it('answers a call with the id and the backend envelope', async () => {
    const { port, opening } = serve(tempDir());
    port.send({ id: 7, method: 'auth.status', input: {}, window: 1 });
    const [answer] = await port.waitFor(1);
    expect(answer).toEqual({
      id: 7,
      result: { ok: true, data: expect.objectContaining({ needsSetup: true, session: 'none' }) },
    });
    await setupFrom(port, 1);
    const info = await ask(port, 1, 'system.info');
    expect(info.result).toMatchObject({ ok: true, data: { schemaVersion: LATEST_VERSION } });
    (await opening).close();
  });

  it('answers concurrent calls each under its own id', async () => {
    const { port, opening } = serve(tempDir());
    await setupFrom(port, 1);
    const before = port.posted.length;
    port.send({ id: 1, method: 'system.info', input: {}, window: 1 });
    port.send({ id: 2, method: 'no.such', input: {}, window: 1 });
    port.send({ id: 3, method: 'system.info', input: { unexpected: true }, window: 1 });
    const answers = (await port.waitFor(before + 3)).slice(before) as Array<{
      id: number;
      result: { ok: boolean; error?: { code: string } };
    }>;
    const byId = new Map(answers.map((a) => [a.id, a.result]));
    expect(byId.get(1)?.ok).toBe(true);
    expect(byId.get(2)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(byId.get(3)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    (await opening).close();
  });

  it('ignores messages that are not calls, and calls that name no window', async () => {
    const { port, opening } = serve(tempDir());
    port.send('hello');
    port.send({ method: 'auth.status' });
    port.send({ id: 8, method: 'auth.status', input: {} });
    port.send({ id: 8, method: 'auth.status', input: {}, window: '1' });
    port.send({ id: 9, method: 'auth.status', input: {}, window: 1 });
    const posted = await port.waitFor(1);
    expect(posted).toHaveLength(1);
    expect(posted[0]).toMatchObject({ id: 9 });
    (await opening).close();
  });

  it('gives a window main names the wall display a session that reads the board and nothing else', async () => {
    const { port, opening } = serve(tempDir());
    await setupFrom(port, 1);
    port.send({ type: 'display', window: 5 });
    const board = await ask(port, 5, 'board.snapshot');
    expect(board.result).toMatchObject({ ok: true, data: { refreshSeconds: 30 } });
    expect((await ask(port, 5, 'users.list')).result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await ask(port, 5, 'petitions.list')).result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // Another window without a session still has none.
    expect((await ask(port, 6, 'board.snapshot')).result).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    (await opening).close();
  });

  it('reports a newer database as fatal and answers every call with that error, leaving the file as it was', async () => {
    const dir = tempDir();
    const raw = new Database(join(dir, DB_FILE_NAME));
    raw.pragma(`user_version = ${LATEST_VERSION + 1}`);
    raw.close();

    const logged = quietErrors();
    const { port } = serve(dir);
    port.send({ id: 1, method: 'system.info', input: {}, window: 1 });
    const [fatal, answer] = (await port.waitFor(2)) as [
      { type: string; message: string },
      { id: number; result: { ok: false; error: { code: string; message: string } } },
    ];
    expect(fatal.type).toBe('fatal');
    expect(fatal.message).toContain('较新版本');
    expect(answer.id).toBe(1);
    expect(answer.result.ok).toBe(false);
    expect(answer.result.error).toEqual({ code: 'CONFLICT', message: fatal.message });
    expect(port.posted.filter((m) => (m as { type?: string }).type === 'fatal')).toHaveLength(1);
    expect(logged).toHaveBeenCalled();

    const check = new Database(join(dir, DB_FILE_NAME), { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(LATEST_VERSION + 1);
    check.close();
  });

  it('reports a data folder it cannot open as fatal with a Chinese INTERNAL message', async () => {
    quietErrors();
    const port = new FakePort();
    serveHost(port, Promise.reject(new Error('EACCES')), () => {});
    port.send({ id: 4, method: 'system.info', input: {}, window: 1 });
    const [fatal, answer] = (await port.waitFor(2)) as [
      { message: string },
      { result: { error: { code: string; message: string } } },
    ];
    expect(fatal.message).toMatch(/^无法打开数据文件.*EACCES/);
    expect(answer.result.error.code).toBe('INTERNAL');
  });

  it('on stop finishes the calls in flight, closes the database and exits 0; later calls are refused', async () => {
    const dir = tempDir();
    const port = new FakePort();
    const exits: number[] = [];
    // The real backend, with calls held back a little so the stop arrives while one is in flight.
    const opening = openBackend(dir).then((backend) => ({
      ...backend,
      dispatch: Object.assign(
        async (...args: Parameters<typeof backend.dispatch>) => {
          await new Promise((resolve) => setTimeout(resolve, 30));
          return backend.dispatch(...args);
        },
        { admits: backend.dispatch.admits },
      ),
    }));
    serveHost(port, opening, (code) => exits.push(code));
    port.send({ id: 1, method: 'auth.status', input: {}, window: 1 });
    port.send({ type: 'stop' });
    port.send({ id: 2, method: 'auth.status', input: {}, window: 1 });
    await expect.poll(() => exits, { timeout: 5000 }).toEqual([0]);

    const byId = new Map((port.posted as Array<{ id: number; result: { ok: boolean } }>).map((a) => [a.id, a.result]));
    expect(byId.get(1)?.ok).toBe(true);
    expect(byId.get(2)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    // Closing the last connection checkpoints the WAL and removes it.
    expect(existsSync(join(dir, `${DB_FILE_NAME}-wal`))).toBe(false);
  });
});

describe('data host sessions', () => {
  /** The real backend, recording every token the host's jars hold after a call (the test's view only). */
  function serveRecording(dataDir: string) {
    const port = new FakePort();
    const tokens = new Set<string>();
    const contexts: CallContext[] = [];
    const opening = openBackend(dataDir, { passwordHashCost: TEST_PASSWORD_HASH_COST }).then((backend) => ({
      ...backend,
      dispatch: Object.assign(
        async (...args: Parameters<typeof backend.dispatch>) => {
          const result = await backend.dispatch(...args);
          contexts.push(args[2]);
          const token = args[2].jar.get();
          if (token) tokens.add(token);
          return result;
        },
        { admits: backend.dispatch.admits },
      ),
    }));
    serveHost(port, opening, () => {});
    return { port, tokens, contexts, opening };
  }

  it('needs a session for non-public methods: a window that has not signed in gets UNAUTHENTICATED', async () => {
    const { port, opening } = serveRecording(tempDir());
    const info = await ask(port, 1, 'system.info');
    expect(info.result).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    (await opening).close();
  });

  it('keeps one session per window: after auth.setup the same window succeeds, another window does not', async () => {
    const { port, tokens, contexts, opening } = serveRecording(tempDir());
    await setupFrom(port, 1);
    expect(tokens.size).toBe(1);

    expect((await ask(port, 1, 'system.info')).result).toMatchObject({ ok: true });
    expect((await ask(port, 1, 'auth.me')).result).toMatchObject({ ok: true, data: { username: ADMIN.username } });
    expect((await ask(port, 2, 'system.info')).result).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    expect((await ask(port, 2, 'auth.status')).result).toMatchObject({
      ok: true,
      data: { needsSetup: false, session: 'none' },
    });
    expect((await ask(port, 1, 'auth.status')).result).toMatchObject({ ok: true, data: { session: 'active' } });
    // Every call is the desktop's, over IPC, whatever the renderer sent.
    expect(contexts.every((c) => c.transport === 'ipc' && c.client === 'desktop')).toBe(true);
    (await opening).close();
  });

  it('signs windows in and out independently', async () => {
    const { port, tokens, opening } = serveRecording(tempDir());
    await setupFrom(port, 1);
    const login = await ask(port, 2, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
    expect(login.result).toMatchObject({ ok: true, data: { username: ADMIN.username } });
    expect(tokens.size).toBe(2);
    expect((await ask(port, 2, 'system.info')).result).toMatchObject({ ok: true });

    expect((await ask(port, 1, 'auth.logout')).result).toEqual({ ok: true, data: null });
    expect((await ask(port, 1, 'system.info')).result).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    expect((await ask(port, 2, 'system.info')).result).toMatchObject({ ok: true });
    (await opening).close();
  });

  it('never lets a session token leave the host: no answer carries one', async () => {
    const { port, tokens, opening } = serveRecording(tempDir());
    const setup = await setupFrom(port, 1);
    await ask(port, 2, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
    await ask(port, 1, 'auth.me');
    await ask(port, 2, 'auth.status');
    expect(tokens.size).toBe(2);

    expect(Object.keys((setup.result as { data: object }).data)).not.toContain('token');
    const everything = JSON.stringify(port.posted);
    for (const token of tokens) expect(everything).not.toContain(token);
    (await opening).close();
  });

  it('tells each window of the changes its session may see, and a window signed in nowhere of none', async () => {
    const { port, opening } = serve(tempDir());
    await setupFrom(port, 1);
    await ask(port, 2, 'auth.status');
    const created = await ask(port, 1, 'units.create', { code: 'CSJ', name: '测试局', kind: 'county_department' });
    expect(created.result).toMatchObject({ ok: true });
    const live = port.posted.filter((message) => (message as { type?: unknown }).type === 'live');
    expect(live).toEqual([{ type: 'live', window: 1, change: { topic: 'units', kind: 'units.create' } }]);
    (await opening).close();
  });

  it("does not let one window borrow another window's session by sending its id as input", async () => {
    const { port, opening } = serveRecording(tempDir());
    await setupFrom(port, 1);
    const borrowed = await ask(port, 2, 'system.info', { window: 1 });
    expect(borrowed.result).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    (await opening).close();
  });
});

describe('hostArgs', () => {
  it('reads --data DIR and --data=DIR wherever the launcher puts its own arguments', () => {
    expect(
      hostArgs(['/opt/zz/electron', '/opt/zz/out/main/host.js', '--data', '/home/u/.config/综治工作台']).dataDir,
    ).toBe('/home/u/.config/综治工作台');
    expect(hostArgs(['electron', '--data=C:\\Users\\u\\AppData\\Roaming\\综治工作台']).dataDir).toBe(
      'C:\\Users\\u\\AppData\\Roaming\\综治工作台',
    );
  });

  it('gives null when no data folder was passed', () => {
    expect(hostArgs(['electron', 'host.js']).dataDir).toBeNull();
    expect(hostArgs(['electron', 'host.js', '--data=']).dataDir).toBeNull();
  });

  it('has the keys wrapped by the OS keystore only when main says --keys os', () => {
    expect(hostArgs(['electron', 'host.js', '--data', '/d', '--keys', 'os']).osKeys).toBe(true);
    expect(hostArgs(['electron', 'host.js', '--data', '/d']).osKeys).toBe(false);
  });
});
