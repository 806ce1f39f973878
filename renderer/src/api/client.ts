import type { InputOf, MethodName, OutputOf } from '@shared/contract';
import type { ZzBridge } from '@shared/contract/bridge';
import type { ErrorBody, ErrorCode, ErrorDetail, Result } from '@shared/errors';

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

/** Web mode: the server answers `POST api/<method>` (relative to the page) with the envelope, errors included. */
async function overHttp(method: string, input: unknown): Promise<Result<unknown>> {
  const response = await fetch(`api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input ?? {}),
  });
  const body: unknown = await response.json().catch(() => undefined);
  return isEnvelope(body) ? body : internal(UNREADABLE_REPLY);
}

/**
 * Calls one contract method over IPC (desktop, `window.zz`) or HTTP (web mode) and always resolves
 * with the envelope: a transport failure becomes an INTERNAL error with a Chinese message.
 */
export async function invoke<M extends MethodName>(method: M, input: InputOf<M>): Promise<Result<OutputOf<M>>> {
  // Checked per call, not at import, so the transport follows whatever the page has now.
  const bridge = window.zz;
  try {
    const result = bridge ? await bridge.invoke(method, input) : await overHttp(method, input);
    return (isEnvelope(result) ? result : internal(UNREADABLE_REPLY)) as Result<OutputOf<M>>;
  } catch {
    return internal(CONNECTION_FAILED);
  }
}

/** A failed call as an exception: carries the envelope's code, Chinese message and field details. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetail[];

  constructor(body: ErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.code = body.code;
    this.details = body.details ?? [];
  }
}

/** `invoke` unwrapped: resolves with the data or throws an `ApiError`. */
export async function call<M extends MethodName>(method: M, input: InputOf<M>): Promise<OutputOf<M>> {
  const result = await invoke(method, input);
  if (!result.ok) throw new ApiError(result.error);
  return result.data;
}
