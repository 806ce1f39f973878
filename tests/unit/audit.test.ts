import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import type { CallContext } from '../../electron/backend/api/types';
import { ADMIN, newClient, seed, signInAdmin, signInAs, testBackend, TINY_COUNTY } from '../helpers/backend';
import { manualClock } from '../helpers/clock';
import { EXPORT_HEADER_ROW, readExport } from '../helpers/export-file';

interface Row {
  seq: number;
  action: string;
  result: string;
  username: string | null;
  entity: string | null;
  fields: string;
  detail: string;
  client: string;
  at: string;
}

function rows(backend: Backend): Row[] {
  const db = new Database(backend.dbFile, { readonly: true });
  const all = db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as Row[];
  db.close();
  return all;
}

/** Raw SQL on the file, the way someone with the file in hand could tamper with it. */
function tamper(backend: Backend, statements: string): void {
  const db = new Database(backend.dbFile);
  db.exec(`DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete; ${statements}`);
  db.close();
}

async function auditor(backend: Backend, admin: CallContext) {
  return (await signInAs(backend, admin, ['auditor'])).client;
}

describe('the audit log records', () => {
  it(
    'one row for each kind of security event and change, with field names but no personal values',
    { timeout: 30_000 },
    async () => {
      const clock = manualClock();
      const backend = await testBackend({ now: clock.now });
      seed(backend, TINY_COUNTY);
      const admin = await signInAdmin(backend);
      await backend.call('auth.login', { username: 'admin', password: 'Wrong-pass-1' }, newClient());
      await backend.call('auth.login', { username: 'ghost', password: 'Wrong-pass-1' }, newClient());
      const officer = await signInAs(backend, admin, ['duty_officer']);
      await backend.call(
        'users.update',
        { id: officer.id, displayName: '值班员甲', roles: ['duty_officer'], phone: '13812345678' },
        admin,
      );
      await backend.call(
        'personal.reveal',
        { entity: 'user', id: officer.id, field: 'phone', reason: '核实值班联系电话' },
        officer.client,
      );
      await backend.call('users.setEnabled', { id: officer.id, enabled: false }, admin);
      await backend.call('users.setEnabled', { id: officer.id, enabled: true }, admin);
      await backend.call('users.resetPassword', { id: officer.id, password: 'Reset-2026-pw' }, admin);
      await backend.call(
        'settings.update',
        { lockoutThreshold: 5, lockoutMinutes: 20, idleMinutes: 30, passwordExpiryDays: 90 },
        admin,
      );
      await backend.call('audit.list', {}, admin); // denied: the administrator may not read the log
      const audit = await auditor(backend, admin);
      await backend.call('audit.list', {}, audit);
      await backend.call('audit.export', {}, audit);
      clock.advance(31);
      await backend.call('auth.me', {}, admin);
      await backend.call('auth.unlock', { password: ADMIN.password }, admin);
      await backend.call('auth.logout', {}, admin);

      const log = rows(backend);
      const kinds = new Set(log.map((row) => `${row.action}:${row.result}`));
      for (const kind of [
        'auth.setup:success',
        'auth.login:failure',
        'auth.login:success',
        'users.create:success',
        'auth.changePassword:success',
        'users.update:success',
        'personal.reveal:success',
        'users.disable:success',
        'users.enable:success',
        'users.resetPassword:success',
        'settings.update:success',
        'audit.list:denied',
        'audit.list:success',
        'audit.export:success',
        'auth.expire:success',
        'auth.unlock:success',
        'auth.logout:success',
      ]) {
        expect(kinds, kind).toContain(kind);
      }
      const update = log.find((row) => row.action === 'users.update')!;
      expect(JSON.parse(update.fields)).toEqual(['displayName', 'phone']);
      const reveal = log.find((row) => row.action === 'personal.reveal')!;
      expect(reveal).toMatchObject({ entity: 'user', fields: '["phone"]', detail: '原因：核实值班联系电话' });
      expect(JSON.stringify(log)).not.toContain('13812345678');
      expect(log.find((row) => row.detail === '用户名不存在')?.username).toBe('ghost');
      const settings = log.find((row) => row.action === 'settings.update')!;
      expect(JSON.parse(settings.fields)).toEqual(['lockoutMinutes']);
      expect(log.every((row) => row.client.endsWith('-client') || row.client === 'test')).toBe(true);
      expect(log.every((row) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(row.at))).toBe(true);
    },
  );

  it('writes a change and its row in one transaction: a refused change leaves neither', async () => {
    const backend = await testBackend();
    const admin = await signInAdmin(backend);
    const before = rows(backend).length;
    const refused = await backend.call(
      'users.create',
      { username: 'x1', displayName: '甲', roles: ['leader'], password: 'short' },
      admin,
    );
    expect(refused.ok).toBe(false);
    expect(rows(backend)).toHaveLength(before);
  });
});

