import { EventEmitter } from 'node:events';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ok } from '../../shared/errors';
import { ADMIN, signInAs, signInWith, testBackend } from '../helpers/backend';
import { startCentreServer } from '../helpers/centre-server';

/** Just enough of Electron for index.ts to run its whole start-up and shutdown. */
const fakes = await vi.hoisted(async () => {
  const { EventEmitter } = await import('node:events');
  type PermissionHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;

  class FakeHost extends EventEmitter {
    readonly posted: Array<Record<string, unknown>> = [];
    postMessage(message: Record<string, unknown>) {
      this.posted.push(message);
    }
    kill() {
      return true;
    }
  }

  let nextContentsId = 1;
  class FakeWindow extends EventEmitter {
    static all: FakeWindow[] = [];
    readonly sent: unknown[][] = [];
    readonly webContents = Object.assign(new EventEmitter(), {
      id: nextContentsId++,
      send: (...args: unknown[]) => this.sent.push(args),
      isDestroyed: () => false,
    });
    loadedUrl = '';
    minimized = true;
    focused = false;
    constructor(readonly options: { webPreferences: { preload: string } }) {
      super();
      FakeWindow.all.push(this);
    }
    static getAllWindows() {
      return FakeWindow.all;
    }
    loadURL(url: string) {
      this.loadedUrl = url;
      return Promise.resolve();
    }
    isMinimized() {
      return this.minimized;
    }
    restore() {
      this.minimized = false;
    }
    focus() {
      this.focused = true;
    }
    setMenu() {}
  }

  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const state = {
    /** The profile folder (userData), where the first-run choice is kept. */
    userData: mkdtempSync(join(tmpdir(), 'zz-main-')),
    lock: true,
    ready: null as null | (() => void),
    hosts: [] as Array<{ script: string; args: string[]; host: FakeHost }>,
    handlers: new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>(),
    menus: 0,
    /** The application menu last set (its template: buildFromTemplate hands it back). */
    menu: [] as Array<{ label?: string; submenu?: unknown }>,
    dialogs: [] as Array<{ type: string; detail: string }>,
    privileged: [] as Array<{ scheme: string; beforeWhenReady: boolean }>,
    protocols: [] as string[],
    sandboxed: false,
    permissionHandler: null as PermissionHandler | null,
  };

  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    requestSingleInstanceLock: () => state.lock,
    quit: () => app.emit('will-quit', { preventDefault: () => {} }),
    whenReady: () => new Promise<void>((resolve) => (state.ready = resolve)),
    getPath: (name: string) => (name === 'userData' ? state.userData : `${state.userData}/${name}`),
    getVersion: () => '0.1.0',
    enableSandbox: () => {
      state.sandboxed = true;
    },
  });

  const session = {
    webRequest: { onHeadersReceived: () => {} },
    setPermissionRequestHandler: (handler: PermissionHandler) => (state.permissionHandler = handler),
    setPermissionCheckHandler: () => {},
  };

  const screen = Object.assign(new EventEmitter(), {
    getAllDisplays: () => [{ id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, scaleFactor: 1 }],
    getPrimaryDisplay: () => ({ id: 1 }),
  });

  const protocol = {
    registerSchemesAsPrivileged: (schemes: Array<{ scheme: string }>) =>
      state.privileged.push(...schemes.map(({ scheme }) => ({ scheme, beforeWhenReady: state.ready === null }))),
    handle: (scheme: string) => state.protocols.push(scheme),
  };

  return { FakeHost, FakeWindow, state, app, session, screen, protocol };
});

vi.mock('electron', () => ({
  app: fakes.app,
  session: { defaultSession: fakes.session },
  screen: fakes.screen,
  protocol: fakes.protocol,
  // No keyring here: the host keeps a plain owner-only key file.
  safeStorage: { isEncryptionAvailable: () => false },
  BrowserWindow: fakes.FakeWindow,
  Menu: {
    buildFromTemplate: (t: unknown) => t,
    setApplicationMenu: (menu: typeof fakes.state.menu) => {
      fakes.state.menus++;
      fakes.state.menu = menu;
    },
  },
  webContents: {
    fromId: (id: number) => fakes.FakeWindow.all.find((window) => window.webContents.id === id)?.webContents,
  },
  ipcMain: {
    handle: (channel: string, handler: (event: unknown, ...args: unknown[]) => Promise<unknown>) =>
      fakes.state.handlers.set(channel, handler),
  },
  utilityProcess: {
    fork: (script: string, args: string[]) => {
      const host = new fakes.FakeHost();
      fakes.state.hosts.push({ script, args, host });
      return host;
    },
  },
  dialog: {
    showMessageBox: (options: { type: string; detail: string }) => {
      fakes.state.dialogs.push(options);
      return Promise.resolve({ response: 0 });
    },
    showErrorBox: () => {},
  },
}));

