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

/** A patch of one colour on a chart: its centre, and the box around it, in the page's coordinates. */
export interface ColourSpot {
  x: number;
  y: number;
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * Where a chart draws one colour (a map layer's circles, the townships' borders): the patches of at
 * least `minPixels` connected pixels within `tolerance` of `rgb`, right of the chart's first
 * `skipLeft` CSS pixels (its legends' column). Read off the chart's canvas as drawn.
 */
export async function colourSpots(
  page: Page,
  testId: string,
  {
    rgb,
    tolerance = 30,
    minPixels = 150,
    skipLeft = 0,
  }: { rgb: readonly number[]; tolerance?: number; minPixels?: number; skipLeft?: number },
): Promise<ColourSpot[]> {
  const canvas = page.getByTestId(testId).locator('canvas').first();
  return canvas.evaluate(
    (element, { rgb, tolerance, minPixels, skipLeft }) => {
      const canvas = element as HTMLCanvasElement;
      const { width, height } = canvas;
      const pixels = canvas.getContext('2d')!.getImageData(0, 0, width, height).data;
      const near = (p: number) => [0, 1, 2].every((c) => Math.abs(pixels[p * 4 + c]! - rgb[c]!) <= tolerance);
      const seen = new Uint8Array(width * height);
      const firstColumn = Math.ceil(skipLeft * (width / canvas.offsetWidth));
      const rect = canvas.getBoundingClientRect();
      const spots: Array<{ x: number; y: number; left: number; top: number; width: number; height: number }> = [];
      for (let start = 0; start < width * height; start++) {
        if (start % width < firstColumn || seen[start] || !near(start)) continue;
        seen[start] = 1;
        const queue = [start];
        let [sumX, sumY, minX, maxX, minY, maxY] = [0, 0, width, 0, height, 0];
        for (let i = 0; i < queue.length; i++) {
          const p = queue[i]!;
          const [x, y] = [p % width, Math.floor(p / width)];
          sumX += x;
          sumY += y;
          [minX, maxX, minY, maxY] = [Math.min(minX, x), Math.max(maxX, x), Math.min(minY, y), Math.max(maxY, y)];
          for (const q of [x > firstColumn ? p - 1 : -1, x < width - 1 ? p + 1 : -1, y > 0 ? p - width : -1, p + width])
            if (q >= 0 && q < width * height && !seen[q] && near(q)) {
              seen[q] = 1;
              queue.push(q);
            }
        }
        if (queue.length < minPixels) continue;
        spots.push({
          x: rect.left + ((sumX / queue.length) * rect.width) / width,
          y: rect.top + ((sumY / queue.length) * rect.height) / height,
          left: rect.left + (minX * rect.width) / width,
          top: rect.top + (minY * rect.height) / height,
          width: ((maxX - minX + 1) * rect.width) / width,
          height: ((maxY - minY + 1) * rect.height) / height,
        });
      }
      return spots;
    },
    { rgb: [...rgb], tolerance, minPixels, skipLeft },
  );
}
