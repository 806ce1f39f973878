import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, call, invoke, onCallError } from '@/api/client';
import { installBridge, removeBridge } from './helpers/fakeBridge';

const info = {
  appName: '综治工作台',
  version: '0.1.0',
  schemaVersion: 1,
  county: null,
  centreName: '社会治理综合服务中心',
  counts: { townships: 0, villages: 0, grids: 0, units: 0, people: 0 },
};

afterEach(() => {
  removeBridge();
  vi.unstubAllGlobals();
});

describe('api client', () => {
  it('calls the desktop bridge window.zz when present, without touching fetch', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    const bridge = installBridge({ 'system.info': () => ({ ok: true, data: info }) });

    const result = await invoke('system.info', {});

    expect(result).toEqual({ ok: true, data: info });
    expect(bridge).toHaveBeenCalledWith('system.info', {});
    expect(fetch).not.toHaveBeenCalled();
  });

  it('posts to api/<method> relative to the page when there is no bridge, with the app header', async () => {
    localStorage.clear();
    const fetch = vi.fn(async () => new Response(JSON.stringify({ ok: true, data: info })));
    vi.stubGlobal('fetch', fetch);

    const result = await invoke('regions.list', { level: 'township' });

    expect(result).toEqual({ ok: true, data: info });
    expect(fetch).toHaveBeenCalledWith('api/regions.list', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-zongzhi-client': 'web' },
      body: JSON.stringify({ level: 'township' }),
    });
  });

  it('keeps the half of the session a reply brings, sends it with every call, and forgets it when the session ends', async () => {
    localStorage.clear();
    const replies = [
      new Response(JSON.stringify({ ok: true, data: info }), { headers: { 'x-zz-session-key': 'page-half' } }),
      new Response(JSON.stringify({ ok: true, data: info })),
      new Response(JSON.stringify({ ok: true, data: null }), { headers: { 'x-zz-session-key': '' } }),
      new Response(JSON.stringify({ ok: true, data: info })),
    ];
    const fetch = vi.fn(async (_url: string, _init: RequestInit) => replies.shift()!);
    vi.stubGlobal('fetch', fetch);
    const sent = () => (fetch.mock.calls.at(-1)![1].headers as Record<string, string>)['x-zz-session-key'];

    await invoke('auth.login', { username: 'a', password: 'b' });
    expect(sent()).toBeUndefined();
    await invoke('system.info', {});
    expect(sent()).toBe('page-half');
    await invoke('auth.logout', {});
    expect(sent()).toBe('page-half');
    await invoke('system.info', {});
    expect(sent()).toBeUndefined();
  });

  it('passes the server error envelope through unchanged', async () => {
    const envelope = {
      ok: false,
      error: { code: 'VALIDATION', message: '输入有误', details: [{ path: 'keyword', message: '太长' }] },
    };
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify(envelope), { status: 400 }));

    expect(await invoke('regions.list', {})).toEqual(envelope);
  });

  it('turns a network failure into an INTERNAL envelope with a Chinese message', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });

    const result = await invoke('system.info', {});

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INTERNAL');
    expect(result.error.message).toMatch(/连接失败/);
  });

  it('turns a reply that is not an envelope into an INTERNAL envelope', async () => {
    vi.stubGlobal('fetch', async () => new Response('<html>502 Bad Gateway</html>', { status: 502 }));

    const result = await invoke('system.info', {});

    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('call() unwraps the data and throws an ApiError carrying code, message and details', async () => {
    const details = [{ path: 'code', message: '字典代码只能含小写字母和下划线' }];
    installBridge({
      'system.info': () => ({ ok: true, data: info }),
      'dicts.get': () => ({ ok: false, error: { code: 'VALIDATION', message: '输入有误', details } }),
    });

    await expect(call('system.info', {})).resolves.toEqual(info);
    const failure = await call('dicts.get', { code: 'X' }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ code: 'VALIDATION', message: '输入有误', details });
  });

  it('tells error listeners about every failed call, with its method, until they stop listening', async () => {
    const expired = { code: 'UNAUTHENTICATED', reason: 'SESSION_EXPIRED', message: '会话已锁定' } as const;
    installBridge({
      'system.info': () => ({ ok: true, data: info }),
      'regions.list': () => ({ ok: false, error: expired }),
    });
    const listener = vi.fn();
    const stop = onCallError(listener);

    await invoke('system.info', {});
    const failure = await call('regions.list', {}).catch((error: unknown) => error);
    stop();
    await invoke('regions.list', {});

    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener).toHaveBeenCalledWith(expired, 'regions.list');
    expect(failure).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SESSION_EXPIRED' });
  });
});
