import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BackupInfo, BackupOverview, RecoveryStatus } from '@shared/contract/backup';
import { findTestId, meWith, mountApp, sessionAnswers, typeInto } from './helpers/auth';
import { removeBridge } from './helpers/fakeBridge';
import { eventually } from './helpers/eventually';

enableAutoUnmount(afterEach);
afterEach(() => {
  removeBridge();
  document.body.innerHTML = '';
});

const backup: BackupInfo = {
  name: 'zongzhi-20261120-020000-daily.db',
  location: 'primary',
  createdAt: '2026-11-20T02:00:00.000Z',
  label: 'daily',
  sizeBytes: 2_400_000,
  schemaVersion: 9,
  counts: { petitions: 120, users: 6, audit_log: 800 },
  total: 926,
  check: 'ok',
};

const overview = (items: BackupInfo[], status: Partial<BackupOverview['status']> = {}): BackupOverview => ({
  dir: '/data/backups',
  secondaryDir: '',
  generations: 14,
  items,
  status: {
    lastSuccessAt: items[0]?.createdAt ?? null,
    lastFailure: null,
    secondaryWarning: null,
    lastDrill: null,
    lastSuccessfulDrillAt: null,
    lastIntegrityCheck: null,
    ...status,
  },
});

const confirmButton = () =>
  eventually(() => {
    const button = document.querySelector<HTMLElement>('.confirm-ok');
    if (!button) throw new Error('确认框未出现');
    return button;
  });

describe('数据备份', () => {
  it('lists backups with the last failure, and restores only after showing what inspect found', async () => {
    const me = meWith(['sysadmin']);
    const { bridge, router } = await mountApp('/admin/backup', {
      ...sessionAnswers(me),
      'backup.list': () => ({
        ok: true,
        data: overview([backup], { lastFailure: { at: '2026-11-21T02:00:00.000Z', message: '磁盘空间不足' } }),
      }),
      'backup.inspect': () => ({ ok: true, data: { ...backup, counts: { ...backup.counts, petitions: 121 } } }),
      'backup.restore': () => ({ ok: true, data: { restored: backup, safetyBackup: 'zongzhi-x-before-restore.db' } }),
    });
    const table = await findTestId('backup-table');
    expect(table.textContent).toContain('每日自动备份');
    expect(table.textContent).toContain('共 926 条');
    expect(table.textContent).toContain('信访积案 120 条');
    expect(table.textContent).toContain('完好');
    expect((await findTestId('backup-last-failure')).textContent).toContain('磁盘空间不足');
    expect((await findTestId('backup-integrity-check')).textContent).toContain('启动后在后台进行，尚未完成');

    (await findTestId(`backup-restore-${backup.name}`)).click();
    const ok = await confirmButton();
    expect(bridge).toHaveBeenCalledWith('backup.inspect', { name: backup.name, location: 'primary' });
    expect(bridge).not.toHaveBeenCalledWith('backup.restore', expect.anything());
    const text = document.body.textContent!;
    expect(text).toContain('信访积案 121 条');
    expect(text).toContain('先自动备份当前数据');
    expect(text).toContain('所有人都需要重新登录');
    ok.click();
    await eventually(() =>
      expect(bridge).toHaveBeenCalledWith('backup.restore', { name: backup.name, location: 'primary', confirm: true }),
    );
    await eventually(() => expect(router.currentRoute.value.name).toBe('login'));
  });

  it('shows the background integrity check of the data file, and what it found wrong', async () => {
    const failed = {
      at: '2026-11-21T02:00:30.000Z',
      ok: false,
      message: '数据文件未通过完整性检查：第 3 页损坏',
      seconds: 41.5,
    };
    await mountApp('/admin/backup', {
      ...sessionAnswers(meWith(['sysadmin'])),
      'backup.list': () => ({ ok: true, data: overview([backup], { lastIntegrityCheck: failed }) }),
    });
    const text = (await findTestId('backup-integrity-check')).textContent!;
    expect(text).toContain('未通过');
    expect(text).toContain('用时 41.5 秒');
    expect(text).toContain('第 3 页损坏');
  });

  it('says why 立即备份 failed when the disk is full', async () => {
    const me = meWith(['sysadmin']);
    await mountApp('/admin/backup', {
      ...sessionAnswers(me),
      'backup.list': () => ({ ok: true, data: overview([]) }),
      'backup.run': () => ({
        ok: false,
        error: { code: 'INTERNAL', message: '磁盘空间已满，备份未完成。', reason: 'DISK_FULL' },
      }),
    });
    (await findTestId('backup-run')).click();
    await eventually(async () =>
      expect((await findTestId('backup-error')).textContent).toContain('磁盘空间已满，备份未完成。'),
    );
  });
});

