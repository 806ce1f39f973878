import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { verifyChain } from '../../electron/backend/audit/verify';
import { backupIfDue } from '../../electron/backend/features/backup/schedule';
import { signInAdmin, signInAs, testBackend } from '../helpers/backend';
import { tempDir } from '../helpers/temp-dir';

const userCount = (file: string) => {
  const db = new Database(file, { readonly: true });
  const n = db.prepare('SELECT count(*) FROM users').pluck().get() as number;
  db.close();
  return n;
};

describe('backups', () => {
  it('writes a checked backup with its record counts, and keeps only N generations', async () => {
    const backend = await testBackend();
    const admin = await signInAdmin(backend);
    await backend.call('settings.updateBackup', { generations: 3, secondaryDir: '' }, admin);
    for (let i = 0; i < 5; i += 1) {
      const made = await backend.call('backup.run', {}, admin);
      expect(made).toMatchObject({ ok: true, data: { check: 'ok', label: 'manual', location: 'primary' } });
      // The administrator and the first auditor, both created at first-run setup.
      if (made.ok) expect(made.data.counts.users).toBe(2);
    }
    const list = await backend.call('backup.list', {}, admin);
    if (!list.ok) throw new Error(list.error.message);
    expect(list.data.items).toHaveLength(3);
    expect(list.data.status.lastSuccessAt).not.toBeNull();
    const files = readdirSync(join(backend.dataDir, 'backups')).filter((f) => f.endsWith('.db'));
    expect(files).toHaveLength(3);
    const copy = new Database(join(backend.dataDir, 'backups', files[0]!), { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();
  });

  it('copies each backup to the second location, and says so when that location is gone', async () => {
    const backend = await testBackend();
    const admin = await signInAdmin(backend);
    const second = tempDir('zz-second-');
    expect(await backend.call('settings.updateBackup', { generations: 5, secondaryDir: second }, admin)).toMatchObject({
      ok: true,
    });
    await backend.call('backup.run', {}, admin);
    expect(readdirSync(second).filter((f) => f.endsWith('.db'))).toHaveLength(1);
    const inside = await backend.call(
      'settings.updateBackup',
      { generations: 5, secondaryDir: backend.dataDir },
      admin,
    );
    expect(inside).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });

    backend.services.settings.backup.secondaryDir = join(second, 'unplugged', '\0x');
    const made = await backend.call('backup.run', {}, admin);
    expect(made.ok).toBe(true);
    const list = await backend.call('backup.list', {}, admin);
    expect(list.ok && list.data.status.secondaryWarning).toMatch(/未能复制到第二备份位置/);
  });

  it('keeps the previous backups when one fails, and records the failure', async () => {
    const backend = await testBackend();
    const admin = await signInAdmin(backend);
    await backend.call('backup.run', {}, admin);
    // The worker's copy fails (as on a full disk): nothing half-written may replace anything.
    vi.spyOn(backend.services.workers, 'run').mockRejectedValueOnce(
      Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }),
    );
    const failed = await backend.call('backup.run', {}, admin);
    expect(failed.ok).toBe(false);
    const list = await backend.call('backup.list', {}, admin);
    if (!list.ok) throw new Error(list.error.message);
    expect(list.data.items).toHaveLength(1);
    expect(list.data.status.lastFailure?.message).toMatch(/备份失败，此前的备份均已保留/);
    expect(readdirSync(join(backend.dataDir, 'backups')).filter((f) => f.includes('.partial'))).toEqual([]);
    await backend.call('backup.run', {}, admin);
    const after = await backend.call('backup.list', {}, admin);
    expect(after.ok && after.data.status.lastFailure).toBeNull();
  });

  it('takes the daily backup when the last one is a day old', async () => {
    let now = new Date('2026-11-22T08:00:00Z');
    const backend = await testBackend({ now: () => now });
    expect(await backupIfDue(backend.services)).toBe(true);
    now = new Date('2026-11-22T20:00:00Z');
    expect(await backupIfDue(backend.services)).toBe(false);
    now = new Date('2026-11-23T08:00:01Z');
    expect(await backupIfDue(backend.services)).toBe(true);
  });
});

