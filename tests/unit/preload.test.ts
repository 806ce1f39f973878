import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ok } from '../../shared/errors';

const fakes = await vi.hoisted(async () => {
  const { EventEmitter } = await import('node:events');
  const exposed = new Map<string, unknown>();
  const ipcRenderer = Object.assign(new EventEmitter(), {
    invoke: (() => Promise.resolve(undefined)) as (...args: unknown[]) => Promise<unknown>,
  });
  return { exposed, ipcRenderer };
});

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => fakes.exposed.set(key, api) },
  ipcRenderer: fakes.ipcRenderer,
}));

await import('../../electron/preload/index');

interface Zz {
  invoke(method: unknown, input?: unknown): Promise<unknown>;
  on(event: unknown, listener: (payload: unknown) => void): () => void;
}
const zz = fakes.exposed.get('zz') as Zz;

beforeEach(() => {
  fakes.ipcRenderer.removeAllListeners();
});

describe('preload bridge', () => {
  it('exposes window.zz with invoke and on only, and nothing else', () => {
    expect([...fakes.exposed.keys()]).toEqual(['zz']);
    expect(Object.keys(zz).sort()).toEqual(['invoke', 'on']);
  });

  it('forwards a contract method over zz:invoke and returns the envelope', async () => {
    const invoke = vi.fn(async () => ok({ appName: '综治工作台' }));
    fakes.ipcRenderer.invoke = invoke;
    await expect(zz.invoke('system.info', {})).resolves.toEqual(ok({ appName: '综治工作台' }));
    expect(invoke).toHaveBeenCalledExactlyOnceWith('zz:invoke', 'system.info', {});
  });

  it('forwards only the method and input: the page cannot name a window or a session (main fills those in)', async () => {
    const invoke = vi.fn(async () => ok(null));
    fakes.ipcRenderer.invoke = invoke;
    const loose = zz as unknown as { invoke(...args: unknown[]): Promise<unknown> };
    await loose.invoke('auth.me', {}, 2, { token: 'stolen' });
    expect(invoke).toHaveBeenCalledExactlyOnceWith('zz:invoke', 'auth.me', {});
  });

  it('refuses a method outside the contract with a NOT_FOUND envelope, without any IPC', async () => {
    const invoke = vi.fn();
    fakes.ipcRenderer.invoke = invoke;
    for (const method of ['system.dropAll', 'toString', 7]) {
      await expect(zz.invoke(method, {})).resolves.toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
    expect(invoke).not.toHaveBeenCalled();
  });

  it('turns a broken IPC link into an INTERNAL envelope instead of a rejection', async () => {
    fakes.ipcRenderer.invoke = vi.fn(async () => {
      throw new Error("No handler registered for 'zz:invoke'");
    });
    await expect(zz.invoke('system.info', {})).resolves.toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('delivers host-fatal payloads without the IPC event, until unsubscribed', () => {
    const listener = vi.fn();
    const off = zz.on('host-fatal', listener);
    const sender = new EventEmitter();
    fakes.ipcRenderer.emit('zz:event:host-fatal', { sender }, { message: '无法打开数据' });
    expect(listener).toHaveBeenCalledExactlyOnceWith({ message: '无法打开数据' });
    off();
    fakes.ipcRenderer.emit('zz:event:host-fatal', { sender }, { message: 'again' });
    expect(listener).toHaveBeenCalledOnce();
    expect(fakes.ipcRenderer.listenerCount('zz:event:host-fatal')).toBe(0);
  });

  it('refuses to subscribe to any other event or raw channel', () => {
    expect(() => zz.on('zz:invoke', () => {})).toThrow('不支持订阅事件');
    expect(() => zz.on('ELECTRON_BROWSER_WINDOW_ALERT', () => {})).toThrow();
    expect(fakes.ipcRenderer.eventNames()).toEqual([]);
  });
});
