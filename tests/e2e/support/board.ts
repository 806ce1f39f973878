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

/**
 * Sets the board's refresh interval by rewriting the snapshot's `refreshSeconds` on its way to the
 * page (the real board, the real backend; only the wait between refreshes changes): shorter to see
 * refreshes, longer so that only the change feed refreshes it. Returns a counter of the snapshots
 * delivered.
 */
export async function fastRefresh(page: Page, seconds: number): Promise<{ count: number }> {
  const delivered = { count: 0 };
  await page.route('**/api/board.snapshot', async (route) => {
    const response = await route.fetch();
    const body = (await response.json()) as { ok: boolean; data?: { refreshSeconds: number } };
    if (body.data) body.data.refreshSeconds = seconds;
    delivered.count += 1;
    await route.fulfill({ response, json: body });
  });
  return delivered;
}
