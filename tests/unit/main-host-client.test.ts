import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ok } from '../../shared/errors';

const forked = vi.hoisted(() => [] as Array<{ script: string; args: string[]; options: unknown }>);

vi.mock('electron', () => ({
  utilityProcess: {
    fork: (script: string, args: string[], options: unknown) => {
      forked.push({ script, args, options });
      return new FakeHost();
    },
  },
}));

const { createHostClient, startDataHost } = await import('../../electron/main/host-client');

/** A utility process stand-in: records what main posts, lets the test answer or exit. */
class FakeHost extends EventEmitter {
  readonly posted: Array<Record<string, unknown>> = [];
  killed = false;
  postMessage(message: Record<string, unknown>) {
    this.posted.push(message);
  }
  kill() {
    this.killed = true;
    return true;
  }
  reply(id: unknown, result: unknown) {
    this.emit('message', { id, result });
  }
  exit(code: number) {
    this.emit('exit', code);
  }
}

afterEach(() => {
  vi.useRealTimers();
});

describe('host client', () => {
  it('matches concurrent answers to their calls by id, whatever order they come in', async () => {
    const host = new FakeHost();
    const client = createHostClient(host);
    const a = client.call('system.info', {}, 1);
    const b = client.call('regions.list', { page: 1 }, 1);
    const c = client.call('units.list', {}, 2);
    expect(host.posted).toEqual([
      { id: 1, method: 'system.info', input: {}, window: 1 },
      { id: 2, method: 'regions.list', input: { page: 1 }, window: 1 },
      { id: 3, method: 'units.list', input: {}, window: 2 },
    ]);
    host.reply(3, ok('c'));
    host.reply(1, ok('a'));
    host.reply(2, ok('b'));
    await expect(Promise.all([a, b, c])).resolves.toEqual([ok('a'), ok('b'), ok('c')]);
  });

  it("hands the host's live changes to main with the window they are for", () => {
    const host = new FakeHost();
    const relayed: unknown[] = [];
    createHostClient(host, { onLive: (window, change) => relayed.push([window, change]) });
    const change = { topic: 'petitions', id: 'p1', version: 3, kind: 'petitions.update' };
    host.emit('message', { type: 'live', window: 4, change });
    host.emit('message', { type: 'live', window: 'all', change });
    expect(relayed).toEqual([[4, change]]);
  });

  it('tells the host which window is the wall display', () => {
    const host = new FakeHost();
    createHostClient(host).markDisplay(4);
    expect(host.posted).toEqual([{ type: 'display', window: 4 }]);
  });

  it("tags every call with the calling window's id, so the host can keep each window's session apart", async () => {
    const host = new FakeHost();
    const client = createHostClient(host);
    const calls = [client.call('auth.login', { username: 'a' }, 7), client.call('auth.me', {}, 12)];
    expect(host.posted.map(({ id, method, window }) => ({ id, method, window }))).toEqual([
      { id: 1, method: 'auth.login', window: 7 },
      { id: 2, method: 'auth.me', window: 12 },
    ]);
    // Answers are matched by call id only: the window never decides which call a result settles.
    host.reply(2, ok('me'));
    host.reply(1, ok('login'));
    await expect(Promise.all(calls)).resolves.toEqual([ok('login'), ok('me')]);
  });

  it('ignores answers for unknown ids and malformed messages', async () => {
    const host = new FakeHost();
    const client = createHostClient(host);
    const call = client.call('system.info', {}, 1);
    host.reply(99, ok('stray'));
    host.emit('message', { id: 1, result: 'not an envelope' });
    host.emit('message', null);
    host.reply(1, ok('right'));
    await expect(call).resolves.toEqual(ok('right'));
  });

  it('fails every pending call with a Chinese INTERNAL error when the host exits, and later calls at once', async () => {
    const host = new FakeHost();
    const onFatal = vi.fn();
    const client = createHostClient(host, { onFatal });
    const pending = [client.call('system.info', {}, 1), client.call('regions.list', {}, 1)];
    host.exit(3);
    const results = await Promise.all(pending);
    for (const result of results) {
      expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
      expect(!result.ok && result.error.message).toContain('数据服务意外停止（代码 3）');
    }
    expect(onFatal).toHaveBeenCalledExactlyOnceWith(expect.stringContaining('数据服务意外停止'));
    await expect(client.call('system.info', {}, 1)).resolves.toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(host.posted).toHaveLength(2);
  });

  it('answers a call the host never answers with a timeout error, and drops the late answer', async () => {
    vi.useFakeTimers();
    const host = new FakeHost();
    const client = createHostClient(host, { timeoutMs: 1000 });
    const call = client.call('system.info', {}, 1);
    vi.advanceTimersByTime(1000);
    const result = await call;
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(!result.ok && result.error.message).toContain('超时');
    expect(() => host.reply(1, ok('late'))).not.toThrow();
  });

  it("surfaces the host's fatal message", () => {
    const host = new FakeHost();
    const onFatal = vi.fn();
    createHostClient(host, { onFatal });
    host.emit('message', { type: 'fatal', message: '该数据文件由较新版本的综治工作台写入' });
    expect(onFatal).toHaveBeenCalledExactlyOnceWith('该数据文件由较新版本的综治工作台写入');
  });

  it('stops by asking the host to close, resolving when it exits, without reporting a fatal', async () => {
    const host = new FakeHost();
    const onFatal = vi.fn();
    const client = createHostClient(host, { onFatal });
    const stopped = client.stop();
    expect(host.posted).toEqual([{ type: 'stop' }]);
    host.exit(0);
    await stopped;
    expect(host.killed).toBe(false);
    expect(onFatal).not.toHaveBeenCalled();
  });

  it('kills a host that does not exit within the grace period', async () => {
    vi.useFakeTimers();
    const host = new FakeHost();
    const client = createHostClient(host, { stopGraceMs: 500 });
    const stopped = client.stop();
    vi.advanceTimersByTime(500);
    await stopped;
    expect(host.killed).toBe(true);
  });

  it('forks the built host script on the data folder', () => {
    startDataHost('/opt/zz/out/main/host.js', '/home/u/.config/综治工作台', {});
    expect(forked.at(-1)).toMatchObject({
      script: '/opt/zz/out/main/host.js',
      args: ['--data', '/home/u/.config/综治工作台'],
    });
  });

  it('has the host keep its keys in the OS keystore when that protects anything, and answers its key requests', () => {
    const keystore = {
      isEncryptionAvailable: () => true,
      getSelectedStorageBackend: () => 'gnome_libsecret',
      encryptString: (plain: string) => Buffer.from(`sealed:${plain}`),
      decryptString: (encrypted: Buffer) => encrypted.toString().replace(/^sealed:/, ''),
    };
    startDataHost('/opt/zz/out/main/host.js', '/d', { keystore });
    expect(forked.at(-1)!.args).toEqual(['--data', '/d', '--keys', 'os']);
    startDataHost('/opt/zz/out/main/host.js', '/d', { keystore: { ...keystore, isEncryptionAvailable: () => false } });
    expect(forked.at(-1)!.args).toEqual(['--data', '/d']);

    const host = new FakeHost();
    createHostClient(host, { keystore });
    const key = Buffer.alloc(32, 1);
    host.emit('message', { type: 'key', id: 4, op: 'wrap', data: key.toString('base64') });
    expect(host.posted).toEqual([
      {
        type: 'key-answer',
        id: 4,
        ok: true,
        data: Buffer.from(`sealed:${key.toString('hex')}`).toString('base64'),
      },
    ]);
  });
});
