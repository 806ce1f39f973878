import { join } from 'node:path';
import { app, dialog, safeStorage, session, type BrowserWindow } from 'electron';
import { handleAppProtocol, registerAppScheme } from './app-protocol';
import { rendererEntryUrl } from './app-url';
import { fail } from '../../shared/errors';
import { readChoice, writeChoice } from './connection-choice';
import { answerConnectionMethod, CONNECTION_METHODS, type ConnectionMethods } from './connection-methods';
import { relayLive, relayReach, reportHostFatal, showAbout } from './dialogs';
import { startDataHost, type HostClient } from './host-client';
import { createServerClient } from './server-client';
import { createDesktopNotices } from './desktop-notices';
import { registerInvokeHandler } from './ipc';
import { answerPrintMethod, PRINT_METHODS } from './print-methods';
import { printPortOf } from './print-port';
import { installApplicationMenu } from './menu';
import { guardAllWebContents, secureSession } from './security';
import { closeBoardWindow, createWorkstationWindow, openBoardWindow, type RendererPaths } from './windows';

// Built layout: out/main/{index,host}.js, out/preload/index.cjs, out/renderer/index.html.
const outMain = import.meta.dirname;
const hostScript = join(outMain, 'host.js');
const rendererDir = join(outMain, '../renderer');
const paths: RendererPaths = {
  entryUrl: rendererEntryUrl(process.env.ELECTRON_RENDERER_URL, app.isPackaged),
  preload: join(outMain, '../preload/index.cjs'),
};

let host: HostClient | null = null;
let hostStopping: Promise<void> | null = null;
let hostStopped = false;
let workstation: BrowserWindow | null = null;

function focusWorkstation(): void {
  if (!workstation) return;
  if (workstation.isMinimized()) workstation.restore();
  workstation.focus();
}

function start(): void {
  secureSession(session.defaultSession);
  handleAppProtocol(rendererDir);
  // The per-user profile folder, the same one web mode defaults to; never the install folder.
  const userData = app.getPath('userData');
  const choice = readChoice(userData);
  // Standalone: the local data host. Client mode: the centre server, no local data at all. No
  // choice yet: nothing runs until the first-run page makes one (the app then restarts).
  const client =
    choice?.mode === 'client'
      ? createServerClient(choice, { onLive: relayLive, onReach: relayReach })
      : choice?.mode === 'standalone'
        ? startDataHost(hostScript, userData, { onFatal: reportHostFatal, onLive: relayLive, keystore: safeStorage })
        : null;
  host = client;
  const connection: ConnectionMethods = {
    current: choice,
    save(next) {
      writeChoice(userData, next);
      // Let the answer reach the page before the restart.
      setTimeout(() => {
        app.relaunch();
        app.quit();
      }, 300);
    },
  };
  const notices = createDesktopNotices(focusWorkstation);
  registerInvokeHandler(paths.entryUrl, async (method, input, window) => {
    if (CONNECTION_METHODS.has(method)) return answerConnectionMethod(method, input, connection);
    if (client && PRINT_METHODS.has(method))
      return answerPrintMethod(
        method,
        input,
        printPortOf(window, (record) => client.call('print.record', record, window)),
      );
    if (client) {
      const answer = await client.call(method, input, window);
      notices.observe(window, method, answer);
      return answer;
    }
    return Promise.resolve(fail('FORBIDDEN', '请先选择使用方式：单机使用或连接本中心服务器。'));
  });
  installApplicationMenu(
    {
      // The board window reads the board only, with its own display session: no sign-in on the wall
      // (in client mode, the centre server's board, opened with the workstation's session).
      openBoard: (display) => client?.markDisplay(openBoardWindow(display, paths).webContents.id),
      closeBoard: closeBoardWindow,
      showAbout,
    },
    !app.isPackaged,
  );
  workstation = createWorkstationWindow(paths);
  // The board belongs to the workstation: closing the workstation ends the app.
  workstation.on('closed', () => {
    workstation = null;
    app.quit();
  });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.enableSandbox();
  registerAppScheme();
  guardAllWebContents(app, paths.entryUrl);
  app.on('second-instance', focusWorkstation);
  // Let the host close the database before the process ends.
  app.on('will-quit', (event) => {
    if (!host || hostStopped) return;
    event.preventDefault();
    hostStopping ??= host.stop().finally(() => {
      hostStopped = true;
      app.quit();
    });
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      dialog.showErrorBox('综治工作台无法启动', error instanceof Error ? error.message : String(error));
      app.quit();
    });
}
