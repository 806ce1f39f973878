import type { Server } from 'node:http';
import { WILDCARD_REFUSED } from '../../../shared/domain/board/board-settings';
import { isWildcardAddress } from '../../../shared/domain/network-address';
import type { Backend } from '../backend';
import { displayCall } from '../auth/display';
import { createBoardServer } from './board-server';
import { listenOn } from './server';

/** How often the LAN server looks at the board settings (an administrator's change, a restore). */
const CHECK_MS = 2000;

/**
 * Keeps the board's LAN server in step with the board settings' web mode: started when enabled,
 * restarted on a new address, port or token, stopped when disabled. It reads through dispatch with
 * a display session (board.read only), so the backend's own checks decide what it may serve.
 */
export function startBoardLan(backend: Backend, staticDir: string): { stop(): Promise<void> } {
  const call = displayCall(backend, 'http', 'lan-board');
  let server: Server | undefined;
  let running = '';
  let busy = false;

  const close = () =>
    new Promise<void>((done) => {
      if (!server) return done();
      server.close(() => done());
      server.closeAllConnections();
      server = undefined;
    });

  async function follow(): Promise<void> {
    const web = backend.recovery ? null : backend.services.settings.board.web;
    const wanted = web?.enabled && web.token ? `${web.address}:${web.port}:${web.token}` : '';
    if (wanted === running) return;
    await close();
    running = wanted;
    if (!web || !wanted) return;
    if (isWildcardAddress(web.address)) return console.error(`态势大屏网页模式未启动：${WILDCARD_REFUSED}`);
    const next = createBoardServer({
      token: web.token,
      staticDir,
      snapshot: () => backend.dispatch('board.snapshot', {}, call),
      boundary: () => backend.dispatch('board.boundary', {}, call),
      // The wall shows the whole county: every change, by feature only.
      changes: (send) => backend.services.live.listen(({ change }) => send({ topic: change.topic, kind: change.kind })),
    });
    try {
      const port = await listenOn(next, web.address, web.port);
      server = next;
      console.log(`态势大屏网页模式已启动：http://${web.address}:${port}/wall?token=…（令牌见系统设置）`);
    } catch (error) {
      console.error(
        `态势大屏网页模式无法在 ${web.address}:${web.port} 启动：请检查地址是否属于本机、端口是否被占用。`,
        error,
      );
    }
  }

  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    void follow().finally(() => (busy = false));
  }, CHECK_MS);
  timer.unref();
  void follow();

  return {
    async stop() {
      clearInterval(timer);
      await close();
    },
  };
}
