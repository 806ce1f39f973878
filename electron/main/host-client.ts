import { utilityProcess } from 'electron';
import { fail, type Result } from '../../shared/errors';
import { answerKeyRequest, isKeyRequest, keystoreUsable, type OsKeystore } from './key-custody';

/** The parts of Electron's `UtilityProcess` the client uses. */
export interface HostProcess {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
}

export interface HostClientOptions {
  /** How long a call may take before it is answered with a timeout error. */
  timeoutMs?: number;
  /** How long `stop` waits for the host to close its database before killing it. */
  stopGraceMs?: number;
  /** The host cannot serve: it could not open the data, or it exited unexpectedly. */
  onFatal?: (message: string) => void;
  /** A change the window's session may see (the host filtered it): main relays it to that window. */
  onLive?: (window: number, change: unknown) => void;
  /** The OS keystore that wraps the host's keys (Electron's `safeStorage`); without it the host keeps plain key files. */
  keystore?: OsKeystore;
}

export interface HostClient {
  call(method: string, input: unknown, window: number): Promise<Result<unknown>>;
  /** The window is the wall display (the board window): the host gives it a display session. */
  markDisplay(window: number): void;
  stop(): Promise<void>;
}

const TIMEOUT_MESSAGE = '数据服务响应超时，操作可能未完成。请稍后刷新查看结果；如反复出现请重新启动综治工作台。';
const UNREACHABLE_MESSAGE = '无法把请求发给数据服务，操作未完成。请重新启动综治工作台。';
const STOPPED_MESSAGE = '综治工作台正在退出，操作未完成。';
const exitMessage = (code: number) =>
  `数据服务意外停止（代码 ${code}），操作未完成。请重新启动综治工作台；如反复出现请联系管理员。`;

interface Pending {
  resolve(result: Result<unknown>): void;
  timer: ReturnType<typeof setTimeout>;
}

const isResponse = (message: unknown): message is { id: number; result: Result<unknown> } =>
  typeof message === 'object' &&
  message !== null &&
  typeof (message as { id?: unknown }).id === 'number' &&
  typeof (message as { result?: { ok?: unknown } }).result?.ok === 'boolean';

const isFatal = (message: unknown): message is { type: 'fatal'; message: string } =>
  typeof message === 'object' &&
  message !== null &&
  (message as { type?: unknown }).type === 'fatal' &&
  typeof (message as { message?: unknown }).message === 'string';

const isLive = (message: unknown): message is { type: 'live'; window: number; change: unknown } =>
  typeof message === 'object' &&
  message !== null &&
  (message as { type?: unknown }).type === 'live' &&
  typeof (message as { window?: unknown }).window === 'number';

/** Matches each call to its answer by id; a timeout or the host's exit answers with an INTERNAL error. */
export function createHostClient(host: HostProcess, options: HostClientOptions = {}): HostClient {
  const { timeoutMs = 120_000, stopGraceMs = 5_000, onFatal } = options;
  const pending = new Map<number, Pending>();
  const exitWaiters: Array<() => void> = [];
  let nextId = 1;
  let stopping = false;
  let gone: Result<never> | null = null;

  const settle = (id: number, result: Result<unknown>) => {
    const call = pending.get(id);
    if (!call) return;
    pending.delete(id);
    clearTimeout(call.timer);
    call.resolve(result);
  };

  host.on('message', (message) => {
    if (isFatal(message)) onFatal?.(message.message);
    else if (isResponse(message)) settle(message.id, message.result);
    else if (isLive(message)) options.onLive?.(message.window, message.change);
    else if (isKeyRequest(message) && options.keystore) host.postMessage(answerKeyRequest(options.keystore, message));
  });

  host.on('exit', (code) => {
    const message = stopping ? STOPPED_MESSAGE : exitMessage(code);
    const failure = fail('INTERNAL', message);
    gone = failure;
    for (const id of [...pending.keys()]) settle(id, failure);
    if (!stopping) onFatal?.(message);
    for (const wake of exitWaiters.splice(0)) wake();
  });

  return {
    call(method, input, window) {
      if (gone) return Promise.resolve(gone);
      const id = nextId++;
      return new Promise((resolve) => {
        const timer = setTimeout(() => settle(id, fail('INTERNAL', TIMEOUT_MESSAGE)), timeoutMs);
        pending.set(id, { resolve, timer });
        try {
          host.postMessage({ id, method, input, window });
        } catch {
          settle(id, fail('INTERNAL', UNREACHABLE_MESSAGE));
        }
      });
    },
    markDisplay(window) {
      if (!gone) host.postMessage({ type: 'display', window });
    },
    stop() {
      if (gone) return Promise.resolve();
      stopping = true;
      return new Promise((resolve) => {
        const done = () => {
          clearTimeout(killTimer);
          resolve();
        };
        const killTimer = setTimeout(() => {
          host.kill();
          done();
        }, stopGraceMs);
        exitWaiters.push(done);
        host.postMessage({ type: 'stop' });
      });
    },
  };
}

/**
 * Forks the data host on the data folder (the user's profile, never the install folder), telling it
 * (`--keys os`) to have its keys wrapped by the OS keystore through main when that keystore protects
 * anything here.
 */
export function startDataHost(hostScript: string, dataDir: string, options: HostClientOptions): HostClient {
  const os = options.keystore !== undefined && keystoreUsable(options.keystore);
  const child = utilityProcess.fork(hostScript, ['--data', dataDir, ...(os ? ['--keys', 'os'] : [])], {
    serviceName: '综治工作台数据服务',
    stdio: 'inherit',
  });
  return createHostClient(child, options);
}
