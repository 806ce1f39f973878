import { createHash, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GENERATED_CERT_FILE } from '../../electron/backend/http/certificate';
import { createServerClient } from '../../electron/main/server-client';
import { signIn, signOut } from './support/auth';
import type { Session } from './support/browser';
import { E2E_ADMIN, type WebApp } from './support/serve';
import { startApp, stopApp } from './support/setup';

/**
 * The certificate's public key as Chromium's `--ignore-certificate-errors-spki-list` names it:
 * base64 of the SHA-256 of its SubjectPublicKeyInfo. This pins the one certificate, as the
 * desktop's client mode does, where playwright's `ignoreHTTPSErrors` would accept any.
 */
function spkiPin(dataDir: string): string {
  const cert = new X509Certificate(readFileSync(join(dataDir, GENERATED_CERT_FILE), 'utf8'));
  return createHash('sha256')
    .update(cert.publicKey.export({ type: 'spki', format: 'der' }))
    .digest('base64');
}

/** The browser's flag trusting the app's own certificate alone. */
const pinned = (app: WebApp) => [`--ignore-certificate-errors-spki-list=${spkiPin(app.dataDir)}`];

const OFFICER = { username: 'zhongxin', displayName: '钟值班', roles: ['duty_officer'], password: 'Duty-2026-Own' };

const WRONG_FINGERPRINT = Array.from({ length: 32 }, () => '5A').join(':');

