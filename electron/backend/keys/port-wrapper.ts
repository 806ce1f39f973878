import type { KeyWrapper } from './keyring';

/** A key to wrap or unwrap, asked of main by the data host; main answers with the same id. */
export interface KeyRequest {
  type: 'key';
  id: number;
  op: 'wrap' | 'unwrap';
  /** base64 */
  data: string;
}

export type KeyAnswer = { type: 'key-answer'; id: number } & (
  { ok: true; data: string } | { ok: false; message: string }
);

export const isKeyAnswer = (data: unknown): data is KeyAnswer =>
  typeof data === 'object' &&
  data !== null &&
  (data as { type?: unknown }).type === 'key-answer' &&
  typeof (data as { id?: unknown }).id === 'number';

export const OS_WRAPPER_NAME = 'safeStorage';

/**
 * The desktop's wrapper: the data host cannot reach Electron's `safeStorage`, so it asks main
 * (which can) over its port. `answer` is given each key answer the port receives.
 */
export function portKeyWrapper(post: (request: KeyRequest) => void): KeyWrapper & { answer(data: KeyAnswer): void } {
  const waiting = new Map<number, { resolve(data: Buffer): void; reject(error: Error): void }>();
  let nextId = 1;
  const ask = (op: KeyRequest['op'], bytes: Buffer) =>
    new Promise<Buffer>((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve, reject });
      post({ type: 'key', id, op, data: bytes.toString('base64') });
    });
  return {
    name: OS_WRAPPER_NAME,
    wrap: (key) => ask('wrap', key),
    unwrap: (stored) => ask('unwrap', stored),
    answer(data) {
      const entry = waiting.get(data.id);
      if (!entry) return;
      waiting.delete(data.id);
      if (data.ok) entry.resolve(Buffer.from(data.data, 'base64'));
      else entry.reject(new Error(data.message));
    },
  };
}
