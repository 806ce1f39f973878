import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../shared/domain/ledger/calendar';
import { countyDate } from '../../shared/domain/time';
import type { TodayOverview } from '../../shared/contract/today';
import type { Workbench } from '../../shared/contract/workbench';
import { createAccount } from './support/accounts';
import { signIn, signOut } from './support/auth';
import { openSession, type Session } from './support/browser';
import { IN_ORDER } from './support/in-order';
import { cookieClient, startWebApp, type WebApp } from './support/serve';

const OFFICER = { username: 'jiufenzhiban', displayName: '郑值班', roles: ['duty_officer'], password: 'Duty-2026-Own' };
const UNIT = { username: 'tiaojiehui', displayName: '钱调解', roles: ['duty_officer'], password: 'Unit-2026-Own' };

type Api = ReturnType<typeof cookieClient>;
const must = async <T>(call: Promise<{ ok: boolean; data?: unknown; error?: { message: string } }>): Promise<T> => {
  const result = await call;
  if (!result.ok) throw new Error(result.error?.message);
  return result.data as T;
};

/** 今日's tables whose columns are wider than the card they sit in, as `section: columns > table`. */
const tablesWiderThanTheirCard = (page: Page): Promise<string[]> =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('[data-testid="today-page"] .el-table')).flatMap((table) => {
      const body = table.querySelector<HTMLElement>('table.el-table__body');
      const section = table.closest('[data-testid]')?.getAttribute('data-testid');
      return body && body.offsetWidth > table.clientWidth
        ? [`${section}: ${body.offsetWidth} > ${table.clientWidth}`]
        : [];
    }),
  );

