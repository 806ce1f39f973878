import { ipcMain } from 'electron';
import { isMethodName, unknownMethod, type MethodName } from '../../shared/contract';
import { fail, type Result } from '../../shared/errors';
import { INVOKE_CHANNEL } from '../preload/channels';
import { isAppUrl } from './app-url';

/** The parts of `WebFrameMain` the check reads. */
export interface SenderFrame {
  url: string;
  parent: unknown;
}

/** `window` is the calling webContents' id: the data host keeps one session per window. */
export type Relay = (method: MethodName, input: unknown, window: number) => Promise<Result<unknown>>;

/**
 * Only the top frame of the app's own page may call (after VS Code's validated ipcMain): not a
 * subframe, not another origin or file, not about:blank, not a frame already gone (null).
 */
export function isTrustedSender(frame: SenderFrame | null | undefined, entryUrl: string): boolean {
  return !!frame && frame.parent === null && isAppUrl(frame.url, entryUrl);
}

/** Checks the sender and the method name, then relays the call; every outcome is an envelope. */
export interface Sender {
  frame: SenderFrame | null | undefined;
  /** The webContents' id. */
  window: number;
}

export async function handleInvoke(
  { frame, window }: Sender,
  method: unknown,
  input: unknown,
  entryUrl: string,
  relay: Relay,
): Promise<Result<unknown>> {
  if (!isTrustedSender(frame, entryUrl)) return fail('FORBIDDEN', '拒绝了来自非本程序页面的调用。');
  if (!isMethodName(method)) return unknownMethod(method);
  return relay(method, input, window);
}

export function registerInvokeHandler(entryUrl: string, relay: Relay): void {
  ipcMain.handle(INVOKE_CHANNEL, (event, method: unknown, input: unknown) =>
    handleInvoke({ frame: event.senderFrame, window: event.sender.id }, method, input, entryUrl, relay),
  );
}