describe('restore', () => {
  it('checks the backup, backs up the current state, restores, signs everyone out and audits it', async () => {
    const backend = await testBackend();
    const admin = await signInAdmin(backend);
    const made = await backend.call('backup.run', {}, admin);
    if (!made.ok) throw new Error(made.error.message);
    await signInAs(backend, admin, ['duty_officer']);
    expect(userCount(backend.dbFile)).toBe(3);

    const inspected = await backend.call('backup.inspect', { name: made.data.name, location: 'primary' }, admin);
    expect(inspected).toMatchObject({ ok: true, data: { check: 'ok', counts: { users: 2 } } });
    const unconfirmed = await backend.dispatch('backup.restore', { name: made.data.name, location: 'primary' }, admin);
    expect(unconfirmed).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });

    const restored = await backend.call(
      'backup.restore',
      { name: made.data.name, location: 'primary', confirm: true },
      admin,
    );
    if (!restored.ok) throw new Error(restored.error.message);
    expect(userCount(backend.dbFile)).toBe(2);
    expect(existsSync(join(backend.dataDir, 'backups', restored.data.safetyBackup))).toBe(true);
    expect(userCount(join(backend.dataDir, 'backups', restored.data.safetyBackup))).toBe(3);
    // Sessions are gone: the accounts are those of the backup.
    expect(await backend.call('users.list', {}, admin)).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    const { sql, auditKey } = backend.services;
    const actions = sql.db.prepare("SELECT detail FROM audit_log WHERE action = 'backup.restore'").pluck().all();
    // The request, written before the swap, is carried into the restored database with the rest.
    expect(actions).toEqual([expect.stringMatching(/^开始恢复：/), expect.stringMatching(/^已恢复：/)]);
    expect(verifyChain(sql, auditKey, new Date()).ok).toBe(true);
  });

  it('refuses a name that is a path, and a backup that fails its check', async () => {
    const backend = await testBackend();
    const admin = await signInAdmin(backend);
    const traversal = await backend.dispatch(
      'backup.restore',
      { name: '../zongzhi.db', location: 'primary', confirm: true },
      admin,
    );
    expect(traversal).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const made = await backend.call('backup.run', {}, admin);
    if (!made.ok) throw new Error(made.error.message);
    const file = join(backend.dataDir, 'backups', made.data.name);
    const bytes = Buffer.alloc(4096, 0x5a);
    const { openSync, writeSync, closeSync } = await import('node:fs');
    const fd = openSync(file, 'r+');
    writeSync(fd, bytes, 0, bytes.length, 4096);
    closeSync(fd);
    const refused = await backend.call(
      'backup.restore',
      { name: made.data.name, location: 'primary', confirm: true },
      admin,
    );
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/未通过完整性检查/) },
    });
    expect(userCount(backend.dbFile)).toBe(2);
  });

  it('refuses to restore while another process has the database open', async () => {
    const backend = await testBackend();
    const admin = await signInAdmin(backend);
    const made = await backend.call('backup.run', {}, admin);
    if (!made.ok) throw new Error(made.error.message);
    const other = new Database(backend.dbFile);
    other.prepare('SELECT count(*) FROM users').get();
    const refused = await backend.call(
      'backup.restore',
      { name: made.data.name, location: 'primary', confirm: true },
      admin,
    );
    other.close();
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/另一个程序/) },
    });
    // The backend carries on with its own data.
    expect(await backend.call('system.info', {}, admin)).toMatchObject({ ok: true });
  });

  it('runs a restore drill into a temp folder and records the date of the last successful one', async () => {
    const backend = await testBackend();
    const admin = await signInAdmin(backend);
    expect(await backend.call('backup.drill', {}, admin)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    await backend.call('backup.run', {}, admin);
    const drill = await backend.call('backup.drill', {}, admin);
    expect(drill).toMatchObject({ ok: true, data: { ok: true, message: expect.stringMatching(/^恢复成功/) } });
    const list = await backend.call('backup.list', {}, admin);
    expect(list.ok && list.data.status.lastSuccessfulDrillAt).toBe(drill.ok && drill.data.at);
    expect(readdirSync(join(backend.dataDir, 'backups')).filter((f) => f.startsWith('drill-'))).toEqual([]);
  });
});
