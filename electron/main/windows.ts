import { BrowserWindow, type BrowserWindowConstructorOptions, type Input, type Rectangle } from 'electron';

/** What every window loads: the renderer entry and the preload script. */
export interface RendererPaths {
  entryUrl: string;
  preload: string;
}

/** A window's size, place and look: everything but its web preferences, which are the same for all. */
type WindowLook = Omit<BrowserWindowConstructorOptions, 'webPreferences'>;

const WORKSTATION_LOOK: WindowLook = {
  title: '综治工作台',
  width: 1440,
  height: 900,
  minWidth: 1280,
  minHeight: 720,
  show: false,
  backgroundColor: '#f5f7fa',
};

/**
 * Placed on the chosen display's bounds so fullscreen lands there. Left resizable: some Linux
 * window managers refuse fullscreen to a non-resizable window.
 */
function boardLook(bounds: Rectangle): WindowLook {
  return {
    title: '综治工作台 · 态势大屏',
    x: bounds.x,
    y: bounds.y,
    width: bounds.width,
    height: bounds.height,
    fullscreen: true,
    fullscreenable: true,
    frame: false,
    autoHideMenuBar: true,
    show: false,
    backgroundColor: '#061427',
  };
}

/**
 * The one place a window is made. The renderer gets no Node and no Electron, only what the
 * sandboxed preload exposes; the preferences are written out here so Electronegativity
 * (`tests/unit/electronegativity.test.ts`) reads them. Middle-click (auxclick) is off as well:
 * a link can open nothing.
 */
function secureWindow(look: WindowLook, preload: string): BrowserWindow {
  return new BrowserWindow({
    ...look,
    webPreferences: {
      // The preload exposes two functions and refuses what the contract does not name:
      preload, // eng-disable PRELOAD_JS_CHECK: proven by tests/unit/preload.test.ts "exposes window.zz with invoke and on only, and nothing else"
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
    },
  });
}

/** The same renderer, at the wall display's hash route. */
export function boardUrl(entryUrl: string): string {
  const url = new URL(entryUrl);
  url.hash = '/wall';
  return url.href;
}

export const isEscapeKey = (input: Pick<Input, 'type' | 'key'>): boolean =>
  input.type === 'keyDown' && input.key === 'Escape';

function load(win: BrowserWindow, url: string): void {
  win.once('ready-to-show', () => win.show());
  win.loadURL(url).catch((error: unknown) => console.error('[main] 页面加载失败', url, error));
}

export function createWorkstationWindow(paths: RendererPaths): BrowserWindow {
  const win = secureWindow(WORKSTATION_LOOK, paths.preload);
  load(win, paths.entryUrl);
  return win;
}

let board: BrowserWindow | null = null;

/** Opens the board fullscreen on `display`, replacing a board already open; Esc closes it. */
export function openBoardWindow(display: { bounds: Rectangle }, paths: RendererPaths): BrowserWindow {
  board?.close();
  const win = secureWindow(boardLook(display.bounds), paths.preload);
  board = win;
  win.setMenu(null);
  win.webContents.on('before-input-event', (event, input) => {
    if (!isEscapeKey(input)) return;
    event.preventDefault();
    win.close();
  });
  win.on('closed', () => {
    if (board === win) board = null;
  });
  load(win, boardUrl(paths.entryUrl));
  return win;
}

export function closeBoardWindow(): void {
  board?.close();
}
