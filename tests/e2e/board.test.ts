import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession, type Session } from './support/browser';
import { signIn } from './support/auth';
import { E2E_ADMIN, startWebApp, type WebApp } from './support/serve';

describe('the situation board frame', () => {
  let app: WebApp;

  beforeAll(async () => {
    app = await startWebApp({ demo: 'small' });
  });

  afterAll(async () => {
    await app?.stop();
  });

  it.each([
    { width: 1920, height: 1080 },
    { width: 1366, height: 768 },
  ])('draws the demo county map offline and scales to $width×$height', async (viewport) => {
    const session: Session = await openSession(viewport);
    try {
      const { page } = session;
      await signIn(page, app.url, E2E_ADMIN.username, E2E_ADMIN.password);
      await page.goto(`${app.url}#/board`);
      const map = page.getByTestId('board-map');
      await page.locator('[data-testid="board-map"][data-ready="true"]').waitFor({ timeout: 30_000 });
      expect(await map.locator('canvas').count()).toBeGreaterThan(0);
      await page.getByText(/边界来源/).waitFor();

      // The 1920×1080 stage is scaled, not reflowed: it fits inside the window.
      const stage = await page.getByTestId('board').boundingBox();
      expect(stage).not.toBeNull();
      expect(stage!.width).toBeLessThanOrEqual(viewport.width + 1);
      expect(stage!.height).toBeLessThanOrEqual(viewport.height + 1);
      expect(Math.abs(stage!.width / stage!.height - 1920 / 1080)).toBeLessThan(0.01);

      await session.screenshot(`board-${viewport.width}x${viewport.height}`);
      expect(session.offMachineRequests).toEqual([]);
      expect(session.pageErrors).toEqual([]);
    } finally {
      await session.close();
    }
  });
});
