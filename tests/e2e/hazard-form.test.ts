import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TownshipBoundary } from '../../shared/contract/board';
import type { HazardDetail } from '../../shared/contract/hazards';
import { geometryContains, type PolygonGeometry } from '../../shared/domain/geo/polygon';
import { signIn } from './support/auth';
import { SCREENSHOT_VIEWPORTS, type Session } from './support/browser';
import { IN_ORDER } from './support/in-order';
import { choose } from './support/select';
import { settled } from './support/settle';
import { cookieClient, type WebApp } from './support/serve';
import { startApp, stopApp } from './support/setup';

const OFFICER = { username: 'biaodanyuan', displayName: '钱表单', roles: ['duty_officer'], password: 'Duty-2026-Form' };
const TITLE = '东风村宅基地边界纠纷（端到端测试：完整表单）';

/** Element Plus puts the test id on the number field's wrapper or on its input. */
const numberInput = (page: Page, testId: string) =>
  page.locator(`[data-testid="${testId}"] input, input[data-testid="${testId}"]`).first();

/** The form labels of a dialog that take more than one line, at each screenshot size. */
async function wrappedLabels(page: Page, dialog: Locator): Promise<string[]> {
  const wrapped: string[] = [];
  for (const size of SCREENSHOT_VIEWPORTS) {
    await page.setViewportSize(size);
    await settled(page);
    const found = await dialog.locator('.el-form-item__label').evaluateAll((labels) =>
      labels
        .filter((label) => (label as HTMLElement).offsetHeight > 0 && label.textContent!.trim() !== '')
        // One line of a default-size form label is 32px high.
        .filter((label) => (label as HTMLElement).getBoundingClientRect().height > 33)
        .map((label) => label.textContent!.trim()),
    );
    wrapped.push(...found.map((label) => `${label} @${size.width}`));
  }
  return wrapped;
}

// One story: the officer registers a hazard with every field the drawer shows (the point clicked on
// the map), then raises it to red naming its 包保领导 in the same dialog.
describe('the complete hazard form', IN_ORDER, () => {
  let app: WebApp;
  let session: Session;
  const viewport = { width: 1366, height: 768 };

  beforeAll(async () => {
    ({ app, session } = await startApp({ accounts: [OFFICER], viewport: viewport }));
  });

  afterAll(() => stopApp(app, session));

  it('registers a hazard with village, grid, people and a point clicked on the county map', async () => {
    const { page } = session;
    const api = cookieClient(app.url);
    await api('auth.login', { username: OFFICER.username, password: OFFICER.password });
    const boundary = (await api<TownshipBoundary>('board.boundary', {})).data!;

    await signIn(page, app.url, OFFICER.username, OFFICER.password);
    await page.goto(`${app.url}#/risks/hazards`);
    await page.getByTestId('hazards-create').click();
    const dialog = page.getByTestId('hazard-form-dialog');
    await dialog.waitFor();
    await page.getByTestId('hazard-title').fill(TITLE);
    await choose(page, 'hazard-category', '土地纠纷');

    // The point first: a click in the middle of the map, then the township it fell in.
    await page.getByTestId('hazard-map').click();
    const map = page.getByTestId('hazard-point-map');
    await map.locator('canvas').first().waitFor();
    await settled(page);
    await map.click();
    const lng = Number(await numberInput(page, 'hazard-lng').inputValue());
    const lat = Number(await numberInput(page, 'hazard-lat').inputValue());
    expect(lng).toBeGreaterThan(0);
    const feature = boundary.geojson.features.find((f) =>
      geometryContains(f.geometry as PolygonGeometry, { lng, lat }),
    );
    expect(feature, `(${lng}, ${lat}) 应落在某个乡镇内`).toBeDefined();
    await choose(page, 'hazard-township', feature!.properties.name);
    await choose(page, 'hazard-village');
    await choose(page, 'hazard-grid');
    const village = await page.getByTestId('hazard-village').locator('.el-select__placeholder').first().innerText();
    const grid = await page.getByTestId('hazard-grid').locator('.el-select__placeholder').first().innerText();

    await page.getByTestId('hazard-person-add').click();
    await page.getByTestId('hazard-person-name-0').fill('周大成');
    await page.getByTestId('hazard-person-phone-0').fill('13955556666');
    await page.getByTestId('hazard-person-add').click();
    await page.getByTestId('hazard-person-name-1').fill('吴小满');
    await page.getByTestId('hazard-description').fill('两户村民因宅基地边界争执，多次到村委会反映。');
    await page.getByTestId('hazard-form-level').getByText('橙色').click();
    await settled(page);
    expect(await wrappedLabels(page, dialog)).toEqual([]);
    await session.screenshots('hazard-form-complete', map);
    await session.screenshots('hazard-form-complete-people', page.getByTestId('hazard-people'));

    await page.getByTestId('hazard-form-submit').click();
    await dialog.waitFor({ state: 'hidden' });
    const drawer = page.getByTestId('hazard-drawer');
    await drawer.getByText(TITLE).first().waitFor();
    const listed = await api<{ items: Array<{ id: string }> }>('hazards.list', { keyword: '完整表单' });
    const saved = (await api<HazardDetail>('hazards.get', { id: listed.data!.items[0]!.id })).data!;
    expect(saved).toMatchObject({ townshipCode: feature!.properties.code, lng, lat, gridName: grid });
    expect(saved.villageName).toBe(village);
    expect(saved.people.map((p) => p.nameMasked)).toEqual(['周*成', '吴*满']);
    expect(await drawer.innerText()).toContain(grid);
    await settled(page);
    await session.screenshots('hazard-form-registered', drawer);
    expect(session.pageErrors).toEqual([]);
  });

  it('raises it to 红色, naming its 包保领导 in the level dialog', async () => {
    const { page } = session;
    const drawer = page.getByTestId('hazard-drawer');
    await drawer.getByTestId('hazard-action-changeLevel').click();
    const dialog = page.getByTestId('hazard-step-dialog');
    await dialog.waitFor();
    await settled(page);
    await page.locator('.el-dialog__title:visible').last().click(); // closes the date picker opened on focus
    expect(await page.getByTestId('hazard-level-leader').count()).toBe(0);
    await page.getByTestId('hazard-level').getByText('红色').click();
    await page.getByTestId('hazard-level-reason').fill('双方扬言聚集上访，研判调升为红色');
    await dialog.getByPlaceholder('红色隐患须一案一策').fill('一案一策：镇村干部包保，司法所调解');

    // Without a 包保领导 the backend refuses, on that field.
    await page.getByTestId('hazard-step-submit').click();
    const leaderItem = dialog.locator('.el-form-item', { has: page.getByTestId('hazard-level-leader') });
    await leaderItem.getByText('红色隐患须明确“包保领导”，请先指定').waitFor();
    await session.screenshots('hazard-level-red-refused', dialog);

    await choose(page, 'hazard-level-leader');
    const leader = await page.getByTestId('hazard-level-leader').locator('.el-select__placeholder').first().innerText();
    await settled(page);
    expect(await wrappedLabels(page, dialog)).toEqual([]);
    await session.screenshots('hazard-level-red-leader', dialog);
    await page.getByTestId('hazard-step-submit').click();
    await dialog.waitFor({ state: 'hidden' });
    await drawer.getByTestId('hazard-level-history').getByText('双方扬言聚集上访').waitFor();
    expect(await drawer.innerText()).toContain(leader.replace(/（.*）$/, ''));
    await settled(page);
    await session.screenshots('hazard-level-red-saved', drawer);
    expect(session.offMachineRequests).toEqual([]);
    expect(session.pageErrors).toEqual([]);
  });
});
