import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countyDate } from '../../shared/domain/time';
import { signIn, signOut } from './support/auth';
import type { Session } from './support/browser';
import { IN_ORDER } from './support/in-order';
import { choose } from './support/select';
import { settled } from './support/settle';
import { cookieClient, E2E_ADMIN, type WebApp } from './support/serve';
import { startApp, stopApp, WIDE_VIEWPORT } from './support/setup';

const OFFICER = { username: 'wenpingyuan', displayName: '周稳评', roles: ['duty_officer'], password: 'Duty-2026-Own' };
const MATTER = '南关老市场搬迁（端到端测试：征求意见）';

// The holiday calendar, a hazard's point in the wrong township, and an assessment's views, on the
// small demo county, each pictured at both sizes.
describe('the holiday calendar, hazard places and assessment views', IN_ORDER, () => {
  let app: WebApp;
  let session: Session;

  beforeAll(async () => {
    ({ app, session } = await startApp({ accounts: [OFFICER], viewport: WIDE_VIEWPORT }));
  });

  afterAll(() => stopApp(app, session));

  it('lists the year’s holidays for the administrator and tries a limit into an unentered year', async () => {
    const { page } = session;
    await signIn(page, app.url, E2E_ADMIN.username, E2E_ADMIN.password);
    await page.goto(`${app.url}#/admin?tab=holidays`);
    const table = page.getByTestId('holidays-table');
    await table.getByText('国庆节调休上班').first().waitFor();
    expect(await table.locator('tbody tr').count()).toBe(39);
    // A year from now the calendar is always missing once past 1 November, and never entered here.
    const nextYear = Number(countyDate(new Date()).slice(0, 4)) + 1;
    await page.getByTestId('holiday-trial').locator('input').first().fill(`${nextYear}-03-02`);
    await page.keyboard.press('Enter');
    await page.getByTestId('holiday-trial-submit').click();
    await page.getByTestId('weekends-only').getByText(`${nextYear} 年节假日未录入，仅按周末计算`).waitFor();
    await session.screenshots('holiday-calendar', page.getByTestId('holiday-trial'));
    expect(session.pageErrors).toEqual([]);
    await signOut(page);
  });

  it('refuses a hazard’s point that lies in another township, naming it', async () => {
    const { page } = session;
    const api = cookieClient(app.url);
    await api('auth.login', { username: OFFICER.username, password: OFFICER.password });
    const townships = await api<{ items: Array<{ code: string; name: string }> }>('regions.list', {
      level: 'township',
    });
    // A demo hazard's point lies in its own township; registering it under another must fail.
    const hazards = await api<{ items: Array<{ id: string; townshipCode: string; townshipName: string }> }>(
      'hazards.list',
      { pageSize: 50 },
    );
    let point: { lng: number; lat: number; township: string } | null = null;
    for (const row of hazards.data!.items) {
      const detail = await api<{ lng: number | null; lat: number | null }>('hazards.get', { id: row.id });
      if (detail.data!.lng !== null && detail.data!.lat !== null) {
        point = { lng: detail.data!.lng, lat: detail.data!.lat!, township: row.townshipName };
        break;
      }
    }
    expect(point).not.toBeNull();
    const other = townships.data!.items.find((t) => t.name !== point!.township)!;

    // Element Plus puts the test id on the number field's wrapper or on its input.
    const numberInput = (testId: string) =>
      page.locator(`[data-testid="${testId}"] input, input[data-testid="${testId}"]`).first();
    await signIn(page, app.url, OFFICER.username, OFFICER.password);
    await page.goto(`${app.url}#/risks/hazards`);
    await page.getByTestId('hazards-create').click();
    await page.getByTestId('hazard-form-dialog').waitFor();
    await page.getByTestId('hazard-title').fill('某小区业主聚集维权（端到端测试：坐标）');
    await choose(page, 'hazard-category', '问题楼盘');
    await page.getByTestId('hazard-form-level').getByText('黄色').click();
    await choose(page, 'hazard-township', other.name);
    await numberInput('hazard-lng').fill(String(point!.lng));
    await numberInput('hazard-lat').fill(String(point!.lat));
    await choose(page, 'hazard-crs', 'WGS84');
    await page.getByTestId('hazard-form-submit').click();
    const dialog = page.getByTestId('hazard-form-dialog');
    await dialog.getByText(`位于${point!.township}，不在所选的${other.name}内`).first().waitFor();
    await session.screenshots('hazard-point-error', dialog);
    expect(session.pageErrors).toEqual([]);
    await page.keyboard.press('Escape');
  });

  it('shows the views gathered per method beside the levels in the assessment drawer', async () => {
    const { page } = session;
    const api = cookieClient(app.url);
    await api('auth.login', { username: OFFICER.username, password: OFFICER.password });
    const units = await api<{ items: Array<{ id: string }> }>('units.list', {});
    const townships = await api<{ items: Array<{ code: string }> }>('regions.list', { level: 'township' });
    const created = await api<{ id: string }>('assessments.create', {
      matter: MATTER,
      matterType: 'project',
      description: '老市场 86 户摊主迁往新址，涉及经营场所调整。',
      proposingUnitId: units.data!.items[0]!.id,
      townshipCodes: [townships.data!.items[0]!.code],
      peopleAffected: 260,
      registeredOn: countyDate(new Date()),
      consultations: [
        { method: 'questionnaire', count: 180, participants: 180, supporters: 152, opponents: 9, neutrals: 19 },
        { method: 'forum', count: 3, participants: 45, supporters: 36, opponents: 4, neutrals: 5 },
        { method: 'hearing', count: 1, participants: 21, supporters: 15, opponents: 3, neutrals: 3 },
        { method: 'door_to_door', count: 86, participants: 86 },
      ],
      riskLevelBefore: 'medium',
      riskLevelAfter: 'low',
    });
    expect(created.ok, JSON.stringify(created.error)).toBe(true);
    await page.goto(`${app.url}#/risks/assessments`);
    await page.getByTestId('assessments-table').getByText(MATTER).click();
    const drawer = page.getByTestId('assessment-drawer');
    const views = drawer.getByTestId('assessment-consultations');
    await views.getByText('听证会').waitFor();
    expect(await views.getByTestId('assessment-views-total').innerText()).toBe(
      '合计：支持 203 人，反对 16 人，中立 27 人',
    );
    expect(await views.innerText()).toContain('未填写');
    await settled(page);
    await session.screenshots('assessment-views', drawer.getByTestId('assessment-conclusion'));
    expect(session.offMachineRequests).toEqual([]);
    expect(session.pageErrors).toEqual([]);
  });
});