// Disputes on 工作台 and 今日: the officer's to-dos and the unit account's, each count opening the
// filtered list, and today's intake, due and overdue disputes. The demo has disputes of its own:
// the county's counts are read before this test's are added, and they go to a unit of their own.
describe('disputes on 工作台 and 今日', IN_ORDER, () => {
  let app: WebApp;
  let session: Session;
  const today = countyDate(new Date());
  let unitId: string;
  /** The officer's 工作台 and 今日 before this test's disputes. */
  let before: { duty: NonNullable<NonNullable<Workbench['duty']>['disputes']>; day: TodayOverview };

  beforeAll(async () => {
    app = await startWebApp({ demo: 'small' });
    const townships = await must<{ items: Array<{ code: string }> }>(
      app.api('regions.list', { level: 'township', pageSize: 1 }),
    );
    const townshipCode = townships.items[0]!.code;
    const unit = await must<{ id: string }>(
      app.api('units.create', { code: 'E2E-TJH', name: '端到端人民调解委员会', kind: 'county_department' }),
    );
    unitId = unit.id;
    await createAccount(app.url, app.api, OFFICER);
    await createAccount(app.url, app.api, { ...UNIT, unitId });
    const officer: Api = cookieClient(app.url);
    await officer('auth.login', { username: OFFICER.username, password: OFFICER.password });
    before = {
      duty: (await must<Workbench>(officer('workbench.get', {}))).duty!.disputes!,
      day: await must<TodayOverview>(officer('today.overview', {})),
    };
    const take = (summary: string, receivedOn: string) =>
      must<{ id: string }>(
        officer('disputes.create', {
          channel: 'visit',
          category: 'neighbour',
          summary,
          receivedOn,
          townshipCode,
          level: 'township',
          parties: [{ kind: 'organisation', side: 'applicant', name: '村经济合作社' }],
        }),
      );
    const route = (id: string, on: string) =>
      must(officer('disputes.transition', { id, action: 'route', handlingKind: 'unit', unitId, happenedOn: on }));
    const start = addDays(today, -40);
    await take('今日来访：邻里因排水沟堵塞争执', today);
    await take('今日来电：物业费收取争议', today);
    await route((await take('分流后待调处：宅基地界址争议', start)).id, addDays(today, -2));
    await route((await take('今日到期：土地承包合同纠纷', start)).id, addDays(today, -15));
    await route((await take('今日转超期：劳务费拖欠纠纷', start)).id, addDays(today, -16));
    await route((await take('临期：婚姻家庭财产分割', start)).id, addDays(today, -13));
    const visit = await take('待回访：邻里噪音纠纷', start);
    await must(officer('disputes.transition', { id: visit.id, action: 'withdraw', reason: '当事人自行和解' }));
    session = await openSession();
  });

  afterAll(async () => {
    await session?.close();
    await app?.stop();
  });

  it("shows the officer's disputes on 工作台, a count opening the filtered list with its deadline stages", async () => {
    const { page } = session;
    await signIn(page, app.url, OFFICER.username, OFFICER.password);
    const section = page.getByTestId('workbench-duty-disputes');
    await section.waitFor();
    const count = async (key: string) =>
      Number(/\d+/.exec(await page.getByTestId(`workbench-duty-dispute-count-${key}`).innerText())![0]);
    await expect.poll(() => count('to-route')).toBe(before.duty.toRoute.total + 2);
    expect(await count('supervision')).toBe(before.duty.supervision.total + 3);
    expect(await count('overdue')).toBe(before.duty.overdue.total + 1);
    // Centred on the first list, the counts above it stay in view at both sizes.
    await session.screenshots('workbench-disputes', page.getByTestId('workbench-duty-disputes-to-route'));

    await page.getByTestId('workbench-duty-dispute-count-supervision').click();
    await page.getByTestId('disputes-table').waitFor();
    expect(await page.getByTestId('disputes-supervision').locator('input').isChecked()).toBe(true);
    // The queue of this test's unit alone: its three, the earliest due first.
    await page.goto(`${app.url}#/disputes?supervision=true&sort=dueDate&direction=asc&unitId=${unitId}`);
    await expect.poll(() => page.locator('.dispute-row').count()).toBe(3);
    const stages = await page.locator('[data-testid^="dispute-stage-"]').allInnerTexts();
    expect(stages.map((s) => s.trim())).toEqual(['超期', '临期', '临期']);
    await session.screenshots('disputes-supervision');
    expect(session.offMachineRequests).toEqual([]);
    expect(session.pageErrors).toEqual([]);
  });

  it('shows today’s intake, the dispute due today and the one overdue since today on 今日', async () => {
    const { page } = session;
    await page.getByRole('menuitem', { name: '今日' }).click();
    await page.getByTestId('today-disputes').waitFor();
    const { arrived, dueToday, overdueToday } = before.day;
    await expect
      .poll(() => page.getByTestId('today-disputes-total').innerText())
      .toBe(String(arrived.disputes.total + 2));
    expect((await page.getByTestId('today-dueToday-disputes-total').innerText()).trim()).toBe(
      String(dueToday.disputes.total + 1),
    );
    expect((await page.getByTestId('today-overdueToday-disputes-total').innerText()).trim()).toBe(
      String(overdueToday.disputes.total + 1),
    );
    expect(await page.getByTestId('today-dueToday-disputes').innerText()).toContain('土地承包合同纠纷');
    await session.screenshots('today-disputes', page.getByTestId('today-disputes'));
    await session.screenshots('today');
    // At 1366×768 every table's columns fit its card: none runs under the fixed 操作 column.
    await page.setViewportSize({ width: 1366, height: 768 });
    await expect.poll(() => tablesWiderThanTheirCard(page), { timeout: 10_000, interval: 200 }).toEqual([]);
    await session.screenshots('today-due', page.getByTestId('today-dueToday-disputes'));
    expect(session.pageErrors).toEqual([]);
  });

  it("shows the unit's account the disputes routed to its unit and tells it of each 分流", async () => {
    const { page } = session;
    await signOut(page);
    await signIn(page, app.url, UNIT.username, UNIT.password);
    const unit = page.getByTestId('workbench-unit');
    await unit.waitFor();
    await expect.poll(() => page.getByTestId('workbench-unit-dispute-count-handling').innerText()).toContain('4');
    expect(await page.getByTestId('workbench-unit-dispute-count-overdue').innerText()).toContain('1');
    // Four 分流 to its unit, then the day's 临期 (two) and 超期 (one).
    await expect.poll(() => page.getByTestId('notification-count').innerText()).toBe('7');
    // Each row's 办理时限 with its stage, the earliest due first: 超期, due today and in two days 临期.
    const stages = page
      .getByTestId('workbench-unit-disputes-handling')
      .locator('[data-testid^="workbench-dispute-stage-"]');
    await expect.poll(() => stages.allInnerTexts()).toEqual(['超期', '临期', '临期', '正常']);
    await session.screenshots('workbench-disputes-unit', unit);
    expect(session.pageErrors).toEqual([]);
  });
});
