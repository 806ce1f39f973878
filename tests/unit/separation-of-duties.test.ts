import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ROLE_PERMISSIONS } from '../../shared/domain/roles';
import type { Backend } from '../../electron/backend/backend';
import type { CallContext } from '../../electron/backend/api/types';
import {
  ADMIN,
  AUDITOR,
  auditorCredentials,
  newClient,
  signInAdmin,
  signInAs,
  signInWith,
  testBackend,
} from '../helpers/backend';

const NEW_AUDITOR = {
  username: 'auditor2',
  displayName: '审计员乙',
  roles: ['auditor' as const],
  password: 'Initial-2026-pw',
};

const detailsOf = (backend: Backend, action: string): string[] =>
  backend.services.sql.db
    .prepare('SELECT detail FROM audit_log WHERE action = ? ORDER BY seq')
    .pluck()
    .all(action) as string[];

const userRow = (backend: Backend, username: string) =>
  backend.services.sql.db.prepare('SELECT id, failed_attempts FROM users WHERE username = ?').get(username) as {
    id: string;
    failed_attempts: number;
  };

describe('first-run setup', () => {
  it('creates the administrator and the first auditor together, each with their own password, audited', async () => {
    const backend = await testBackend();
    const me = await backend.call('auth.setup', ADMIN, newClient());
    expect(me).toMatchObject({ ok: true, data: { username: 'admin', roles: ['sysadmin'] } });
    const auditor = newClient();
    expect(await backend.call('auth.login', auditorCredentials, auditor)).toMatchObject({
      ok: true,
      data: { username: AUDITOR.username, roles: ['auditor'], mustChangePassword: false },
    });
    expect(detailsOf(backend, 'auth.setup')).toEqual(['首次运行创建系统管理员', '首次运行创建审计员']);
  });

  it('is refused without an auditor, or with the administrator’s username for it', async () => {
    const backend = await testBackend();
    const { auditor: _auditor, ...adminOnly } = ADMIN;
    expect(await backend.dispatch('auth.setup', adminOnly, newClient())).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    const same = await backend.call(
      'auth.setup',
      { ...ADMIN, auditor: { ...AUDITOR, username: 'admin' } },
      newClient(),
    );
    expect(same).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        details: [{ path: 'auditor.username', message: '审计员的用户名不能与系统管理员相同' }],
      },
    });
    expect(await backend.call('auth.status', {}, newClient())).toMatchObject({ ok: true, data: { needsSetup: true } });
  });
});

describe('the administrator’s changes to auditors', () => {
  async function setUp(): Promise<{ backend: Backend; admin: CallContext }> {
    const backend = await testBackend();
    return { backend, admin: await signInAdmin(backend) };
  }

  it('creating another auditor: refused without confirmation and with a wrong password, accepted with the right one', async () => {
    const { backend, admin } = await setUp();
    expect(await backend.call('users.create', NEW_AUDITOR, admin)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: '开通审计员账号未获审计员确认：请审计员本人在对话框中输入其用户名和密码。' },
    });
    const wrong = await backend.call(
      'users.create',
      { ...NEW_AUDITOR, auditorConfirmation: { username: AUDITOR.username, password: 'Guess-2026-pw' } },
      admin,
    );
    expect(wrong).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: '开通审计员账号未获审计员确认：审计员的用户名或密码错误。' },
    });
    // The wrong password counts against the auditor's account, as a failed sign-in would.
    expect(userRow(backend, AUDITOR.username).failed_attempts).toBe(1);
    const byAdmin = await backend.call(
      'users.create',
      { ...NEW_AUDITOR, auditorConfirmation: { username: ADMIN.username, password: ADMIN.password } },
      admin,
    );
    expect(byAdmin).toMatchObject({ ok: false, error: { message: expect.stringContaining('须是一名可用的审计员') } });
    expect(await backend.call('users.list', { role: 'auditor' }, admin)).toMatchObject({
      ok: true,
      data: { total: 1 },
    });

    const right = await backend.call(
      'users.create',
      { ...NEW_AUDITOR, auditorConfirmation: auditorCredentials },
      admin,
    );
    expect(right).toMatchObject({ ok: true, data: { username: 'auditor2', roles: ['auditor'] } });
    expect(detailsOf(backend, 'users.create')).toEqual([`经审计员 ${AUDITOR.username} 确认`]);
    expect(detailsOf(backend, 'users.auditorConfirm')).toEqual(['密码错误', '开通审计员账号：确认人不是可用的审计员']);
  });

  it('resetting an auditor’s password: refused without confirmation, accepted with it', async () => {
    const { backend, admin } = await setUp();
    const { id } = userRow(backend, AUDITOR.username);
    const input = { id, password: 'Taken-over-2026' };
    expect(await backend.call('users.resetPassword', input, admin)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringMatching(/^重置审计员的密码未获审计员确认/) },
    });
    expect((await signInWith(backend, auditorCredentials)).client).toBeDefined();
    const second = await signInAs(backend, admin, ['auditor']);
    const confirmed = await backend.call(
      'users.resetPassword',
      { ...input, auditorConfirmation: { username: second.username, password: second.password } },
      admin,
    );
    expect(confirmed).toMatchObject({ ok: true, data: { mustChangePassword: true } });
    expect(detailsOf(backend, 'users.resetPassword')).toEqual([`经审计员 ${second.username} 确认`]);
  });

  it('giving the auditor role, or disabling an auditor, needs the confirmation too', async () => {
    const { backend, admin } = await setUp();
    const officer = await signInAs(backend, admin, ['duty_officer']);
    const grant = { id: officer.id, displayName: '值班员', roles: ['auditor' as const] };
    expect(await backend.call('users.update', grant, admin)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const { id } = userRow(backend, AUDITOR.username);
    expect(await backend.call('users.setEnabled', { id, enabled: false }, admin)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringMatching(/^停用审计员账号未获审计员确认/) },
    });
    expect(
      await backend.call('users.update', { ...grant, auditorConfirmation: auditorCredentials }, admin),
    ).toMatchObject({ ok: true, data: { roles: ['auditor'] } });
  });

  it('cannot guess the auditor’s password from the dialog: five wrong ones lock it, the right one is then refused', async () => {
    const { backend, admin } = await setUp();
    const guesses = Array.from({ length: 5 }, (_, i) =>
      backend.call(
        'users.create',
        { ...NEW_AUDITOR, auditorConfirmation: { username: AUDITOR.username, password: `Guess-2026-${i}` } },
        admin,
      ),
    );
    await Promise.all(guesses);
    const after = await backend.call(
      'users.create',
      { ...NEW_AUDITOR, auditorConfirmation: auditorCredentials },
      admin,
    );
    expect(after).toMatchObject({ ok: false, error: { message: expect.stringContaining('失败次数过多，请稍后再试') } });
    expect(await backend.call('auth.login', auditorCredentials, newClient())).toMatchObject({ ok: false });
  });
});

describe('the administrator and the audit log', () => {
  it('holds no permission to read it, and every audit method refuses the administrator', async () => {
    expect(ROLE_PERMISSIONS.sysadmin).not.toContain('audit.read');
    const backend = await testBackend();
    const admin = await signInAdmin(backend);
    for (const method of ['audit.list', 'audit.verify', 'audit.status', 'audit.export'] as const) {
      expect(await backend.call(method, {}, admin), method).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    const db = new Database(backend.dbFile, { readonly: true });
    const denied = db
      .prepare("SELECT count(*) FROM audit_log WHERE result = 'denied' AND username = 'admin'")
      .pluck()
      .get();
    db.close();
    expect(denied).toBe(4);
  });
});