async function launch() {
  vi.resetModules();
  await import('../../electron/main/index');
}

async function launchReady() {
  await launch();
  fakes.state.ready!();
  await vi.waitFor(() => expect(fakes.FakeWindow.all).toHaveLength(1));
  return { host: fakes.state.hosts[0]!.host, window: fakes.FakeWindow.all[0]! };
}

beforeEach(() => {
  delete process.env.ELECTRON_RENDERER_URL;
  fakes.app.removeAllListeners();
  fakes.screen.removeAllListeners();
  fakes.FakeWindow.all.length = 0;
  Object.assign(fakes.state, {
    lock: true,
    ready: null,
    hosts: [],
    menus: 0,
    dialogs: [],
    privileged: [],
    protocols: [],
    sandboxed: false,
    permissionHandler: null,
  });
  fakes.state.handlers.clear();
  // Standalone use chosen at first run (the choice itself: connection-choice, server-client tests).
  writeFileSync(join(fakes.state.userData, 'connection.json'), JSON.stringify({ mode: 'standalone' }));
});

describe('main process lifecycle', () => {
  it('quits at once when another instance already runs', async () => {
    fakes.state.lock = false;
    const quit = vi.spyOn(fakes.app, 'quit');
    await launch();
    expect(quit).toHaveBeenCalledOnce();
    expect(fakes.state.ready).toBeNull();
    quit.mockRestore();
  });

  it('on ready starts the data host on the user data folder, registers IPC, sets the menu and opens the window', async () => {
    const { window } = await launchReady();
    const [{ script, args }] = fakes.state.hosts;
    expect(script).toMatch(/[/\\]main[/\\]host\.js$/);
    expect(args).toEqual(['--data', fakes.state.userData]);
    expect([...fakes.state.handlers.keys()]).toEqual(['zz:invoke']);
    expect(fakes.state.menus).toBe(1);
    expect(window.loadedUrl).toBe('app://zongzhi/index.html');
    expect(fakes.state.protocols).toEqual(['app']);
    expect(window.options.webPreferences.preload).toMatch(/[/\\]preload[/\\]index\.cjs$/);
  });

  it('starts no data host before the first-run choice, and answers calls by asking for it', async () => {
    rmSync(join(fakes.state.userData, 'connection.json'));
    await launch();
    fakes.state.ready!();
    await vi.waitFor(() => expect(fakes.FakeWindow.all).toHaveLength(1));
    expect(fakes.state.hosts).toEqual([]);
    const window = fakes.FakeWindow.all[0]!;
    const invoke = fakes.state.handlers.get('zz:invoke')!;
    const sender = { senderFrame: { url: window.loadedUrl, parent: null }, sender: { id: 5 } };
    expect(await invoke(sender, 'petitions.list', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringContaining('请先选择使用方式') },
    });
  });

  it("relays a call from the window to the data host with the window's id and returns its answer", async () => {
    const { host, window } = await launchReady();
    const invoke = fakes.state.handlers.get('zz:invoke')!;
    const sender = { senderFrame: { url: window.loadedUrl, parent: null }, sender: { id: 5 } };
    const answer = invoke(sender, 'system.info', {});
    // The host message names the calling window: the data host keeps one session per window.
    expect(host.posted).toEqual([{ id: 1, method: 'system.info', input: {}, window: 5 }]);
    host.emit('message', { id: 1, result: ok({ schemaVersion: 1 }) });
    await expect(answer).resolves.toEqual(ok({ schemaVersion: 1 }));

    const other = invoke({ ...sender, sender: { id: 6 } }, 'auth.me', {});
    expect(host.posted.at(-1)).toEqual({ id: 2, method: 'auth.me', input: {}, window: 6 });
    host.emit('message', { id: 2, result: ok(null) });
    await expect(other).resolves.toEqual(ok(null));
  });

  it("shows the host's fatal message in a dialog and sends it to the pages", async () => {
    const { host, window } = await launchReady();
    host.emit('message', { type: 'fatal', message: '该数据文件由较新版本的综治工作台写入' });
    expect(fakes.state.dialogs).toMatchObject([{ type: 'error', detail: '该数据文件由较新版本的综治工作台写入' }]);
    expect(window.sent).toEqual([['zz:event:host-fatal', { message: '该数据文件由较新版本的综治工作台写入' }]]);
  });

  it('registers the app: scheme as privileged before the app is ready', async () => {
    await launch();
    expect(fakes.state.privileged).toEqual([{ scheme: 'app', beforeWhenReady: true }]);
    expect(fakes.state.protocols).toEqual([]);
  });

  it('sandboxes every renderer, keeps every web contents on the app and denies permissions', async () => {
    await launchReady();
    expect(fakes.state.sandboxed).toBe(true);
    const contents = Object.assign(new EventEmitter(), { setWindowOpenHandler: vi.fn() });
    fakes.app.emit('web-contents-created', {}, contents);
    const refused = (url: string) => {
      const event = { url, preventDefault: vi.fn() };
      contents.emit('will-navigate', event);
      return event.preventDefault.mock.calls.length > 0;
    };
    expect(refused('https://example.com/')).toBe(true);
    expect(refused('file:///etc/passwd')).toBe(true);
    expect(refused('app://zongzhi/index.html#/wall')).toBe(false);
    expect(contents.setWindowOpenHandler).toHaveBeenCalled();
    const granted = vi.fn();
    fakes.state.permissionHandler!({}, 'media', granted);
    expect(granted).toHaveBeenCalledWith(false);
  });

  it('loads the dev server in an unpackaged app given one', async () => {
    process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173/';
    const { window } = await launchReady();
    expect(window.loadedUrl).toBe('http://localhost:5173/');
  });

  it('brings the workstation back when a second instance starts', async () => {
    const { window } = await launchReady();
    fakes.app.emit('second-instance');
    expect(window.minimized).toBe(false);
    expect(window.focused).toBe(true);
  });

  it('holds the quit until the data host has closed its database', async () => {
    const { host } = await launchReady();
    const first = { preventDefault: vi.fn() };
    fakes.app.emit('will-quit', first);
    expect(first.preventDefault).toHaveBeenCalled();
    expect(host.posted).toEqual([{ type: 'stop' }]);

    const quit = vi.spyOn(fakes.app, 'quit');
    host.emit('exit', 0);
    await vi.waitFor(() => expect(quit).toHaveBeenCalled());
    const again = { preventDefault: vi.fn() };
    fakes.app.emit('will-quit', again);
    expect(again.preventDefault).not.toHaveBeenCalled();
    quit.mockRestore();
  });

  it('in client mode opens the board window on the centre server’s board, through the pinned relay', async () => {
    const backend = await testBackend();
    const server = await startCentreServer(backend);
    const choice = {
      mode: 'client',
      address: '127.0.0.1',
      port: server.port,
      fingerprint: server.certificate.fingerprint,
    };
    writeFileSync(join(fakes.state.userData, 'connection.json'), JSON.stringify(choice));
    await launch();
    fakes.state.ready!();
    await vi.waitFor(() => expect(fakes.FakeWindow.all).toHaveLength(1));
    // No data host: the calls go to the centre server.
    expect(fakes.state.hosts).toEqual([]);
    const invoke = fakes.state.handlers.get('zz:invoke')!;
    const from = (window: InstanceType<typeof fakes.FakeWindow>) => ({
      senderFrame: { url: window.loadedUrl, parent: null },
      sender: { id: window.webContents.id },
    });
    const workstation = fakes.FakeWindow.all[0]!;
    expect(await invoke(from(workstation), 'auth.setup', ADMIN)).toMatchObject({ ok: true });

    // 窗口 › 打开态势大屏 › 显示器 1
    type Item = { label?: string; submenu?: Item[]; click?: () => void };
    const windowMenu = (fakes.state.menu as Item[]).find((item) => item.label === '窗口')!;
    const boardMenu = windowMenu.submenu!.find((item) => item.label === '打开态势大屏')!;
    boardMenu.submenu![0]!.click!();
    const board = fakes.FakeWindow.all[1]!;
    expect(board.loadedUrl).toBe('app://zongzhi/index.html#/wall');

    const snapshot = await invoke(from(board), 'board.snapshot', {});
    expect(snapshot).toMatchObject({ ok: true, data: { townships: expect.any(Array) } });
    // The wall's session reads the board only.
    expect(await invoke(from(board), 'users.list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // Another workstation's change reaches the board window on its own feed.
    const other = await signInWith(backend, ADMIN);
    await vi.waitFor(
      async () => {
        await signInAs(backend, other, ['duty_officer']);
        expect(board.sent.map(([channel]) => channel)).toContain('zz:event:live');
      },
      { timeout: 15_000, interval: 300 },
    );

    fakes.app.quit();
    await server.close();
    backend.close();
  }, 30_000);
});
