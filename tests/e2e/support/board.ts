import { createServer } from 'node:net';
import type { Page } from 'playwright-core';

/** The county's date today (UTC+8), as the backend counts it. */
export const countyToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/** A free loopback port, e.g. for the LAN board server. */
export const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

/** Waits until the situation board has its snapshot and has drawn its map. */
export async function boardReady(page: Page): Promise<void> {
  await page.locator('[data-testid="board"][data-loaded="true"]').waitFor({ timeout: 30_000 });
  await page.locator('[data-testid="board-map"][data-ready="true"]').waitFor({ timeout: 30_000 });
}
