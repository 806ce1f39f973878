import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Unit } from '../../shared/contract/units';
import { createAccount, signedInClient } from './support/accounts';
import { signIn } from './support/auth';
import type { Session } from './support/browser';
import { IN_ORDER } from './support/in-order';
import { cookieClient, type WebApp } from './support/serve';
import { startApp, stopApp, WIDE_VIEWPORT } from './support/setup';

const OFFICER = { username: 'zhongxin', displayName: '周值班', roles: ['duty_officer'], password: 'Duty-2026-Own' };

/** The county's date (UTC+8) `days` from today, as the server counts it. */
const countyDay = (days = 0) => new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

// The demo county: a township government's account follows its notices while the centre assigns it a case.
describe('通知中心: the bell, live, and the notices of a unit', IN_ORDER, () => {
  let app: WebApp;
  let session: Session;
  let officerApi: ReturnType<typeof cookieClient>;
  let unitApi: ReturnType<typeof cookieClient>;
  let unit: Unit;
  const unitAccount = {
    username: 'chengban',
    displayName: '镇政府值班员',
    roles: ['duty_officer'],
    password: 'Unit-2026-Own',
  };

  beforeAll(async () => {
    ({ app, session } = await startApp({ accounts: [OFFICER], viewport: WIDE_VIEWPORT }));
    const units = await app.api<{ items: Unit[] }>('units.list', { pageSize: 200 });
    unit = units.data!.items.find((u) => u.regionCode !== null)!;
    await createAccount(app.url, app.api, { ...unitAccount, regionCode: unit.regionCode, unitId: unit.id });
    officerApi = await signedInClient(app.url, OFFICER);
    unitApi = await signedInClient(app.url, unitAccount);
  });

  afterAll(() => stopApp(app, session));

  /** The centre registers a case in the unit's township, classifies it and assigns it to the unit. */
  async function assignCase(): Promise<string> {
    const leaders = await officerApi<{ items: Array<{ id: string }> }>('people.list', { role: 'leader', pageSize: 1 });
    const created = await officerApi<{ petition: { id: string; caseNo: string } }>('petitions.create', {
      townshipCode: unit.regionCode,
      summary: '反映镇区道路施工噪声扰民',
      firstPetitionDate: countyDay(),
      receivedDate: countyDay(),
      petitioners: [{ name: '钱小红', phone: '13900001111' }],
    });
    expect(created.error).toBeUndefined();
    const { id, caseNo } = created.data!.petition;
    const classify = await officerApi('petitions.transition', {
      id,
      action: 'classify',
      itemType: 'appeal',
      category: 'labour_social_security',
    });
    expect(classify.error).toBeUndefined();
    const assign = await officerApi('petitions.transition', {
      id,
      action: 'assign',
      handlingUnitId: unit.id,
      responsibleLeaderId: leaders.data!.items[0]!.id,
      dueDate: countyDay(20),
    });
    expect(assign.error).toBeUndefined();
    return caseNo;
  }

  it('counts the unread notices in the header and adds a 交办 live, then lists it first in 通知中心', async () => {
    const { page } = session;
    await signIn(page, app.url, unitAccount.username, unitAccount.password);
    const bell = page.getByTestId('notification-bell');
    await bell.waitFor();
    const before = (await unitApi<{ count: number }>('notifications.unreadCount', {})).data!.count;

    const caseNo = await assignCase();
    await page
      .getByTestId('notification-count')
      .getByText(String(before + 1))
      .waitFor();
    await session.screenshots('notification-bell', page.locator('.app-header'));

    await bell.click();
    const centre = page.getByTestId('notification-centre');
    const first = centre.getByTestId('notification-row').first();
    await first.getByText(caseNo).waitFor();
    expect(await first.textContent()).toContain('交办');
    expect(await first.textContent()).toContain('已交办你单位办理');
    await session.screenshots('notification-centre');

    await first.click();
    const drawer = page.getByTestId('petition-drawer');
    await drawer.getByText(caseNo).first().waitFor();
    await page
      .getByTestId('notification-count')
      .getByText(String(before))
      .or(bell.filter({ hasNotText: /\d/ }))
      .waitFor();
    expect(session.offMachineRequests).toEqual([]);
    expect(session.pageErrors).toEqual([]);
  });

  it('marks every notice read with 全部已读, and keeps them under 全部', async () => {
    const { page } = session;
    await page.keyboard.press('Escape');
    await page.getByTestId('petition-drawer').waitFor({ state: 'hidden' });
    const centre = page.getByTestId('notification-centre');
    await centre.getByTestId('notifications-read-all').click();
    await page.getByTestId('notification-count').waitFor({ state: 'detached' });
    await centre.getByText('没有未读通知').waitFor();
    await centre.getByRole('tab', { name: '全部' }).click();
    await centre.getByTestId('notification-row').first().waitFor();
    await session.screenshots('notification-centre-all');
    expect((await unitApi<{ count: number }>('notifications.unreadCount', {})).data!.count).toBe(0);
    expect(session.pageErrors).toEqual([]);
  });
});
