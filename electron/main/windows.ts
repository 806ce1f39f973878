import { BrowserWindow, type BrowserWindowConstructorOptions, type Input, type Rectangle } from 'electron';
import { secureWebPreferences } from './security';

/** What every window loads: the renderer entry and the preload script. */
export interface RendererPaths {
  entryUrl: string;
  preload: string;
}

export function workstationWindowOptions(preload: string): BrowserWindowConstructorOptions {
  return {
    title: '综治工作台',
    width: 1440,
    height: 900,
    minWidth: 1280,
    minHeight: 720,
    show: false,
    backgroundColor: '#f5f7fa',
    webPreferences: secureWebPreferences(preload),
  };
}

/**
 * Placed on the chosen display's bounds so fullscreen lands there. Left resizable: some Linux
 * window managers refuse fullscreen to a non-resizable window.
 */
export function boardWindowOptions(bounds: Rectangle, preload: string): BrowserWindowConstructorOptions {
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
    webPreferences: secureWebPreferences(preload),
  };
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
  const win = new BrowserWindow(workstationWindowOptions(paths.preload));
  load(win, paths.entryUrl);
  return win;
}

let board: BrowserWindow | null = null;

/** Opens the board fullscreen on `display`, replacing a board already open; Esc closes it. */
export function openBoardWindow(display: { bounds: Rectangle }, paths: RendererPaths): BrowserWindow {
  board?.close();
  const win = new BrowserWindow(boardWindowOptions(display.bounds, paths.preload));
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
