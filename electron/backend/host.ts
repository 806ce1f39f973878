/**
 * The data host: the backend in Electron's utility process (`utilityProcess.fork(host.js,
 * ['--data', DIR])`). Messages from main are `{ id, method, input, window }`, `{ type: 'display',
 * window }` (that window is the wall display) and `{ type: 'stop' }`;
 * it answers `{ id, result }`, reports a database it cannot open as `{ type: 'fatal', message }` and
 * tells each window of the changes its session may see as `{ type: 'live', window, change }`.
 * With `--keys os` it asks main to wrap and unwrap its keys (`{ type: 'key' }`, keys/port-wrapper.ts).
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { AppError, fail, type ErrorBody, type Result } from '../../shared/errors';
import type { CallContext } from './api/types';
import { openBackend } from './app';
import type { Backend } from './backend';
import { displayCall } from './auth/display';
import { startBoardLan } from './http/board-lan';
import { isKeyAnswer, portKeyWrapper } from './keys/port-wrapper';
import { follow } from './live/viewer';

/** `process.parentPort` in a utility process, typed here because this layer never imports Electron. */
export interface HostPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  postMessage(message: unknown): void;
}

export interface HostRequest {
  id: number;
  method: string;
  input: unknown;
  /** The calling window (webContents id), filled in by main: each window has its own session. */
  window: number;
}

const isRequest = (data: unknown): data is HostRequest =>
  typeof data === 'object' &&
  data !== null &&
  typeof (data as HostRequest).id === 'number' &&
  typeof (data as HostRequest).method === 'string' &&
  typeof (data as HostRequest).window === 'number';

const isStop = (data: unknown): boolean =>
  typeof data === 'object' && data !== null && (data as { type?: unknown }).type === 'stop';

/** Main names a window the wall display (the board window): its calls get a display session. */
const isDisplayWindow = (data: unknown): data is { type: 'display'; window: number } =>
  typeof data === 'object' &&
  data !== null &&
  (data as { type?: unknown }).type === 'display' &&
  typeof (data as { window?: unknown }).window === 'number';

/** Reads `--data DIR` (or `--data=DIR`) and `--keys os` from the process arguments. */
export function hostArgs(argv: readonly string[]): { dataDir: string | null; osKeys: boolean } {
  // The whole argv: what precedes the fork's own arguments differs between launchers.
  const { values } = parseArgs({
    args: [...argv],
    options: { data: { type: 'string' }, keys: { type: 'string' } },
    strict: false,
    allowPositionals: true,
  });
  return {
    dataDir: typeof values.data === 'string' && values.data !== '' ? values.data : null,
    osKeys: values.keys === 'os',
  };
}

function openFailure(error: unknown): ErrorBody {
  if (error instanceof AppError) return error.toBody();
  const reason = error instanceof Error ? error.message : String(error);
  return {
    code: 'INTERNAL',
    message: `无法打开数据文件：请确认数据文件夹可写、磁盘空间充足，然后重新启动综治工作台。（${reason}）`,
  };
}

/**
 * Answers the port's calls with the backend's envelopes. If opening fails, posts `fatal` once and
 * answers every call with that error. `stop` waits for calls in flight, closes the database, exits.
 */
export function serveHost(port: HostPort, opening: Promise<Backend>, exit: (code: number) => void): void {
  const ready: Promise<Backend | ErrorBody> = opening.catch((error: unknown) => {
    console.error('[data host] 打开数据失败', error);
    const body = openFailure(error);
    port.postMessage({ type: 'fatal', message: body.message });
    return body;
  });
  const inFlight = new Set<Promise<void>>();
  // The desktop's session jar: each window's token stays here, never in the renderer.
  const tokens = new Map<number, string>();
  const displays = new Map<number, CallContext>();
  const callFrom = (window: number): CallContext =>
    displays.get(window) ?? {
      transport: 'ipc',
      client: 'desktop',
      jar: {
        get: () => tokens.get(window),
        set: (token) => (token ? tokens.set(window, token) : tokens.delete(window)),
      },
    };
  let stopping = false;
  // Each window follows the changes from a call on, as whoever is signed in there sees them; one
  // with no session (signed out, closed) stops at the next change and follows again on its next call.
  const following = new Set<number>();
  const followFrom = (backend: Backend, window: number): void => {
    if (following.has(window) || backend.recovery) return;
    following.add(window);
    const stop = follow(backend.services, {
      token: () => callFrom(window).jar.get(),
      send: (change) => port.postMessage({ type: 'live', window, change }),
      ended: () => {
        stop();
        following.delete(window);
      },
    });
  };

  const answer = async ({ id, method, input, window }: HostRequest): Promise<void> => {
    const opened = await ready;
    let result: Result<unknown>;
    if (!('dispatch' in opened)) result = { ok: false, error: opened };
    else {
      followFrom(opened, window);
      try {
        result = await opened.dispatch(method, input, callFrom(window));
      } catch (error) {
        console.error(`[data host] ${method} 失败`, error);
        result = fail('INTERNAL', '系统内部错误，操作未完成。请稍后重试；如仍出现请联系管理员。');
      }
    }
    port.postMessage({ id, result });
  };

  const stop = async (): Promise<void> => {
    const opened = await ready;
    await Promise.allSettled([...inFlight]);
    if ('dispatch' in opened) opened.close();
    exit(0);
  };

  port.on('message', ({ data }) => {
    if (isStop(data)) {
      if (!stopping) void stop();
      stopping = true;
      return;
    }
    if (isDisplayWindow(data)) {
      void ready.then((opened) => {
        if ('dispatch' in opened) displays.set(data.window, displayCall(opened, 'ipc', 'wall-display'));
      });
      return;
    }
    if (!isRequest(data)) return;
    if (stopping) {
      port.postMessage({ id: data.id, result: fail('INTERNAL', '综治工作台正在退出，操作未执行。') });
      return;
    }
    const call = answer(data).finally(() => inFlight.delete(call));
    inFlight.add(call);
  });
}

const parentPort = (process as unknown as { parentPort?: HostPort }).parentPort;
if (parentPort) {
  const { dataDir, osKeys } = hostArgs(process.argv);
  const keyWrapper = osKeys ? portKeyWrapper((request) => parentPort.postMessage(request)) : undefined;
  if (keyWrapper) parentPort.on('message', ({ data }) => isKeyAnswer(data) && keyWrapper.answer(data));
  const opening = dataDir
    ? openBackend(dataDir, { keyWrapper })
    : Promise.reject(new AppError('INTERNAL', '数据服务启动参数缺少数据文件夹（--data），请重新安装综治工作台。'));
  // Built layout: out/main/host.js beside out/renderer, which the board's LAN mode serves.
  void opening.then(
    (backend) => startBoardLan(backend, join(import.meta.dirname, '../renderer')),
    () => {},
  );
  serveHost(parentPort, opening, (code) => process.exit(code));
}
