import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startBoardLan } from '../../electron/backend/http/board-lan';
import { signInAdmin, testBackend } from '../helpers/backend';
import { tempDir } from '../helpers/temp-dir';

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

/** The status of a GET, or null when nothing listens there. */
const statusOf = (url: string) =>
  fetch(url)
    .then((reply) => reply.status)
    .catch(() => null);

let stop: (() => Promise<void>) | undefined;
afterEach(async () => {
  await stop?.();
  stop = undefined;
});

describe('the board’s LAN server follows the board settings', () => {
  // Each poll below may wait up to 10 s for the server to follow the settings.
  it(
    'starts when web mode is enabled, serves the real snapshot with the token, and stops when disabled',
    { timeout: 30_000 },
    async () => {
      const backend = await testBackend();
      const admin = await signInAdmin(backend);
      const staticDir = tempDir();
      writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>态势大屏</title>');
      const lan = startBoardLan(backend, staticDir);
      stop = lan.stop;
      const port = await freePort();
      const base = `http://127.0.0.1:${port}`;
      expect(await statusOf(`${base}/wall`)).toBeNull();

      const board = await backend.call('settings.getBoard', {}, admin);
      if (!board.ok) throw new Error(board.error.message);
      const saved = await backend.call(
        'settings.updateBoard',
        {
          weights: board.data.weights,
          refreshSeconds: board.data.refreshSeconds,
          web: { enabled: true, address: '127.0.0.1', port },
        },
        admin,
      );
      if (!saved.ok) throw new Error(saved.error.message);
      const { token } = saved.data.web;

      await expect.poll(() => statusOf(`${base}/wall?token=wrong`), { timeout: 10_000 }).toBe(401);
      const opened = await fetch(`${base}/wall?token=${encodeURIComponent(token)}`, { redirect: 'manual' });
      expect(opened.status).toBe(303);
      const cookie = opened.headers.get('set-cookie')!.split(';')[0]!;
      const snapshot = (await (await fetch(`${base}/board-api/snapshot`, { headers: { cookie } })).json()) as {
        ok: boolean;
        data: { refreshSeconds: number; townships: unknown[] };
      };
      expect(snapshot.ok).toBe(true);
      expect(snapshot.data.refreshSeconds).toBe(board.data.refreshSeconds);

      const off = await backend.call(
        'settings.updateBoard',
        {
          weights: board.data.weights,
          refreshSeconds: board.data.refreshSeconds,
          web: { enabled: false, address: '127.0.0.1', port },
        },
        admin,
      );
      expect(off.ok).toBe(true);
      await expect.poll(() => statusOf(`${base}/wall?token=wrong`), { timeout: 10_000 }).toBeNull();
    },
  );
});