describe('the recovery screen', () => {
  const damaged: RecoveryStatus = {
    damaged: true,
    movedTo: '/data/damaged-20261122-010203',
    problem: 'database disk image is malformed',
    newestGood: backup,
    needsKeys: false,
  };

  it('opens when a call answers DATABASE_DAMAGED, says where the file went, and restores after confirming', async () => {
    const reload = vi.fn();
    const location = window.location;
    Object.defineProperty(window, 'location', { configurable: true, value: { ...location, hash: '', reload } });
    try {
      const refused = { ok: false, error: { code: 'CONFLICT', message: '数据文件已损坏', reason: 'DATABASE_DAMAGED' } };
      const { bridge, router } = await mountApp('/', {
        'auth.status': () => refused as never,
        'recovery.status': () => ({ ok: true, data: damaged }),
        'recovery.restoreLatest': () => ({ ok: true, data: { restored: backup } }),
      });
      await eventually(() => expect(router.currentRoute.value.name).toBe('recovery'));
      expect((await findTestId('recovery-moved-to')).textContent).toContain(damaged.movedTo);
      expect((await findTestId('recovery-backup')).textContent).toContain('共 926 条');

      (await findTestId('recovery-restore')).click();
      const ok = await confirmButton();
      expect(bridge).not.toHaveBeenCalledWith('recovery.restoreLatest', expect.anything());
      ok.click();
      await eventually(() => expect(bridge).toHaveBeenCalledWith('recovery.restoreLatest', { confirm: true }));
      await eventually(() => expect(reload).toHaveBeenCalled());
      await flushPromises();
    } finally {
      Object.defineProperty(window, 'location', { configurable: true, value: location });
    }
  });

  it('on a new computer asks for the key backup, sends its text and passphrase, then offers the restore', async () => {
    const keysText = '{"format":"zongzhi-keys"}';
    let imported = false;
    const refused = { ok: false, error: { code: 'CONFLICT', message: '数据文件已损坏', reason: 'DATABASE_DAMAGED' } };
    const { bridge, router } = await mountApp('/', {
      'auth.status': () => refused as never,
      'recovery.status': () => ({
        ok: true,
        data: imported ? damaged : { ...damaged, movedTo: null, newestGood: null, needsKeys: true },
      }),
      'recovery.importKeys': () => {
        imported = true;
        return { ok: true, data: { county: '测试县', createdAt: '2026-12-01T02:00:00.000Z' } };
      },
    });
    await eventually(() => expect(router.currentRoute.value.name).toBe('recovery'));
    expect((await findTestId('recovery-needs-keys')).textContent).toContain('另一台电脑的密钥');
    (await findTestId('recovery-keys-submit')).click();
    await eventually(async () =>
      expect((await findTestId('recovery-import-keys')).textContent).toContain('必填，请填写'),
    );
    expect(bridge).not.toHaveBeenCalledWith('recovery.importKeys', expect.anything());

    const input = (await findTestId('recovery-keys-file')) as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [new File([keysText], '密钥备份.zzkeys')] });
    input.dispatchEvent(new Event('change'));
    typeInto(await findTestId<HTMLInputElement>('recovery-keys-passphrase'), '东镇综治中心-密钥-2026');
    await eventually(async () =>
      expect((await findTestId('recovery-keys-file')).parentElement!.textContent).toContain('密钥备份.zzkeys'),
    );
    (await findTestId('recovery-keys-submit')).click();
    await eventually(() =>
      expect(bridge).toHaveBeenCalledWith('recovery.importKeys', {
        text: keysText,
        passphrase: '东镇综治中心-密钥-2026',
      }),
    );
    expect((await findTestId('recovery-backup')).textContent).toContain('共 926 条');
  });
});