describe('the audit chain', () => {
  it('refuses UPDATE and DELETE through its triggers', async () => {
    const backend = await testBackend();
    await signInAdmin(backend);
    const db = new Database(backend.dbFile);
    expect(() => db.prepare("UPDATE audit_log SET detail = 'x' WHERE seq = 1").run()).toThrow(/只能追加/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/只能追加/);
    db.close();
  });

  it('verifies on demand and names the first tampered row', async () => {
    const backend = await testBackend();
    seed(backend, TINY_COUNTY);
    const admin = await signInAdmin(backend);
    const audit = await auditor(backend, admin);
    for (let i = 0; i < 3; i++)
      await backend.call('auth.login', { username: 'admin', password: 'Wrong-pass-1' }, newClient());
    expect(await backend.call('audit.verify', {}, audit)).toMatchObject({
      ok: true,
      data: { ok: true, firstBadSeq: null },
    });

    tamper(backend, "UPDATE audit_log SET username = 'someone-else' WHERE seq = 5");
    const result = await backend.call('audit.verify', {}, audit);
    expect(result).toMatchObject({
      ok: true,
      data: { ok: false, firstBadSeq: 5, message: expect.stringContaining('第 5 条') },
    });
  });

  it('names a deleted row, and a row re-hashed without the key', async () => {
    const backend = await testBackend();
    const admin = await signInAdmin(backend);
    const audit = await auditor(backend, admin);
    tamper(backend, 'DELETE FROM audit_log WHERE seq = 3');
    expect(await backend.call('audit.verify', {}, audit)).toMatchObject({
      ok: true,
      data: { ok: false, firstBadSeq: 3 },
    });
  });

  it('is verified at start-up, and a break is reported by audit.status', async () => {
    const backend = await testBackend();
    const admin = await signInAdmin(backend);
    const { username, password } = await signInAs(backend, admin, ['auditor']);
    tamper(backend, "UPDATE audit_log SET detail = '改过' WHERE seq = 2");
    const dataDir = backend.dataDir;
    backend.close();

    const reopened = await testBackend({}, dataDir);
    expect(rows(reopened).some((row) => row.action === 'audit.startupVerify' && row.result === 'failure')).toBe(true);
    const auditorClient = newClient();
    expect((await reopened.call('auth.login', { username, password }, auditorClient)).ok).toBe(true);
    expect(await reopened.call('audit.status', {}, auditorClient)).toMatchObject({
      ok: true,
      data: { ok: false, firstBadSeq: 2 },
    });
  });
});

describe('audit export', () => {
  it('writes a real xlsx of the filtered rows', async () => {
    const backend = await testBackend();
    const admin = await signInAdmin(backend);
    const audit = await auditor(backend, admin);
    const exported = await backend.call('audit.export', { action: 'users.create' }, audit);
    expect(exported.ok).toBe(true);
    if (!exported.ok) return;
    expect(exported.data.fileName).toMatch(/^审计日志_\d{8}-\d{4}\.xlsx$/);
    const { sheet, description, rows } = await readExport(exported.data.base64, '审计日志');
    expect(description).toMatch(/^筛选条件：操作=users\.create\u3000导出时间：/);
    expect(rows[0]).toEqual(expect.arrayContaining(['序号', '时间', '用户', '操作', '结果', '变更字段']));
    expect(sheet.rowCount).toBe(EXPORT_HEADER_ROW + exported.data.rows);
    expect(exported.data.rows).toBe(1);
    expect(rows[1]![5]).toBe('users.create');
    // The time is a real date, on the county's clock.
    expect(sheet.getRow(EXPORT_HEADER_ROW + 1).getCell(2).value).toBeInstanceOf(Date);
  });
});
