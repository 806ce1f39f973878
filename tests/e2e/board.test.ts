import type { Page } from 'playwright-core';
import type { BoardSnapshot } from '../../shared/contract/board';
import { formatRate } from '../../shared/domain/ledger/figures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from './support/accounts';
import { signIn } from './support/auth';
import { boardReady, countyToday, fastRefresh, freePort } from './support/board';
import { openSession, type Session } from './support/browser';
import { cookieClient, E2E_ADMIN, startWebApp, type WebApp } from './support/serve';

/** An 18-character ID number, and a mainland mobile number: neither may reach the board. */
const ID_NUMBER = /(?<![0-9])[1-9]\d{16}[\dXx](?![0-9])/;
const PHONE = /(?<![0-9])1[3-9]\d{9}(?![0-9])/;

const OFFICER = {
  username: 'board-duty',
  displayName: '大屏值班员',
  roles: ['duty_officer'],
  password: 'Board-2026-pw',
};

const kpiValue = async (page: Page, key: string) =>
  Number((await page.getByTestId(`board-kpi-${key}`).locator('.value').innerText()).replace(/[^\d]/g, ''));

describe('the situation board', () => {
  let app: WebApp;

  beforeAll(async () => {
    app = await startWebApp({ demo: 'small' });
    await createAccount(app.url, app.api, OFFICER);
  });

  afterAll(async () => {
    await app?.stop();
  });

  it.each([
    { width: 1920, height: 1080 },
    { width: 1366, height: 768 },
  ])('draws the county at $width×$height, scaled whole, with no personal data in it', async (viewport) => {
    const session: Session = await openSession(viewport);
    try {
      const { page } = session;
      await signIn(page, app.url, OFFICER.username, OFFICER.password);
      const snapshotReply = page.waitForResponse('**/api/board.snapshot');
      await page.goto(`${app.url}#/board`);
      const snapshotText = await (await snapshotReply).text();
      await boardReady(page);
      expect(await page.getByTestId('board-map').locator('canvas').count()).toBeGreaterThan(0);
      await page.getByText(/边界来源/).waitFor();
      expect(await page.getByTestId('board-ranking-row').count()).toBeGreaterThan(0);
      expect(await page.getByTestId('board-ticker').innerText()).toMatch(/最新预警/);
      // The demo's alerts are wider than the window: they scroll, shown twice so the loop has no gap.
      const ticker = page.getByTestId('board-ticker-track');
      expect(await ticker.getAttribute('class')).not.toContain('still');
      expect(await ticker.locator('.copy').count()).toBe(2);
      expect(await page.getByTestId('board-centre').innerText()).toMatch(/^.+县社会治理综合服务中心$/);
      // 办结率 and 化解率 apart, each with its numerator and denominator.
      expect(await page.getByTestId('board-kpi-conclusion_rate').innerText()).toMatch(
        /积案办结率[\s\S]*已办结 [\d,]+ 件 \/ 应办结 [\d,]+ 件/,
      );
      expect(await page.getByTestId('board-kpi-resolution_rate').innerText()).toMatch(
        /积案化解率[\s\S]*已化解 [\d,]+ 件 \/ 全部 [\d,]+ 件/,
      );

      // The 1920×1080 stage is scaled, not reflowed: it fits inside the window.
      const stage = await page.getByTestId('board').boundingBox();
      expect(stage).not.toBeNull();
      expect(stage!.width).toBeLessThanOrEqual(viewport.width + 1);
      expect(stage!.height).toBeLessThanOrEqual(viewport.height + 1);
      expect(Math.abs(stage!.width / stage!.height - 1920 / 1080)).toBeLessThan(0.01);

      // Privacy: neither the snapshot nor anything drawn as text carries an ID number or a phone.
      const shown = await page.getByTestId('board').innerText();
      const markup = await page.content();
      for (const text of [snapshotText, shown, markup]) {
        expect(text).not.toMatch(ID_NUMBER);
        expect(text).not.toMatch(PHONE);
      }

      await session.screenshot(`board-${viewport.width}x${viewport.height}`);
      expect(session.offMachineRequests).toEqual([]);
      expect(session.pageErrors).toEqual([]);
    } finally {
      await session.close();
    }
  });

  it('shows a hazard registered in the ledger within one refresh', async () => {
    const session = await openSession({ width: 1920, height: 1080 });
    try {
      const { page } = session;
      await signIn(page, app.url, OFFICER.username, OFFICER.password);
      const delivered = await fastRefresh(page, 2);
      await page.goto(`${app.url}#/board`);
      await boardReady(page);
      const before = { hazards: await kpiValue(page, 'hazards'), today: await kpiValue(page, 'today') };
      const orangeBefore = Number(await page.getByTestId('board-level-orange').locator('.value').innerText());

      const officer = cookieClient(app.url);
      await officer('auth.login', { username: OFFICER.username, password: OFFICER.password });
      const townships = await officer<{ items: Array<{ code: string }> }>('regions.list', { level: 'township' });
      const created = await officer('hazards.create', {
        title: '大屏刷新检查：工地欠薪聚集',
        category: 'wage_arrears',
        level: 'orange',
        foundOn: countyToday(),
        townshipCode: townships.data!.items[0]!.code,
      });
      expect(created.ok, created.error?.message).toBe(true);
      const seen = delivered.count;

      await expect
        .poll(async () => kpiValue(page, 'hazards'), { timeout: 10_000, interval: 250 })
        .toBe(before.hazards + 1);
      expect(delivered.count - seen).toBeLessThanOrEqual(2);
      expect(await kpiValue(page, 'today')).toBe(before.today + 1);
      expect(Number(await page.getByTestId('board-level-orange').locator('.value').innerText())).toBe(orangeBefore + 1);
      expect(session.pageErrors).toEqual([]);
    } finally {
      await session.close();
    }
  });

  it('keeps its memory and page steady over hundreds of refreshes', { timeout: 300_000 }, async () => {
    const session = await openSession({ width: 1920, height: 1080 });
    try {
      const { page } = session;
      await signIn(page, app.url, OFFICER.username, OFFICER.password);
      const delivered = await fastRefresh(page, 0.2);
      await page.goto(`${app.url}#/board`);
      await boardReady(page);
      const cdp = await page.context().newCDPSession(page);
      const measure = async () => {
        await cdp.send('HeapProfiler.collectGarbage');
        const heap = await cdp.send('Runtime.getHeapUsage');
        const dom = await cdp.send('Memory.getDOMCounters');
        return { heap: heap.usedSize, nodes: dom.nodes, listeners: dom.jsEventListeners };
      };
      const refreshes = async (n: number) => {
        const target = delivered.count + n;
        await expect.poll(() => delivered.count, { timeout: 240_000, interval: 500 }).toBeGreaterThanOrEqual(target);
      };

      await refreshes(50); // warm up: caches, compiled code, the charts' first frames
      const baseline = await measure();
      const samples = [];
      for (let round = 0; round < 6; round += 1) {
        await refreshes(50);
        samples.push(await measure());
      }
      console.log('[board] 堆内存（字节）', baseline.heap, '→', samples.map((s) => s.heap).join(' / '));
      const last = samples.at(-1)!;
      // Steady: after 300 more refreshes the heap is within 10% (+1 MB for noise) of the baseline,
      // and no DOM nodes or listeners pile up. The heap is judged by the median of the last three
      // samples: one sample can catch a collection mid-way (one run read 15.9 MB between two of 15.0),
      // while a leak raises all three.
      const settledHeap = samples
        .slice(-3)
        .map((s) => s.heap)
        .sort((a, b) => a - b)[1]!;
      expect(settledHeap).toBeLessThan(baseline.heap * 1.1 + 1_048_576);
      expect(last.nodes).toBeLessThanOrEqual(baseline.nodes * 1.05 + 50);
      expect(last.listeners).toBeLessThanOrEqual(baseline.listeners + 5);
      expect(session.pageErrors).toEqual([]);
    } finally {
      await session.close();
    }
  });

  it('opens a clicked township’s cases from the workstation board, its disputes counted in the drill-down', async () => {
    const session = await openSession({ width: 1920, height: 1080 });
    try {
      const { page } = session;
      await signIn(page, app.url, OFFICER.username, OFFICER.password);
      const snapshotReply = page.waitForResponse('**/api/board.snapshot');
      await page.goto(`${app.url}#/board`);
      const snapshot = ((await (await snapshotReply).json()) as { data: BoardSnapshot }).data;
      await boardReady(page);
      // The middle of the county map lies inside a township.
      const map = (await page.getByTestId('board-map').boundingBox())!;
      await page.mouse.click(map.x + map.width / 2, map.y + map.height / 2);
      const drill = page.getByTestId('board-drill');
      await drill.waitFor();
      const name = (await drill.locator('h3').innerText()).trim();
      // Its disputes as the snapshot counts them: today's intake, the open ones, 化解率 with its parts.
      const code = snapshot.townships.find((township) => township.name === name)!.code;
      const disputes = snapshot.disputes.townships.find((township) => township.code === code)!;
      expect(disputes.resolution.denominator).toBeGreaterThan(0);
      const line = (await page.getByTestId('board-drill-disputes').innerText()).replace(/\s+/g, '');
      expect(line).toBe(
        `矛盾纠纷：今日受理${disputes.today}件，在办${disputes.open}件；近30日化解率${formatRate(disputes.resolution)}` +
          `（${disputes.resolution.numerator}/${disputes.resolution.denominator}）`,
      );
      expect(await drill.innerText()).not.toMatch(/JF\d{4}-/);
      await session.screenshots('board-drill');
      await page.getByTestId('board-drill-disputes-open').click();
      await page.waitForURL(new RegExp(`#/disputes\\?townshipCode=${code}`));
      await page.goBack();
      await boardReady(page);
      await page.mouse.click(map.x + map.width / 2, map.y + map.height / 2);
      await page.getByTestId('board-drill-petitions').click();
      await page.waitForURL(/#\/petitions\?townshipCode=\d{12}/);
      const rows = page.locator('.el-table__body tr');
      await rows.first().waitFor();
      for (const text of await rows.allInnerTexts()) expect(text).toContain(name);
    } finally {
      await session.close();
    }
  });

  it('serves the wall display to the LAN only with its token, read-only', async () => {
    const admin = cookieClient(app.url);
    await admin('auth.login', { username: E2E_ADMIN.username, password: E2E_ADMIN.password });
    const current = await admin<{ weights: unknown; refreshSeconds: number }>('settings.getBoard');
    const port = await freePort();
    const saved = await admin<{ web: { token: string } }>('settings.updateBoard', {
      weights: current.data!.weights,
      refreshSeconds: current.data!.refreshSeconds,
      web: { enabled: true, address: '127.0.0.1', port },
    });
    expect(saved.ok, saved.error?.message).toBe(true);
    const token = saved.data!.web.token;
    expect(token.length).toBeGreaterThanOrEqual(32);
    const lan = `http://127.0.0.1:${port}`;

    // The LAN server follows the settings within a few seconds (http/board-lan.ts).
    await expect
      .poll(async () => (await fetch(`${lan}/wall?token=wrong`).catch(() => null))?.status, {
        timeout: 10_000,
        interval: 250,
      })
      .toBe(401);
    expect((await fetch(`${lan}/board-api/snapshot`)).status).toBe(401);
    expect((await fetch(`${lan}/wall?token=${token}`, { method: 'POST' })).status).toBe(405);

    const session = await openSession({ width: 1920, height: 1080 });
    try {
      const { page } = session;
      const scripts: string[] = [];
      page.on('request', (request) => request.resourceType() === 'script' && scripts.push(request.url()));
      // The board's own code held back for a moment: what the wall paints before it arrives.
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      await page.route('**/assets/BoardView-*.js', async (route) => {
        await held;
        await route.continue();
      });
      const snapshotReply = page.waitForResponse('**/board-api/snapshot');
      await page.goto(`${lan}/wall?token=${encodeURIComponent(token)}`);
      expect(page.url()).toBe(`${lan}/#/wall`);
      await page.getByText('态势大屏载入中……').waitFor();
      await session.screenshots('board-wall-loading');
      release();
      const snapshotText = await (await snapshotReply).text();
      await boardReady(page);
      expect(snapshotText).not.toMatch(ID_NUMBER);
      expect(snapshotText).not.toMatch(PHONE);
      // The token sits in an HttpOnly cookie: the page cannot read it.
      expect(await page.evaluate(() => document.cookie)).toBe('');
      const refused = await page.evaluate(async () => (await fetch('api/petitions.list', { method: 'POST' })).status);
      expect(refused).toBe(405);
      await session.screenshot('board-wall-lan-1920x1080');
      await session.screenshots('board-wall');
      // The wall's own entry: none of the workstation's code (Element Plus, the ledgers' screens) is loaded.
      expect(scripts.some((url) => /\/assets\/wall-[\w-]+\.js$/.test(url))).toBe(true);
      expect(scripts.filter((url) => /workstation|element-plus|Petition|Hazard|Drawer/i.test(url))).toEqual([]);
      expect(session.pageErrors).toEqual([]);
    } finally {
      await session.close();
    }
  });
});
