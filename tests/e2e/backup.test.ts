import { closeSync, cpSync, mkdtempSync, openSync, readdirSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from './support/auth';
import { openSession, type Session } from './support/browser';
import { E2E_ADMIN, E2E_AUDITOR, startWebApp, type WebApp } from './support/serve';
import { startApp, stopApp } from './support/setup';

const PASSPHRASE = '东镇综治中心-密钥-2026';

describe('数据备份 in the browser', () => {
  let app: WebApp;
  let session: Session;

  beforeAll(async () => {
    ({ app, session } = await startApp({ integrityCheckDelayMs: 0 }));
  });

  afterAll(() => stopApp(app, session));

  it('backs up now, runs a restore drill, and asks before a restore', async () => {
    const { page } = session;
    await signIn(page, app.url, E2E_ADMIN.username, E2E_ADMIN.password);
    await page.getByTestId('nav-backup').click();
    await page.getByTestId('backup-page').waitFor();
    const table = page.getByTestId('backup-table');
    const rowsBefore = await table.locator('.el-table__body tr').count();

    await page.getByTestId('backup-run').click();
    await page.getByText(/^备份完成/).waitFor();
    await table.getByText('手动备份').first().waitFor();
    expect(await table.locator('.el-table__body tr').count()).toBe(rowsBefore + 1);
    expect(await table.innerText()).toContain('完好');

    await page.getByTestId('backup-drill').click();
    await page.getByText(/^恢复演练通过/).waitFor();
    // The message shows before the page reloads the status: the date follows.
    await expect
      .poll(() => page.getByTestId('backup-last-drill').innerText())
      .toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    // The full integrity check that ran in the background after start-up, as the page reloaded it.
    expect(await page.getByTestId('backup-integrity-check').innerText()).toMatch(
      /^通过\s+\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}，用时 [\d.]+ 秒$/,
    );
    // The page itself, once the messages have gone.
    await page.locator('.el-message').first().waitFor({ state: 'detached' });
    await page.locator('.el-message').last().waitFor({ state: 'detached' });
    await session.screenshot('backup');
    await session.screenshots('backup-integrity-check', page.getByTestId('backup-status'));

    await table.getByRole('button', { name: '恢复' }).first().click();
    const dialog = page.locator('.el-message-box');
    await dialog.getByText('所有人都需要重新登录').waitFor();
    expect(await dialog.innerText()).toMatch(/共 \d+ 条记录/);
    await session.screenshot('backup-restore-confirm');
    await dialog.getByRole('button', { name: '取消' }).click();
    await dialog.waitFor({ state: 'hidden' });
    // Cancelled: still signed in, on the same page.
    await page.getByTestId('backup-page').waitFor();

    // The second location: a relative path is refused on its field; a real folder is kept.
    const secondary = page.getByTestId('backup-settings-secondary');
    await secondary.fill('backups2');
    await page.getByTestId('backup-settings-submit').click();
    await page.getByTestId('backup-settings').getByText('请填写完整的文件夹路径（绝对路径）').waitFor();
    const folder = mkdtempSync(join(tmpdir(), 'zz-e2e-second-'));
    await secondary.fill(folder);
    await page.getByTestId('backup-settings-submit').click();
    await page.locator('.el-message-box').getByRole('button', { name: '保存' }).click();
    await page.getByText('备份设置已保存').waitFor();
    await page.getByTestId('backup-run').click();
    await table.getByText('第二位置').first().waitFor();
    expect(readdirSync(folder).some((name) => name.endsWith('.db'))).toBe(true);
    await page.locator('.el-message').last().waitFor({ state: 'detached' });
    await session.screenshot('backup-second-location');
    expect(session.pageErrors).toEqual([]);
  });
});