describe('the centre server over HTTPS', () => {
  let app: WebApp;
  let session: Session;

  beforeAll(async () => {
    ({ app, session } = await startApp({
      data: 'empty',
      args: ['--https', '--host', '127.0.0.1', '--allow', '127.0.0.1'],
      browserArgs: pinned,
    }));
    const port = Number(new URL(app.url).port);
    // Set up through the desktop's client relay, pinned to the fingerprint the server printed.
    const relay = createServerClient({ address: '127.0.0.1', port, fingerprint: app.fingerprint! });
    try {
      expect(await relay.call('auth.setup', E2E_ADMIN, 1)).toMatchObject({ ok: true });
      expect(await relay.call('system.loadDemo', { scale: 'small' }, 1)).toMatchObject({ ok: true });
      // An officer who reads the ledgers (the administrator does not), with a password of their own.
      const initial = 'Start-2026-pw';
      expect(await relay.call('users.create', { ...OFFICER, password: initial }, 1)).toMatchObject({ ok: true });
      expect(await relay.call('auth.login', { username: OFFICER.username, password: initial }, 2)).toMatchObject({
        ok: true,
      });
      const changed = await relay.call(
        'auth.changePassword',
        { currentPassword: initial, newPassword: OFFICER.password },
        2,
      );
      expect(changed).toMatchObject({ ok: true });
    } finally {
      await relay.stop();
    }
  });

  afterAll(() => stopApp(app, session));

  it('serves the app to Chromium with the generated certificate: sign in and list, the session cookie Secure', async () => {
    expect(app.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/$/);
    const { page } = session;
    await signIn(page, app.url, OFFICER.username, OFFICER.password);
    await page.goto(`${app.url}#/petitions`);
    await page.getByTestId('petitions-table').locator('tbody tr').first().waitFor();
    expect(await page.getByTestId('petitions-table').locator('tbody tr').count()).toBeGreaterThan(0);
    const cookie = (await session.context.cookies()).find((c) => c.name === 'zz_session');
    expect(cookie).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Strict' });
    expect(session.pageErrors).toEqual([]);
    expect(session.offMachineRequests).toEqual([]);
    await signOut(page);
  });

  it('shows the centre server card with the certificate fingerprint', async () => {
    const { page } = session;
    await signIn(page, app.url, E2E_ADMIN.username, E2E_ADMIN.password);
    await page.goto(`${app.url}#/admin/settings`);
    const card = page.getByTestId('server-settings-page');
    const fingerprint = card.locator('code[data-testid="server-settings-fingerprint"]');
    await fingerprint.waitFor();
    expect((await fingerprint.innerText()).trim()).toBe(app.fingerprint);
    expect(await page.getByTestId('server-settings-clients').inputValue()).toBe('127.0.0.1');
    await session.screenshots('centre-server-settings', card);
  });

  it('shows what runs now, and that saved settings other than those wait for a restart', async () => {
    const { page } = session;
    await page.goto(`${app.url}#/admin/settings`);
    const card = page.getByTestId('server-settings-page');
    await card.getByTestId('server-status-address').waitFor();
    expect(await card.getByTestId('server-status-state').innerText()).toBe('运行中');
    expect(`${await card.getByTestId('server-status-address').innerText()}`).toBe(app.url);
    expect((await card.getByTestId('server-status-fingerprint').innerText()).trim()).toBe(app.fingerprint);
    expect(await card.getByTestId('server-status-started').innerText()).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    // Started with flags while the saved setting is off: a restart would change what runs.
    expect(await card.getByTestId('server-status-restart').innerText()).toContain('已保存，重启服务后生效');
    await card.getByTestId('server-status-flags').waitFor();
    await card.getByTestId('server-status').scrollIntoViewIfNeeded();
    await session.screenshots('centre-server-status', card);

    // Saving what runs: nothing waits for a restart any more.
    await card.getByTestId('server-settings-enabled').click();
    await card.getByTestId('server-settings-port').locator('input').fill(new URL(app.url).port);
    await card.getByTestId('server-settings-submit').click();
    await page.locator('.confirm-ok').click();
    await card.getByTestId('server-status-restart').waitFor({ state: 'detached' });
    expect(await card.getByTestId('server-status-state').innerText()).toBe('运行中');
    expect(session.pageErrors).toEqual([]);
    await signOut(page);
  });

  it('refuses a client relay pinned to another fingerprint, with a Chinese message', async () => {
    const relay = createServerClient({
      address: '127.0.0.1',
      port: Number(new URL(app.url).port),
      fingerprint: WRONG_FINGERPRINT,
    });
    const refused = await relay.call('auth.status', {}, 1);
    await relay.stop();
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    if (!refused.ok) expect(refused.error.message).toContain('证书指纹与登记的不一致');
  });

  it('shows the first-run choice of the desktop app', async () => {
    const { page } = session;
    await page.goto(`${app.url}#/connect`);
    await page.getByTestId('connection-client').click();
    await page.getByTestId('connection-address').fill('192.168.1.20');
    await page.getByTestId('connection-fingerprint').fill(app.fingerprint!);
    await session.screenshots('first-run-connection-choice', page.getByTestId('connection-form'));
    // A browser is on the server already: the choice belongs to the desktop app.
    await page.getByTestId('connection-submit').click();
    await expect
      .poll(() => page.getByTestId('connection-error').innerText(), { timeout: 10_000 })
      .toContain('网页模式无需选择使用方式');
  });
});

describe('the centre server’s allowed client addresses', () => {
  let app: WebApp;
  let session: Session;

  beforeAll(async () => {
    // 127.0.0.1 is not on the list: this machine's browser is an address outside it.
    ({ app, session } = await startApp({
      data: 'empty',
      args: ['--https', '--host', '127.0.0.1', '--allow', '10.0.0.0/8,192.168.1.0/24'],
      browserArgs: pinned,
    }));
  });

  afterAll(() => stopApp(app, session));

  it('refuses a client outside the list with 403 and a Chinese page, and its API calls with the envelope', async () => {
    const response = await session.page.goto(app.url);
    expect(response?.status()).toBe(403);
    expect(await session.page.locator('body').innerText()).toContain('不在中心服务器允许连接的范围内');
    const relay = createServerClient({
      address: '127.0.0.1',
      port: Number(new URL(app.url).port),
      fingerprint: app.fingerprint!,
    });
    const refused = await relay.call('auth.status', {}, 1);
    await relay.stop();
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    if (!refused.ok) expect(refused.error.message).toContain('系统设置');
  });
});
