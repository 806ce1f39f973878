import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from './support/browser';
import { IN_ORDER } from './support/in-order';
import { cookieClient, E2E_ADMIN, type WebApp } from './support/serve';
import { startApp, stopApp } from './support/setup';

// In order: the second test starts signed in as the administrator the first one set up.
describe('first run on an empty database', IN_ORDER, () => {
  let app: WebApp;
  let session: Session;

  beforeAll(async () => {
    ({ app, session } = await startApp({ data: 'empty' }));
  });

  afterAll(() => stopApp(app, session));

  it('asks for the administrator and then the auditor account: no default password ships', async () => {
    const { page } = session;
    await page.goto(app.url);
    await page.getByTestId('setup-username').waitFor();
    expect(page.url()).toContain('#/setup');
    await page.getByTestId('setup-username').fill(E2E_ADMIN.username);
    await page.getByTestId('setup-display-name').fill(E2E_ADMIN.displayName);
    await page.getByTestId('setup-password').fill('admin123');
    await page.getByText('密码须包含大写字母、小写字母、数字、符号中的至少 3 类').first().waitFor();
    await session.screenshots('setup-weak-password');
    await page.getByTestId('setup-password').fill(E2E_ADMIN.password);
    await page.getByTestId('setup-password-confirm').fill(E2E_ADMIN.password);
    await page.getByTestId('setup-next-submit').click();

    // 三员分立: the auditor types their own account before the app can be used.
    const { auditor } = E2E_ADMIN;
    await page.getByTestId('setup-auditor-explanation').waitFor();
    await page.getByTestId('setup-auditor-username').fill(E2E_ADMIN.username);
    await page.getByTestId('setup-auditor-display-name').fill(auditor.displayName);
    await page.getByTestId('setup-auditor-password').fill(auditor.password);
    await page.getByTestId('setup-auditor-password-confirm').fill(auditor.password);
    await page.getByTestId('setup-submit').click();
    await page.getByText('审计员的用户名不能与系统管理员相同').first().waitFor();
    await page.getByTestId('setup-auditor-username').fill(auditor.username);
    await session.screenshots('setup-auditor');
    await page.getByTestId('setup-submit').click();
    await page.getByTestId('user-menu').waitFor();
    expect(await page.getByTestId('user-menu').innerText()).toContain(E2E_ADMIN.displayName);
    expect(session.offMachineRequests).toEqual([]);
    const auditorApi = cookieClient(app.url);
    expect(await auditorApi('auth.login', { username: auditor.username, password: auditor.password })).toMatchObject({
      ok: true,
      data: { roles: ['auditor'] },
    });
  });

  it('offers the demo county to the administrator, loads it and lists its townships', async () => {
    const { page } = session;
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
    expect((await app.api('auth.login', { username: E2E_ADMIN.username, password: E2E_ADMIN.password })).ok).toBe(true);
    const info = await app.api<{ counts: { townships: number } }>('system.info');
    expect(info.data!.counts.townships).toBeGreaterThanOrEqual(10);
    expect(await table.locator('tbody tr').count()).toBe(info.data!.counts.townships);
    await session.screenshot('first-run-loaded');
    expect(session.offMachineRequests).toEqual([]);
  });
});
