import { contract, isMethodName, unknownMethod, type MethodName } from '../../../shared/contract';
import { AppError, fail, ok, type Result } from '../../../shared/errors';
import { validationDetails, validationMessage } from '../../../shared/contract/validation';
import { authorize } from '../auth/guard';
import { changesScreens, publishChange } from '../live/writes';
import { controlCharacterDetails } from './control-characters';
import type { CallContext, Handler, HandlerMap, Services } from './types';

export interface Dispatch {
  (method: string, input: unknown, call: CallContext): Promise<Result<unknown>>;
  /**
   * Whether the caller may call `method` at all (a known method, a session, the access it declares),
   * asked before its input is read: a transport reads a large body only for a caller it admits.
   */
  admits(method: string, call: CallContext): Result<null>;
}

/** SQLite's SQLITE_FULL (database or temp space), or the file system's ENOSPC (attachments, exports). */
const isDiskFull = (error: unknown): boolean => {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_FULL' || code === 'ENOSPC';
};

const DISK_FULL = new AppError(
  'INTERNAL',
  '磁盘空间不足，本次操作未保存，已自动撤销；此前保存的数据不受影响，查询仍可正常使用。请清理磁盘或联系管理员扩容后重试。',
  undefined,
  'DISK_FULL',
);

/**
 * The one entry every call goes through, on both transports: the method must be in the contract,
 * the caller must hold the access it declares, its input must pass the contract's schema and hold
 * no control character in any string, and any failure becomes the typed envelope.
 */
export function createDispatch(
  handlers: HandlerMap<MethodName>,
  services: Services,
  log: (message: string, error: unknown) => void = (message, error) => console.error(message, error),
): Dispatch {
  const admits = (method: string, call: CallContext): Result<null> => {
    if (!isMethodName(method)) return unknownMethod(method);
    try {
      authorize(services, call, method, contract[method].access);
      return ok(null);
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: error.toBody() };
      throw error;
    }
  };
  const dispatch = async (method: string, input: unknown, call: CallContext): Promise<Result<unknown>> => {
    if (!isMethodName(method)) return unknownMethod(method);
    try {
      const principal = authorize(services, call, method, contract[method].access);
      const parsed = contract[method].input.safeParse(input ?? {});
      const details = parsed.success ? controlCharacterDetails(input) : validationDetails(parsed.error);
      if (!parsed.success || details.length) return fail('VALIDATION', validationMessage(details), details);
      const handler = handlers[method] as Handler<MethodName>;
      // A worker writing (an import's commit) holds the write lock: a write waits here, not in SQLite.
      const writing = services.workers.writesDone();
      if (writing && changesScreens(method)) await writing;
      const output = await handler(parsed.data as never, { ...services, call, principal });
      // Committed: the open screens of others are told (live/writes.ts says which methods write).
      publishChange(services, method, parsed.data as never, output as never);
      return ok(output);
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: error.toBody() };
      if (isDiskFull(error)) return { ok: false, error: DISK_FULL.toBody() };
      log(`[${method}] 未预期的错误`, error);
      return fail('INTERNAL', '系统内部错误，操作未完成，数据未改动。请稍后重试；如仍出现请联系管理员。');
    }
  };
  return Object.assign(dispatch, { admits });
}