describe('the recovery screen in the browser', () => {
  let app: WebApp | undefined;
  let session: Session | undefined;

  afterAll(() => stopApp(app, session));

  /** A data folder holding the demo county's backups and no data file. */
  async function folderWithBackups(): Promise<string> {
    const source = await startWebApp({ demo: 'small' });
    try {
      const made = await source.api('backup.run');
      if (!made.ok) throw new Error(made.error?.message);
      const dataDir = mkdtempSync(join(tmpdir(), 'zz-e2e-damaged-'));
      cpSync(source.dataDir, dataDir, {
        recursive: true,
        filter: (path) => !/zongzhi\.db(-wal|-shm)?$/.test(path),
      });
      return dataDir;
    } finally {
      await source.stop();
    }
  }

  /** Restores from the recovery page and signs in to the county as it was. */
  async function restoreAndSignIn(page: Page): Promise<void> {
    await page.getByTestId('recovery-restore').click();
    await page.locator('.confirm-ok').click();
    await page.getByTestId('login-username').waitFor();
    await page.getByTestId('login-username').fill(E2E_ADMIN.username);
    await page.getByTestId('login-password').fill(E2E_ADMIN.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('user-menu').waitFor();
  }

  it('explains a damaged data file and restores the newest good backup', async () => {
    // A data folder with a backup, then one whose data file is that backup with its header broken.
    const dataDir = await folderWithBackups();
    const newest = readdirSync(join(dataDir, 'backups'))
      .filter((name) => name.endsWith('.db'))
      .sort()
      .at(-1)!;
    cpSync(join(dataDir, 'backups', newest), join(dataDir, 'zongzhi.db'));
    const fd = openSync(join(dataDir, 'zongzhi.db'), 'r+');
    writeSync(fd, Buffer.from('NOT A DATABASE!!'), 0, 16, 0);
    closeSync(fd);

    app = await startWebApp({ dataDir });
    session = await openSession();
    const { page } = session;
    await page.goto(app.url);
    await page.getByTestId('recovery-page').waitFor();
    expect(await page.getByTestId('recovery-moved-to').innerText()).toContain('damaged-');
    await page.getByTestId('recovery-backup').waitFor();
    await session.screenshot('recovery');

    await restoreAndSignIn(page);
    await session.screenshot('recovery-restored');
  });

  it('treats a data file gone from beside its backups as a loss to recover, not a first start', async () => {
    await app?.stop();
    app = await startWebApp({ dataDir: await folderWithBackups() });
    session ??= await openSession();
    const { page } = session;
    await page.goto(app.url);
    await page.getByTestId('recovery-page').waitFor();
    await page.getByTestId('recovery-damaged').getByText('启动时没有找到数据文件').waitFor();
    expect(await page.getByTestId('recovery-moved-to').count()).toBe(0);
    expect(await page.getByTestId('setup-form').count()).toBe(0);
    await page.getByTestId('recovery-backup').waitFor();
    await session.screenshots('recovery-lost');
    await restoreAndSignIn(page);
  });

  it('moves the centre to a new computer: the key backup exported there is imported before the restore', async () => {
    // A browser of its own: the previous test's page would report its server going away.
    await session?.close();
    session = undefined;
    await app?.stop();
    app = undefined;
    const source = await startWebApp({ demo: 'small' });
    const keysFile = join(mkdtempSync(join(tmpdir(), 'zz-e2e-keys-')), 'centre.zzkeys');
    let newComputer: string;
    try {
      const made = await source.api('backup.run');
      if (!made.ok) throw new Error(made.error?.message);
      session ??= await openSession();
      const { page } = session;
      await signIn(page, source.url, E2E_ADMIN.username, E2E_ADMIN.password);
      await page.getByTestId('nav-backup').click();
      await page.getByTestId('export-keys').click();
      const dialog = page.getByTestId('export-keys-dialog');
      await page.getByTestId('export-keys-passphrase').fill(PASSPHRASE);
      await page.getByTestId('export-keys-confirm').fill('另一个口令-两次不同');
      await page.getByTestId('export-keys-submit').click();
      await dialog.getByText('两次输入的口令不一致').waitFor();
      await page.getByTestId('export-keys-confirm').fill(PASSPHRASE);
      await page.getByTestId('auditor-confirm-username').fill(E2E_AUDITOR.username);
      await page.getByTestId('auditor-confirm-password').fill(E2E_AUDITOR.password);
      await session.screenshots('backup-export-keys', dialog);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('export-keys-submit').click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^综治工作台密钥备份-.+\.zzkeys$/);
      await download.saveAs(keysFile);
      // The new computer: only the backups were carried over, no key file.
      newComputer = mkdtempSync(join(tmpdir(), 'zz-e2e-new-computer-'));
      cpSync(join(source.dataDir, 'backups'), join(newComputer, 'backups'), { recursive: true });
      // Leave the old computer's page (and its change feed) before that server goes away.
      await page.goto('about:blank');
    } finally {
      await source.stop();
    }

    app = await startWebApp({ dataDir: newComputer });
    const { page } = session;
    await page.goto(app.url);
    await page.getByTestId('recovery-needs-keys').waitFor();
    expect(await page.getByTestId('recovery-restore').count()).toBe(0);
    await page.getByTestId('recovery-keys-file').setInputFiles(keysFile);
    await page.getByTestId('recovery-keys-passphrase').fill('不是导出时的口令-1234');
    await page.getByTestId('recovery-keys-submit').click();
    await page.getByTestId('recovery-import-keys').getByText('口令不对').first().waitFor();
    await session.screenshots('recovery-needs-keys');
    await page.getByTestId('recovery-keys-passphrase').fill(PASSPHRASE);
    await page.getByTestId('recovery-keys-submit').click();
    await page.getByTestId('recovery-backup').waitFor();
    await restoreAndSignIn(page);
    expect(session.pageErrors).toEqual([]);
  });
});
