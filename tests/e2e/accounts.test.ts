import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeOwnPassword, signIn, signOut } from './support/auth';
import type { Session } from './support/browser';
import { IN_ORDER } from './support/in-order';
import { cookieClient, E2E_ADMIN, E2E_AUDITOR, type WebApp } from './support/serve';
import { startApp, stopApp } from './support/setup';

const OFFICER = { username: 'zhangwei', displayName: '张伟', initial: 'Start-2026-pw', own: 'Duty-2026-Own' };
const AUDITOR = { username: 'auditor1', displayName: '李审计', initial: 'Start-2026-pw', own: 'Audit-2026-Own' };

// One story on one web app and one browser page, in order: each test starts where the one before
// left off (the officer created in the second signs in in the third; the auditor reads the events
// of them all, and stays signed in for the idle lock).
describe('accounts, roles and the audit log in the browser', IN_ORDER, () => {
  let app: WebApp;
  let session: Session;

  beforeAll(async () => {
    ({ app, session } = await startApp());
    // Accounts the UI flows below need, made through the API as the administrator.
    for (const [username, displayName, roles] of [
      [AUDITOR.username, AUDITOR.displayName, ['auditor']],
      ['lockme', '待锁定', ['leader']],
    ] as const) {
      // Another auditor needs the first one's confirmation.
      const auditorConfirmation = (roles as readonly string[]).includes('auditor')
        ? { username: E2E_AUDITOR.username, password: E2E_AUDITOR.password }
        : undefined;
      const created = await app.api('users.create', {
        username,
        displayName,
        roles,
        password: AUDITOR.initial,
        auditorConfirmation,
      });
      if (!created.ok) throw new Error(created.error?.message);
    }
  });

  afterAll(() => stopApp(app, session));

  it('answers a wrong password with one message, and locks the account after 5', async () => {
    const { page } = session;
    await page.goto(app.url);
    await page.getByTestId('login-username').fill('lockme');
    await page.getByTestId('login-password').fill('Wrong-2026-pw');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('login-error').getByText('用户名或密码错误，请重新输入。').waitFor();
    await session.screenshot('login-wrong-password');

    for (let i = 2; i <= 5; i++) await page.getByTestId('login-submit').click();
    await page.getByTestId('login-error').getByText('登录失败次数过多，请稍后再试。').waitFor();
    await session.screenshot('login-locked');
  });

  it('lets the administrator create a duty officer', async () => {
    const { page } = session;
    await signIn(page, app.url, E2E_ADMIN.username, E2E_ADMIN.password);
    await page.goto(`${app.url}#/admin/users`);
    await page.getByTestId('users-create').click();
    const form = page.getByTestId('user-form');
    await form.waitFor();
    await page.getByTestId('user-form-username').fill(OFFICER.username);
    await page.getByTestId('user-form-display-name').fill(OFFICER.displayName);
    await page.getByTestId('user-form-role-duty_officer').click();
    await page.getByTestId('user-form-phone').fill('13812345678');
    await page.getByTestId('user-form-password').fill(OFFICER.initial);
    await session.screenshot('user-form');
    await page.getByTestId('user-form-submit').click();
    await page.getByTestId('users-table').getByText(OFFICER.displayName).waitFor();
    await form.waitFor({ state: 'hidden' });
    const table = await page.getByTestId('users-table').innerText();
    expect(table).toContain('138****5678');
    expect(table).not.toContain('13812345678');
    await session.screenshot('users');
    // The administrator has no audit log in the menu.
    expect(await page.getByTestId('nav-audit').count()).toBe(0);

    await page.goto(`${app.url}#/admin/settings`);
    const idle = page.getByTestId('settings-idleMinutes').locator('input');
    await idle.fill('20');
    await page.getByTestId('settings-submit').click();
    await page.locator('.confirm-ok').click();
    await page.getByText('安全设置已保存').first().waitFor();
    await session.screenshot('settings');
    await signOut(page);
  });

  it('keeps the duty officer out of account management and the audit log', async () => {
    const { page } = session;
    await page.getByTestId('login-username').fill(OFFICER.username);
    await page.getByTestId('login-password').fill(OFFICER.initial);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('change-password-current').waitFor();
    await session.screenshot('change-password');
    await changeOwnPassword(page, OFFICER.initial, OFFICER.own);
    await page.getByTestId('user-menu').waitFor();

    expect(await page.getByTestId('nav-users').count()).toBe(0);
    expect(await page.getByTestId('nav-audit').count()).toBe(0);
    for (const path of ['#/admin/users', '#/admin/audit']) {
      await page.goto(`${app.url}${path}`);
      await page.getByTestId('forbidden-page').waitFor();
    }
    await session.screenshot('forbidden');
    // The backend says no as well, whatever the page shows.
    const officerApi = cookieClient(app.url);
    await officerApi('auth.login', { username: OFFICER.username, password: OFFICER.own });
    expect(await officerApi('users.list')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await officerApi('audit.list')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await page.goto(app.url);
    await signOut(page);
  });

  it('shows the auditor the events, and a chain that verifies', async () => {
    const { page } = session;
    await page.getByTestId('login-username').fill(AUDITOR.username);
    await page.getByTestId('login-password').fill(AUDITOR.initial);
    await page.getByTestId('login-submit').click();
    await changeOwnPassword(page, AUDITOR.initial, AUDITOR.own);
    await page.getByTestId('user-menu').waitFor();
    await page.goto(`${app.url}#/admin/audit`);
    const table = page.getByTestId('audit-table');
    await table.getByText('users.create').first().waitFor();
    const text = await table.innerText();
    for (const action of ['auth.login', 'auth.lockout', 'users.create', 'auth.changePassword', 'settings.update'])
      expect(text).toContain(action);
    await page.getByTestId('audit-verify').click();
    await page
      .getByTestId('audit-verify-result')
      .getByText(/哈希链完整/)
      .waitFor();
    await session.screenshot('audit');
    expect(session.offMachineRequests).toEqual([]);
    expect(session.pageErrors).toEqual([]);
  });

  it('locks an idle screen over the page and unlocks it with the password', async () => {
    const { page } = session;
    await page.clock.install();
    await page.goto(`${app.url}#/admin/audit`);
    await page.getByTestId('audit-table').waitFor();
    await page.clock.fastForward('31:00');
    await page.getByTestId('lock-screen').waitFor();
    await session.screenshot('lock-screen');
    await page.getByTestId('lock-password').fill(AUDITOR.own);
    await page.getByTestId('lock-submit').click();
    await page.getByTestId('lock-screen').waitFor({ state: 'hidden' });
    await page.getByTestId('audit-table').waitFor();
  });
});
