import { beforeEach, describe, expect, it, vi } from 'vitest';

const fakes = await vi.hoisted(async () => {
  // vi.hoisted runs before the file's imports: load what the fakes need here.
  const { EventEmitter: Emitter } = await import('node:events');
  class FakeWindow extends Emitter {
    static created: FakeWindow[] = [];
    readonly webContents = new Emitter();
    loadedUrl: string | null = null;
    menu: unknown = 'default';
    closed = false;
    shown = false;
    constructor(readonly options: Record<string, unknown>) {
      super();
      FakeWindow.created.push(this);
    }
    loadURL(url: string) {
      this.loadedUrl = url;
      return Promise.resolve();
    }
    setMenu(menu: unknown) {
      this.menu = menu;
    }
    show() {
      this.shown = true;
    }
    close() {
      if (this.closed) return;
      this.closed = true;
      this.emit('closed');
    }
  }
  return { FakeWindow };
});

vi.mock('electron', () => ({ BrowserWindow: fakes.FakeWindow }));

const windows = await import('../../electron/main/windows');
type FakeWindow = InstanceType<typeof fakes.FakeWindow>;

const PATHS = {
  entryUrl: 'app://zongzhi/index.html',
  preload: '/opt/zz/out/preload/index.cjs',
};
/** Every window's preferences: isolated, sandboxed, no Node, full web security, no webview, no auxclick. */
const SECURE_PREFERENCES = {
  preload: PATHS.preload,
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  spellcheck: false,
  disableBlinkFeatures: 'Auxclick',
};
const SECOND = { id: 2, bounds: { x: 1920, y: 0, width: 3840, height: 2160 }, scaleFactor: 1 };

/** Sends a key to the window's page as Electron's before-input-event would; true if it was swallowed. */
function press(win: FakeWindow, input: { type: string; key: string }): boolean {
  let prevented = false;
  win.webContents.emit('before-input-event', { preventDefault: () => (prevented = true) }, input);
  return prevented;
}

beforeEach(() => {
  windows.closeBoardWindow();
  fakes.FakeWindow.created.length = 0;
});

describe('workstation window', () => {
  it('loads the app entry with the secure preferences and shows once ready', () => {
    const win = windows.createWorkstationWindow(PATHS) as unknown as FakeWindow;
    expect(win.loadedUrl).toBe(PATHS.entryUrl);
    expect(win.options).toMatchObject({ title: '综治工作台', show: false });
    expect(win.options.webPreferences).toEqual(SECURE_PREFERENCES);
    expect(win.shown).toBe(false);
    win.emit('ready-to-show');
    expect(win.shown).toBe(true);
  });
});

describe('board window', () => {
  it('opens fullscreen on the chosen display bounds at the wall display’s #/wall, without a menu or frame', () => {
    const win = windows.openBoardWindow(SECOND, PATHS) as unknown as FakeWindow;
    expect(win.options).toMatchObject({ x: 1920, y: 0, width: 3840, height: 2160, fullscreen: true, frame: false });
    expect(win.options.webPreferences).toEqual(SECURE_PREFERENCES);
    expect(win.loadedUrl).toBe(`${PATHS.entryUrl}#/wall`);
    expect(win.menu).toBeNull();
  });

  it('puts the board hash on the dev server entry too', () => {
    expect(windows.boardUrl('app://zongzhi/index.html')).toBe('app://zongzhi/index.html#/wall');
    expect(windows.boardUrl('http://localhost:5173/')).toBe('http://localhost:5173/#/wall');
  });

  it('closes on Esc and ignores other keys and key releases', () => {
    const win = windows.openBoardWindow(SECOND, PATHS) as unknown as FakeWindow;
    expect(press(win, { type: 'keyDown', key: 'a' })).toBe(false);
    expect(press(win, { type: 'keyUp', key: 'Escape' })).toBe(false);
    expect(win.closed).toBe(false);
    expect(press(win, { type: 'keyDown', key: 'Escape' })).toBe(true);
    expect(win.closed).toBe(true);
  });

  it('keeps one board: opening on another display replaces it, and the menu command closes it', () => {
    const first = windows.openBoardWindow(SECOND, PATHS) as unknown as FakeWindow;
    const primary = { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, scaleFactor: 1 };
    const second = windows.openBoardWindow(primary, PATHS) as unknown as FakeWindow;
    expect(first.closed).toBe(true);
    expect(second.closed).toBe(false);
    expect(second.options).toMatchObject({ x: 0, y: 0, width: 1920, height: 1080 });
    windows.closeBoardWindow();
    expect(second.closed).toBe(true);
  });

  it('does not close the workstation window on Esc', () => {
    const win = windows.createWorkstationWindow(PATHS) as unknown as FakeWindow;
    expect(win.webContents.listenerCount('before-input-event')).toBe(0);
  });
});
