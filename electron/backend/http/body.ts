import type { IncomingMessage } from 'node:http';
import { ATTACHMENT_MAX_BASE64 } from '../../../shared/domain/attachments';
import { IMPORT_MAX_BASE64 } from '../../../shared/contract/imports';
import { BOUNDARY_MAX_BYTES } from '../../../shared/domain/board/boundary';
import { fail, type Result } from '../../../shared/errors';

/** The body any call may send, whoever sends it. */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Methods that carry a file: room for the largest one plus its JSON wrapping, read only for a caller
 * the dispatch admits. A boundary file comes as JSON text inside a JSON string, where each quote and
 * line break is escaped: twice its size.
 */
export const LARGE_BODY_BYTES: ReadonlyMap<string, number> = new Map([
  ['attachments.upload', ATTACHMENT_MAX_BASE64 + 64 * 1024],
  ['board.importBoundaryPreview', 2 * BOUNDARY_MAX_BYTES + 64 * 1024],
  ['board.importBoundary', 2 * BOUNDARY_MAX_BYTES + 64 * 1024],
  ['imports.preview', IMPORT_MAX_BASE64 + 64 * 1024],
  ['imports.commit', IMPORT_MAX_BASE64 + 64 * 1024],
]);

/** Large bodies read at once; the others wait their turn, unread, so memory stays bounded. */
export const LARGE_READS_AT_ONCE = 2;

/** A body over its limit: the reply closes the connection rather than read the rest. */
export const TOO_LARGE = Symbol('too large');

/** Reads a JSON body up to `limit` bytes (an empty body is `{}`); stops reading at the limit. */
export function readJsonBody(req: IncomingMessage, limit: number): Promise<Result<unknown> | typeof TOO_LARGE> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      req.off('data', onData);
      req.pause();
      resolve(TOO_LARGE);
    };
    req.on('data', onData);
    req.on('error', () => resolve(fail('VALIDATION', '请求未能完整接收，请重试。')));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8').trim();
      if (text === '') return resolve({ ok: true, data: {} });
      try {
        resolve({ ok: true, data: JSON.parse(text) as unknown });
      } catch {
        resolve(fail('VALIDATION', '请求内容不是有效的 JSON，请检查后重试。'));
      }
    });
  });
}

export const tooLarge = (limit: number): Result<never> =>
  fail('VALIDATION', `请求内容超过 ${Math.round(limit / 1024)} KB 上限，请减少提交的数据。`);

/** At most `size` holders at once; `take` waits for a free slot and gives back its release. */
export class Slots {
  private free: number;
  private readonly waiting: Array<() => void> = [];

  constructor(size: number) {
    this.free = size;
  }

  async take(): Promise<() => void> {
    if (this.free > 0) this.free -= 1;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.free += 1;
    };
  }
}
