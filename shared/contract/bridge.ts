import type { Result } from '../errors';

/** What the desktop preload exposes to the page as `window.zz`; absent in web mode. */
export interface ZzBridge {
  /** Always resolves with the envelope; unknown methods are refused before they leave the page. */
  invoke(method: string, input?: unknown): Promise<Result<unknown>>;
  /** Subscribes to one of the few events main sends (see electron/preload/channels.ts). */
  on(event: string, listener: (payload: unknown) => void): () => void;
}
