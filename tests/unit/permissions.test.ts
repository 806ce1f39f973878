import { describe, expect, it } from 'vitest';
import { contract, METHOD_NAMES } from '../../shared/contract';
import { hasAccess, PERMISSIONS, ROLES, type Role } from '../../shared/domain/roles';
import { newClient, signInAdmin, signInAs, testBackend } from '../helpers/backend';

describe('the permission table', () => {
  it('has every contract method declare the access it needs', () => {
    const allowed = new Set<string>(['public', 'session', ...PERMISSIONS]);
    const undeclared = METHOD_NAMES.filter((name) => !allowed.has(contract[name].access));
    expect(undeclared).toEqual([]);
  });

  it('keeps the public methods to the sign-in screens and the damaged-file recovery screen', () => {
    const open = METHOD_NAMES.filter((name) => contract[name].access === 'public').sort();
    expect(open).toEqual([
      'auth.login',
      'auth.logout',
      'auth.setup',
      'auth.status',
      'auth.unlock',
      // The desktop's first-run choice, answered by main before any backend runs (web mode answers 'web').
      'connection.choose',
      'connection.get',
      'recovery.importKeys',
      'recovery.restoreLatest',
      'recovery.status',
    ]);
  });

  // Every method, called by every role: the backend answers FORBIDDEN exactly where the role lacks
  // the method's permission (other answers, such as VALIDATION for the empty input, mean it let the call in).
  it('is enforced by the backend for every method and every role', { timeout: 60_000 }, async () => {
    const backend = await testBackend();
    const admin = await signInAdmin(backend);
    const clients = new Map<Role, Awaited<ReturnType<typeof signInAs>>['client']>();
    for (const role of ROLES) clients.set(role, (await signInAs(backend, admin, [role])).client);

    const mismatches: string[] = [];
    for (const method of METHOD_NAMES) {
      const access = contract[method].access;
      if (access === 'public') continue;
      for (const role of ROLES) {
        // board.openDisplay turns its caller into the wall display: each role calls it from a client of its own.
        const client =
          method === 'board.openDisplay' ? (await signInAs(backend, admin, [role])).client : clients.get(role)!;
        const result = await backend.dispatch(method, {}, client);
        const forbidden = !result.ok && result.error.code === 'FORBIDDEN';
        if (forbidden === hasAccess([role], access))
          mismatches.push(`${method} × ${role}: ${JSON.stringify(result).slice(0, 120)}`);
      }
      const anonymous = await backend.dispatch(method, {}, newClient());
      if (anonymous.ok || anonymous.error.code !== 'UNAUTHENTICATED') mismatches.push(`${method} without a session`);
    }
    expect(mismatches).toEqual([]);
  });

  it('ignores role claims in the input', async () => {
    const backend = await testBackend();
    const admin = await signInAdmin(backend);
    const officer = await signInAs(backend, admin, ['duty_officer']);
    const claim = await backend.dispatch('audit.list', { roles: ['auditor'], role: 'auditor' }, officer.client);
    expect(claim).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('separation of duties', () => {
  it('refuses an account that would be both administrator and auditor', async () => {
    const backend = await testBackend();
    const admin = await signInAdmin(backend);
    const both = await backend.call(
      'users.create',
      { username: 'both', displayName: '兼任者', roles: ['sysadmin', 'auditor'], password: 'Start-2026-pw' },
      admin,
    );
    expect(both).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: [{ path: 'roles' }] } });
    const auditor = await signInAs(backend, admin, ['auditor']);
    const adding = await backend.call(
      'users.update',
      { id: auditor.id, displayName: '审计', roles: ['auditor', 'sysadmin'] },
      admin,
    );
    expect(adding).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('keeps the administrator out of the audit log and the auditor out of accounts and settings', async () => {
    const backend = await testBackend();
    const admin = await signInAdmin(backend);
    const auditor = await signInAs(backend, admin, ['auditor']);
    expect(await backend.call('audit.list', {}, admin)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await backend.call('audit.verify', {}, admin)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await backend.call('users.list', {}, auditor.client)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const settings = { lockoutThreshold: 9, lockoutMinutes: 5, idleMinutes: 5, passwordExpiryDays: 0 };
    expect(await backend.call('settings.update', settings, auditor.client)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect((await backend.call('audit.list', {}, auditor.client)).ok).toBe(true);
  });

  it('never lets the last administrator be disabled or lose the role', async () => {
    const backend = await testBackend();
    const admin = await signInAdmin(backend);
    const officer = await signInAs(backend, admin, ['duty_officer']);
    const me = await backend.call('auth.me', {}, admin);
    const adminId = me.ok ? me.data.id : '';
    expect(await backend.call('users.setEnabled', { id: adminId, enabled: false }, admin)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(
      await backend.call('users.update', { id: adminId, displayName: '管理员', roles: ['leader'] }, admin),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(
      (
        await backend.call(
          'users.update',
          { id: officer.id, displayName: '值班长', roles: ['duty_officer', 'sysadmin'] },
          admin,
        )
      ).ok,
    ).toBe(true);
    expect(
      (await backend.call('users.update', { id: adminId, displayName: '管理员', roles: ['leader'] }, admin)).ok,
    ).toBe(true);
  });
});
