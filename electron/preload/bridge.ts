import { isMethodName, unknownMethod } from '../../shared/contract';
import { fail, type Result } from '../../shared/errors';
import type { ZzBridge } from '../../shared/contract/bridge';
import { eventChannel, INVOKE_CHANNEL, isBridgeEvent } from './channels';

/** The parts of `ipcRenderer` the bridge uses. */
export interface RendererIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/**
 * `invoke` always resolves to an envelope: unknown methods are refused here without touching IPC,
 * and a broken IPC link becomes an INTERNAL envelope rather than a rejection.
 */
export function createBridge(ipc: RendererIpc): ZzBridge {
  return {
    async invoke(method, input) {
      if (!isMethodName(method)) return unknownMethod(method);
      try {
        return (await ipc.invoke(INVOKE_CHANNEL, method, input)) as Result<unknown>;
      } catch {
        return fail('INTERNAL', '与主程序的连接出错，操作未完成。请重新启动综治工作台后重试。');
      }
    },
    on(event, listener) {
      if (!isBridgeEvent(event)) throw new Error(`不支持订阅事件“${String(event).slice(0, 80)}”。`);
      if (typeof listener !== 'function') throw new Error('事件监听器必须是函数。');
      const channel = eventChannel(event);
      // Only the payload crosses over: the IPC event object would hand the page `sender`.
      const relay = (_event: unknown, payload: unknown) => listener(payload);
      ipc.on(channel, relay);
      return () => {
        ipc.removeListener(channel, relay);
      };
    },
  };
}
