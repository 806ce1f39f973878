import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInClient } from './support/accounts';
import { signIn } from './support/auth';
import { openSession, SCREENSHOT_VIEWPORTS, type Session } from './support/browser';
import { IN_ORDER } from './support/in-order';
import { settled } from './support/settle';
import { cookieClient, type WebApp } from './support/serve';
import { startApp, stopApp } from './support/setup';

const FIRST = { username: 'zhiban1', displayName: '王值班', roles: ['duty_officer'], password: 'Duty-2026-One' };
const SECOND = { username: 'zhiban2', displayName: '李值班', roles: ['duty_officer'], password: 'Duty-2026-Two' };
const STALE = '该记录已被他人修改，请刷新后重试。';
/** The promise: another workstation's change is on screen within 2 s. */
const LIVE_WITHIN_MS = 2000;

interface Case {
  id: string;
  caseNo: string;
  summary: string;
  townshipCode: string;
}

// Two officers' workstations (two browsers) on one web-mode server, in order: a registration and a
// correction made at one are seen at the other; then both correct one case; then the server stops.
describe('live changes between two workstations', IN_ORDER, () => {
  let app: WebApp;
  let first: Session;
  let second: Session;
  let target: Case;
  /** The first officer's API client (a third tab of theirs), for the registration. */
  let registrar: ReturnType<typeof cookieClient>;

  beforeAll(async () => {
    ({ app, session: first } = await startApp({
      accounts: [FIRST, SECOND],
      viewport: SCREENSHOT_VIEWPORTS[0],
      signInAs: FIRST,
    }));
    registrar = await signedInClient(app.url, FIRST);
    const listed = await registrar<{ items: Case[] }>('petitions.list', { status: 'resolving', pageSize: 1 });
    target = listed.data!.items[0]!;
    second = await openSession(SCREENSHOT_VIEWPORTS[0]);
    await signIn(second.page, app.url, SECOND.username, SECOND.password);
  });

  afterAll(() => stopApp(app, first, second));

  /** Opens the case list, optionally searched for one case number. */
  async function openList(session: Session, keyword = ''): Promise<void> {
    await session.page.goto(`${app.url}#/petitions`);
    await session.page.getByTestId('petitions-keyword').fill(keyword);
    await session.page.getByTestId('search-submit').click();
    await settled(session.page);
  }

  const row = (session: Session) =>
    session.page.getByTestId('petitions-table').locator('tbody tr', { hasText: target.caseNo });
  const drawer = (session: Session) => session.page.getByTestId('petition-drawer');

  async function openCase(session: Session): Promise<void> {
    await openList(session, target.caseNo);
    await row(session).first().click();
    await drawer(session).locator('.el-drawer__title', { hasText: target.caseNo }).waitFor();
    await settled(session.page);
  }

  async function openEdit(session: Session): Promise<Locator> {
    await session.page.getByTestId('petition-edit').click();
    const dialog = session.page.getByTestId('petition-edit-dialog');
    await dialog.waitFor();
    await settled(session.page);
    return dialog;
  }

  it('shows a registration made elsewhere in the open list within 2 s, without a reload', async () => {
    await openList(second);
    const pager = second.page.locator('.table-pager');
    const total = Number(/共 (\d+) 条/.exec(await pager.innerText())![1]);
    const created = await registrar('petitions.create', {
      townshipCode: target.townshipCode,
      summary: '反映小区供暖不热问题',
      firstPetitionDate: '2026-10-01',
      receivedDate: '2026-11-20',
      petitioners: [{ name: '赵春来', idNumber: '410102198001191234', phone: '13812345678', address: '东一村五组' }],
    });
    expect(created.ok).toBe(true);
    await pager.getByText(`共 ${total + 1} 条`).waitFor({ timeout: LIVE_WITHIN_MS });
  });

  it('shows a correction made at one workstation in the other’s open list and drawer within 2 s', async () => {
    await openCase(second);
    await openCase(first);
    const dialog = await openEdit(first);
    const corrected = `${target.summary}（王值班补录：涉及 12 户）`;
    await first.page.getByTestId('petition-edit-summary').fill(corrected);
    await first.page.getByTestId('petition-edit-submit').click();
    await dialog.waitFor({ state: 'hidden' });

    await drawer(second).getByText(corrected).first().waitFor({ timeout: LIVE_WITHIN_MS });
    await second.page.getByTestId('petition-changed').waitFor({ timeout: LIVE_WITHIN_MS });
    await row(second).getByText(corrected).waitFor({ timeout: LIVE_WITHIN_MS });
    // The officer who saved sees no note: the change is the one the drawer shows.
    expect(await first.page.getByTestId('petition-changed').count()).toBe(0);
    await second.screenshots('live-drawer-changed', second.page.getByTestId('petition-changed'));
    target.summary = corrected;
  });

  it('gives the second of two officers correcting one case the conflict, with their text kept and the newer data', async () => {
    const mine = '李值班：申请人补充反映楼道墙面渗水';
    const theirs = '社区网格员每日走访，专人包保';
    const secondDialog = await openEdit(second);
    await second.page.getByTestId('petition-edit-summary').fill(mine);
    const firstDialog = await openEdit(first);
    await first.page.getByTestId('petition-edit-measures').fill(theirs);
    await first.page.getByTestId('petition-edit-submit').click();
    await firstDialog.waitFor({ state: 'hidden' });

    // The open dialog hears of it before its save, and keeps what was typed.
    const alert = second.page.getByTestId('conflict-alert');
    await alert.waitFor({ timeout: LIVE_WITHIN_MS });
    expect(await second.page.getByTestId('petition-edit-summary').inputValue()).toBe(mine);
    await second.page.getByTestId('petition-edit-submit').click();
    await alert.getByText(STALE).waitFor();
    expect(await secondDialog.isVisible()).toBe(true);
    expect(await second.page.getByTestId('petition-edit-summary').inputValue()).toBe(mine);
    await second.screenshots('live-conflict', secondDialog);

    await second.page.getByTestId('conflict-reload').click();
    await alert.waitFor({ state: 'hidden' });
    expect(await second.page.getByTestId('petition-edit-measures').inputValue()).toBe(theirs);
    expect(await second.page.getByTestId('petition-edit-summary').inputValue()).toBe(mine);
    await second.page.getByTestId('petition-edit-submit').click();
    await secondDialog.waitFor({ state: 'hidden' });
    await drawer(first).getByText(mine).first().waitFor({ timeout: LIVE_WITHIN_MS });
  });

  it('shows the banner while the server is down, keeps an unsaved form, and drops the banner once it is back', async () => {
    const { page } = second;
    const dialog = await openEdit(second);
    const unsaved = '断网前填写的内容';
    await page.getByTestId('petition-edit-summary').fill(unsaved);

    await app.halt();
    const banner = page.getByTestId('connection-banner');
    await banner.getByText('与中心服务器的连接已断开').waitFor();
    await page.getByTestId('petition-edit-submit').click();
    await page.getByTestId('petition-edit-error').getByText('与后台服务的连接失败').waitFor();
    expect(await dialog.isVisible()).toBe(true);
    expect(await page.getByTestId('petition-edit-summary').inputValue()).toBe(unsaved);
    await second.screenshots('live-connection-lost', dialog);

    await app.resume();
    // The feed retries with backoff (at most 30 s apart); the restarted server knows no session,
    // so the page then asks to sign in again, as after any restart.
    await banner.waitFor({ state: 'hidden', timeout: 45_000 });
    expect(first.pageErrors.filter((error) => !/Failed to load resource|ERR_CONNECTION_REFUSED/.test(error))).toEqual(
      [],
    );
    expect(first.offMachineRequests).toEqual([]);
    expect(second.offMachineRequests).toEqual([]);
  });
});
