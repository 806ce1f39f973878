import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchGroup } from '../../shared/contract/search';
import { signedInClient } from './support/accounts';
import { signIn } from './support/auth';
import type { Session } from './support/browser';
import { IN_ORDER } from './support/in-order';
import { cookieClient, type WebApp } from './support/serve';
import { startApp, stopApp, WIDE_VIEWPORT } from './support/setup';

const OFFICER = { username: 'sousuo', displayName: '周值班', roles: ['duty_officer'], password: 'Duty-2026-Own' };

// One web app and one page: the box opened with Ctrl+K finds cases by a surname, then one by its number.
describe('the one search box across the ledgers (Ctrl+K)', IN_ORDER, () => {
  let app: WebApp;
  let session: Session;
  let officerApi: ReturnType<typeof cookieClient>;

  beforeAll(async () => {
    ({ app, session } = await startApp({ accounts: [OFFICER], viewport: WIDE_VIEWPORT }));
    officerApi = await signedInClient(app.url, OFFICER);
  });

  afterAll(() => stopApp(app, session));

  /** The demo's newest case, as the box itself finds it by its year's number prefix. */
  async function newestCase() {
    const answer = await officerApi<{ groups: SearchGroup[] }>('search.all', { keyword: 'XF', limit: 1 });
    const hit = answer.data!.groups[0]!.items[0]!;
    return { ...hit, surname: Array.from(hit.people[0]!)[0]! };
  }

  it('opens with Ctrl+K anywhere and finds cases by a petitioner’s surname, grouped, the surname marked', async () => {
    const { page } = session;
    const found = await newestCase();
    await signIn(page, app.url, OFFICER.username, OFFICER.password);
    await page.goto(`${app.url}#/risks/hazards`);
    await page.getByTestId('search-open').waitFor();

    await page.keyboard.press('Control+k');
    const input = page.getByTestId('search-input');
    await input.waitFor();
    await input.fill(found.surname);
    const group = page.getByTestId('search-group-petition');
    await group.waitFor();
    expect(await group.textContent()).toMatch(/信访积案共 \d+ 条/);
    const firstHit = page.locator('[data-testid^="search-hit-XF"]').first();
    expect(await firstHit.locator('mark').first().textContent()).toBe(found.surname);
    // Names are masked: the shown ones hold an asterisk.
    expect(await firstHit.locator('.people').textContent()).toContain('*');
    await session.screenshots('search-palette-surname', page.getByTestId('search-results'));

    await page.keyboard.press('Escape');
    await input.waitFor({ state: 'hidden' });
  });

  it('finds a case by its number from the header’s 搜索 and opens its drawer with Enter', async () => {
    const { page } = session;
    const found = await newestCase();
    await page.getByTestId('search-open').click();
    const input = page.getByTestId('search-input');
    await input.waitFor();
    await input.fill(found.number);
    // The surname's results stay until the number's answer replaces them: one case in all.
    await page.getByTestId('search-group-petition').filter({ hasText: '共 1 条' }).waitFor();
    const hit = page.getByTestId(`search-hit-${found.number}`);
    expect(await page.locator('[data-testid^="search-hit-"]').count()).toBe(1);
    expect(await hit.locator('mark').textContent()).toBe(found.number);
    await session.screenshots('search-palette-case-number', page.getByTestId('search-results'));

    await input.press('Enter');
    const drawer = page.getByTestId('petition-drawer');
    // The drawer opens at once and shows the case once it has read it.
    await drawer.getByText(found.number).first().waitFor();
    await input.waitFor({ state: 'hidden' });
    await session.screenshots('search-opened-drawer', drawer);

    expect(session.offMachineRequests).toEqual([]);
    expect(session.pageErrors).toEqual([]);
  });

  it('opens 查看全部 on the ledger’s list filtered by the keyword, also from that list itself', async () => {
    const { page } = session;
    const keyword = '反映'; // in most summaries: more cases than the box lists
    await page.goto(`${app.url}#/petitions`);
    await page.getByTestId('petitions-table').waitFor();
    const unfiltered = await page.locator('.table-pager .el-pagination__total').innerText();

    await page.keyboard.press('Control+k');
    const input = page.getByTestId('search-input');
    await input.fill(keyword);
    // The previous search's answer stays until this one's arrives: wait for its 查看全部.
    const more = page.getByTestId('search-more-petition');
    const total = /查看全部 (\d+) 条/.exec(await more.innerText())![1]!;
    await more.click();
    await input.waitFor({ state: 'hidden' });
    // The list already open reads itself again with the keyword.
    await page.locator('.table-pager .el-pagination__total', { hasText: `共 ${total} 条` }).waitFor();
    expect(await page.getByTestId('petitions-keyword').inputValue()).toBe(keyword);
    expect(unfiltered).not.toBe(`共 ${total} 条`);
    expect(session.pageErrors).toEqual([]);
  });
});
