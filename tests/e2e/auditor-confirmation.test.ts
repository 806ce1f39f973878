import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from './support/auth';
import type { Session } from './support/browser';
import { IN_ORDER } from './support/in-order';
import { cookieClient, E2E_ADMIN, E2E_AUDITOR, type WebApp } from './support/serve';
import { startApp, stopApp } from './support/setup';

const SECOND = { username: 'auditor2', displayName: '王审计', initial: 'Start-2026-pw' };

// In order: the second auditor created in the first test is the one whose password the second resets.
describe('the administrator’s changes to auditors need an auditor at the workstation', IN_ORDER, () => {
  let app: WebApp;
  let session: Session;

  beforeAll(async () => {
    ({ app, session } = await startApp({ data: 'admin' }));
  });

  afterAll(() => stopApp(app, session));

  it('creating an auditor: the dialog asks for the auditor’s password, refuses a wrong one and accepts the right one', async () => {
    const { page } = session;
    await signIn(page, app.url, E2E_ADMIN.username, E2E_ADMIN.password);
    await page.goto(`${app.url}#/admin/users`);
    await page.getByTestId('users-create').click();
    await page.getByTestId('user-form').waitFor();
    await page.getByTestId('user-form-username').fill(SECOND.username);
    await page.getByTestId('user-form-display-name').fill(SECOND.displayName);
    expect(await page.getByTestId('auditor-confirm').count()).toBe(0);
    await page.getByTestId('user-form-role-auditor').click();
    await page.getByTestId('auditor-confirm').waitFor();
    await page.getByTestId('user-form-password').fill(SECOND.initial);

    await page.getByTestId('user-form-submit').click();
    await page.getByTestId('user-form-error').getByText('开通审计员账号须由审计员输入其用户名和密码确认。').waitFor();

    await page.getByTestId('auditor-confirm-username').fill(E2E_AUDITOR.username);
    await page.getByTestId('auditor-confirm-password').fill('Guess-2026-pw');
    await page.getByTestId('user-form-submit').click();
    await page.getByTestId('user-form-error').getByText('审计员的用户名或密码错误').waitFor();
    await session.screenshots('auditor-confirm-refused', page.getByTestId('user-form'));

    await page.getByTestId('auditor-confirm-password').fill(E2E_AUDITOR.password);
    await page.getByTestId('user-form-submit').click();
    await page.getByTestId('users-table').getByText(SECOND.displayName).waitFor();
    expect(session.pageErrors).toEqual([]);
  });

  it('resetting an auditor’s password is confirmed the same way, and the log names who confirmed', async () => {
    const { page } = session;
    await page.getByTestId(`user-reset-${SECOND.username}`).click();
    await page.getByTestId('reset-password-dialog').waitFor();
    await page.getByTestId('reset-password-new').fill('Reset-2026-pw');
    await page.getByTestId('reset-password-confirm').fill('Reset-2026-pw');
    await page.getByTestId('auditor-confirm-username').fill(E2E_AUDITOR.username);
    await page.getByTestId('auditor-confirm-password').fill(E2E_AUDITOR.password);
    await session.screenshots('auditor-confirm-reset', page.getByTestId('reset-password-dialog'));
    await page.getByTestId('reset-password-submit').click();
    await page.locator('.confirm-ok').click();
    await page.getByText(`已重置 ${SECOND.displayName}（${SECOND.username}） 的密码`).first().waitFor();

    const auditor = cookieClient(app.url);
    await auditor('auth.login', { username: E2E_AUDITOR.username, password: E2E_AUDITOR.password });
    const rows = await auditor<{ items: { action: string; detail: string }[] }>('audit.list', {
      action: 'users.resetPassword',
    });
    expect(rows.data!.items).toEqual([
      expect.objectContaining({ action: 'users.resetPassword', detail: `经审计员 ${E2E_AUDITOR.username} 确认` }),
    ]);
    expect(session.pageErrors).toEqual([]);
    expect(session.offMachineRequests).toEqual([]);
  });
});
