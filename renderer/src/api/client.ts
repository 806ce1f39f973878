import type { InputOf, MethodName, OutputOf } from '@shared/contract';
import type { ZzBridge } from '@shared/contract/bridge';
import { APP_HEADER, APP_HEADER_VALUE, SESSION_KEY_HEADER, SESSION_KEY_STORAGE } from '@shared/contract/web-session';
import type { ErrorBody, ErrorCode, ErrorDetail, ErrorReason, Result } from '@shared/errors';

declare global {
  interface Window {
    zz?: ZzBridge;
  }
}

const CONNECTION_FAILED = '与后台服务的连接失败，操作未完成。请确认程序正在运行后重试；如仍出现请联系管理员。';
const UNREADABLE_REPLY = '后台服务返回了无法识别的应答，操作可能未完成。请刷新后重试；如仍出现请联系管理员。';

const internal = (message: string): Result<never> => ({ ok: false, error: { code: 'INTERNAL', message } });

const isEnvelope = (value: unknown): value is Result<unknown> =>
  typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';

/** What every web-mode request of the page carries: the app's header and the page's half of the session. */
export function pageHeaders(): Record<string, string> {
  const key = localStorage.getItem(SESSION_KEY_STORAGE);
  return { [APP_HEADER]: APP_HEADER_VALUE, ...(key ? { [SESSION_KEY_HEADER]: key } : {}) };
}

/**
 * Web mode: the server answers `POST api/<method>` (relative to the page) with the envelope, errors
 * included. Every call carries the app's header and, once signed in, the page's half of the session
 * (the cookie holds the other); a reply that changes the session brings the new half.
 */
async function overHttp(method: string, input: unknown): Promise<Result<unknown>> {
  const response = await fetch(`api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...pageHeaders() },
    body: JSON.stringify(input ?? {}),
  });
  const next = response.headers.get(SESSION_KEY_HEADER);
  if (next) localStorage.setItem(SESSION_KEY_STORAGE, next);
  else if (next !== null) localStorage.removeItem(SESSION_KEY_STORAGE);
  const body: unknown = await response.json().catch(() => undefined);
  return isEnvelope(body) ? body : internal(UNREADABLE_REPLY);
}

/** Told about every failed call, after the transport and before the caller sees the envelope. */
export type CallErrorListener = (error: ErrorBody, method: MethodName) => void;

const callErrorListeners = new Set<CallErrorListener>();

/**
 * Listens to every failed call (the session handling uses it to lock the screen or sign out);
 * returns the function that stops listening. Listeners only observe: the caller still gets the error.
 */
export function onCallError(listener: CallErrorListener): () => void {
  callErrorListeners.add(listener);
  return () => callErrorListeners.delete(listener);
}

let clientMode = false;

/**
 * Whether this page works on the centre server: a browser always, the desktop in client mode (known
 * once main said something only client mode says: a lost server, or its feed's state).
 */
export const onCentreServer = (): boolean => !window.zz || clientMode;

/** Main spoke of the centre server (the desktop is in client mode). */
export function noteCentreServer(): void {
  clientMode = true;
}

/**
 * Told whether each call reached the backend: false when the transport failed (no answer at all),
 * or main found no centre server (`SERVER_UNREACHABLE`: the call changed nothing there).
 */
export type ReachListener = (reached: boolean) => void;

const reachListeners = new Set<ReachListener>();

/** Listens to whether calls reach the backend (the connection banner); returns the function that stops. */
export function onReach(listener: ReachListener): () => void {
  reachListeners.add(listener);
  return () => reachListeners.delete(listener);
}

/**
 * Calls one contract method over IPC (desktop, `window.zz`) or HTTP (web mode) and always resolves
 * with the envelope: a transport failure becomes an INTERNAL error with a Chinese message.
 */
export async function invoke<M extends MethodName>(method: M, input: InputOf<M>): Promise<Result<OutputOf<M>>> {
  // Checked per call, not at import, so the transport follows whatever the page has now.
  const bridge = window.zz;
  let result: Result<unknown>;
  let reached = true;
  try {
    const reply = bridge ? await bridge.invoke(method, input) : await overHttp(method, input);
    result = isEnvelope(reply) ? reply : internal(UNREADABLE_REPLY);
  } catch {
    result = internal(CONNECTION_FAILED);
    reached = false;
  }
  if (!result.ok && result.error.code === 'SERVER_UNREACHABLE') {
    noteCentreServer();
    reached = false;
  }
  for (const listener of [...reachListeners]) listener(reached);
  if (!result.ok) for (const listener of [...callErrorListeners]) listener(result.error, method);
  return result as Result<OutputOf<M>>;
}

/** A failed call as an exception: carries the envelope's code, Chinese message, field details and reason. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetail[];
  readonly reason?: ErrorReason;

  constructor(body: ErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.code = body.code;
    this.details = body.details ?? [];
    this.reason = body.reason;
  }
}

/** `invoke` unwrapped: resolves with the data or throws an `ApiError`. */
export async function call<M extends MethodName>(method: M, input: InputOf<M>): Promise<OutputOf<M>> {
  const result = await invoke(method, input);
  if (!result.ok) throw new ApiError(result.error);
  return result.data;
}
