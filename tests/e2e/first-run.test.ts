import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession, type Session } from './support/browser';
import { startWebApp, type WebApp } from './support/serve';

describe('first run on an empty database', () => {
  let app: WebApp;
  let session: Session;

  beforeAll(async () => {
    app = await startWebApp();
    session = await openSession();
  });

  afterAll(async () => {
    await session?.close();
    await app?.stop();
  });

  it('offers the demo county, loads it on request and lists its townships', async () => {
    const { page } = session;
    await page.goto(app.url);
    const button = page.getByTestId('load-demo');
    await button.waitFor();
    expect(await button.innerText()).toContain('载入演示数据');
    await session.screenshot('first-run');
    await button.click();
    await page.getByTestId('load-demo-dialog').waitFor();
    await page.getByTestId('demo-scale-small').click();
    await page.getByTestId('load-demo-confirm').click();

    const table = page.getByTestId('home-townships');
    await table.locator('tbody tr').first().waitFor();
    const info = await app.api<{ counts: { townships: number } }>('system.info');
    expect(info.data!.counts.townships).toBeGreaterThanOrEqual(10);
    expect(await table.locator('tbody tr').count()).toBe(info.data!.counts.townships);
    await session.screenshot('first-run-loaded');
    expect(session.offMachineRequests).toEqual([]);
  });
});
