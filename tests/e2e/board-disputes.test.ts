import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoardDisputes, BoardSnapshot } from '../../shared/contract/board';
import { formatRate } from '../../shared/domain/ledger/figures';
import { samplePdf } from '../helpers/files';
import { createAccount } from './support/accounts';
import { signIn } from './support/auth';
import { boardReady, countyToday, fastRefresh } from './support/board';
import { openSession } from './support/browser';
import { cookieClient, startWebApp, type WebApp } from './support/serve';

const OFFICER = {
  username: 'board-jiufen',
  displayName: '纠纷值班员',
  roles: ['duty_officer'],
  password: 'Board-2026-Own',
};
const PARTY = { name: '欧阳建国', idNumber: '410102198001191234', phone: '13812345678' };
const SUMMARY = '大屏纠纷检查：相邻宅基地滴水檐争执';

/** The county's date `days` before today. */
const daysAgo = (days: number) => new Date(Date.parse(countyToday()) - days * 86_400_000).toISOString().slice(0, 10);

const figure = async (page: Page, key: string) =>
  (await page.getByTestId(`board-disputes-${key}`).locator('.value').innerText()).replace(/\s/g, '');

describe('disputes on the situation board', () => {
  let app: WebApp;
  let officer: ReturnType<typeof cookieClient>;
  let townships: string[];
  /** The board's disputes before this test's own: the demo's. */
  let before: BoardDisputes;

  /** Takes a dispute in (the same party each time) and, when `settle`, mediates it to 调解成功. */
  async function dispute(township: string, category: string, receivedOn: string, settle = false): Promise<void> {
    const created = await officer<{ id: string }>('disputes.create', {
      channel: 'visit',
      category,
      summary: SUMMARY,
      receivedOn,
      townshipCode: township,
      urgency: 'normal',
      riskColour: 'yellow',
      level: 'township',
      parties: [{ kind: 'person', side: 'applicant', ...PARTY }],
    });
    expect(created.ok, created.error?.message).toBe(true);
    if (!settle) return;
    const units = await officer<{ items: Array<{ id: string }> }>('units.list', {});
    const id = created.data!.id;
    const agreement = async () => {
      const file = { entity: 'dispute', entityId: id, purpose: 'agreement', fileName: '调解协议书.pdf' };
      const uploaded = await officer<{ id: string }>('attachments.upload', {
        ...file,
        base64: samplePdf().toString('base64'),
      });
      return uploaded.data!.id;
    };
    for (const step of [
      { action: 'route', handlingKind: 'people_mediation', unitId: units.data!.items[0]!.id },
      { action: 'startMediation', coordination: 'single', mediator: '刘调解员' },
      { action: 'settle', agreement: '双方同意按原界址修缮', judicialConfirmation: 'no' },
    ]) {
      if (step.action === 'settle') Object.assign(step, { agreementAttachmentId: await agreement() });
      const moved = await officer('disputes.transition', { id, ...step });
      expect(moved.ok, moved.error?.message).toBe(true);
    }
  }

  beforeAll(async () => {
    app = await startWebApp({ demo: 'small' });
    await createAccount(app.url, app.api, OFFICER);
    officer = cookieClient(app.url);
    await officer('auth.login', { username: OFFICER.username, password: OFFICER.password });
    const listed = await officer<{ items: Array<{ code: string }> }>('regions.list', { level: 'township' });
    townships = listed.data!.items.map((t) => t.code);
    before = (await officer<BoardSnapshot>('board.snapshot', {})).data!.disputes;
    // Eight disputes over the window on top of the demo's, three of them settled, two taken in today.
    await dispute(townships[0]!, 'neighbour', countyToday(), true);
    await dispute(townships[0]!, 'neighbour', daysAgo(3), true);
    await dispute(townships[0]!, 'labour', daysAgo(5));
    await dispute(townships[1]!, 'labour', daysAgo(1), true);
    await dispute(townships[1]!, 'contract', countyToday());
    await dispute(townships[2]!, 'property_management', daysAgo(10));
    await dispute(townships[2]!, 'consumer', daysAgo(20));
    await dispute(townships[3]!, 'medical', daysAgo(29));
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('shows today’s intake, the 化解率, the top categories and the layer, and follows a new dispute at once', async () => {
    const session = await openSession({ width: 1920, height: 1080 });
    try {
      const { page } = session;
      await signIn(page, app.url, OFFICER.username, OFFICER.password);
      // Ten minutes between timed refreshes: only the change feed can show the next dispute in time.
      const delivered = await fastRefresh(page, 600);
      const snapshotReply = page.waitForResponse('**/api/board.snapshot');
      await page.goto(`${app.url}#/board`);
      const snapshotText = await (await snapshotReply).text();
      await boardReady(page);

      const resolution = { numerator: before.resolution.numerator + 3, denominator: before.received + 8 };
      expect(await figure(page, 'today')).toBe(`${before.today + 2}件`);
      expect(await figure(page, 'received')).toBe(`${before.received + 8}件`);
      expect(await figure(page, 'resolution')).toBe(formatRate(resolution));
      expect(await page.getByTestId('board-disputes-resolution').innerText()).toContain(
        `化解 ${resolution.numerator} / 受理 ${resolution.denominator}`,
      );
      expect(await figure(page, 'open')).toBe(`${before.open + 5}件`);
      // The top five categories, as the snapshot counts them.
      const { categories: top } = (JSON.parse(snapshotText) as { data: BoardSnapshot }).data.disputes;
      const categories = page.getByTestId('board-disputes-categories');
      expect(top).toHaveLength(5);
      expect((await categories.locator('.row').allInnerTexts()).map((row) => row.replace(/\s/g, ''))).toEqual(
        top.map((c) => `${c.label}${c.count}件`),
      );
      // Nothing of a party or a summary reaches the board.
      const shown = await page.getByTestId('board').innerText();
      for (const text of [snapshotText, shown, await page.content()])
        for (const word of [PARTY.name, '欧*', PARTY.idNumber, PARTY.phone, SUMMARY, '刘调解员', 'JF20'])
          expect(text).not.toContain(word);

      await session.screenshots('board-disputes');

      const seen = delivered.count;
      await dispute(townships[1]!, 'contract', countyToday());
      await expect.poll(() => figure(page, 'today'), { timeout: 10_000, interval: 250 }).toBe(`${before.today + 3}件`);
      expect(delivered.count).toBeGreaterThan(seen);
      expect(await figure(page, 'received')).toBe(`${before.received + 9}件`);
      expect(session.offMachineRequests).toEqual([]);
      expect(session.pageErrors).toEqual([]);
    } finally {
      await session.close();
    }
  });
});
