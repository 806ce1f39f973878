import { describe, expect, it } from 'vitest';
import { newClient, seed, signInAdmin, signInAs, testBackend, TINY_COUNTY } from '../helpers/backend';

const EAST = '999901001000';
const WEST = '999901002000';

async function county() {
  const backend = await testBackend();
  seed(backend, TINY_COUNTY);
  return { backend, admin: await signInAdmin(backend) };
}

describe('account management', () => {
  it('creates an account with unit, township and roles, and lists it with the phone masked', async () => {
    const { backend, admin } = await county();
    const created = await backend.call(
      'users.create',
      {
        username: 'wangfang',
        displayName: '王芳',
        unitId: '01900000-0000-7000-8000-000000000001',
        regionCode: EAST,
        roles: ['duty_officer', 'leader'],
        phone: '13912345678',
        password: 'Start-2026-pw',
      },
      admin,
    );
    expect(created).toMatchObject({
      ok: true,
      data: {
        username: 'wangfang',
        unitName: '测试县东镇人民政府',
        regionName: '东镇',
        roles: ['duty_officer', 'leader'],
        phoneMasked: '139****5678',
        enabled: true,
        mustChangePassword: true,
      },
    });
    const list = await backend.call('users.list', { keyword: '王' }, admin);
    expect(list.ok && list.data.items.map((u) => u.username)).toEqual(['wangfang']);
    expect(JSON.stringify(list)).not.toContain('13912345678');
  });

  it('keeps the stored phone when an update leaves it out, and clears it on null', async () => {
    const { backend, admin } = await county();
    const officer = await signInAs(backend, admin, ['duty_officer']);
    const base = { id: officer.id, displayName: '值班员', roles: ['duty_officer' as const] };
    await backend.call('users.update', { ...base, phone: '13912345678' }, admin);
    expect(await backend.call('users.update', { ...base, displayName: '值班员乙' }, admin)).toMatchObject({
      ok: true,
      data: { displayName: '值班员乙', phoneMasked: '139****5678' },
    });
    expect(await backend.call('users.update', { ...base, phone: null }, admin)).toMatchObject({
      ok: true,
      data: { phoneMasked: null },
    });
  });

  it('names the field for a taken username, a village as region and an unknown unit', async () => {
    const { backend, admin } = await county();
    const base = { displayName: '甲', roles: ['leader' as const], password: 'Start-2026-pw' };
    expect(await backend.call('users.create', { ...base, username: 'admin' }, admin)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', details: [{ path: 'username' }] },
    });
    expect(
      await backend.call('users.create', { ...base, username: 'usera1', regionCode: '999901001001' }, admin),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: [{ path: 'regionCode' }] },
    });
    expect(
      await backend.call(
        'users.create',
        { ...base, username: 'usera2', unitId: '01900000-0000-7000-8000-00000000ffff' },
        admin,
      ),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: [{ path: 'unitId' }] } });
  });

  it('resets a password: unlocks, forces a change, ends the sessions', async () => {
    const { backend, admin } = await county();
    const officer = await signInAs(backend, admin, ['duty_officer']);
    for (let i = 0; i < 5; i++)
      await backend.call('auth.login', { username: officer.username, password: 'Bad-pass-11' }, newClient());
    const locked = await backend.call('users.get', { id: officer.id }, admin);
    expect(locked).toMatchObject({ ok: true, data: { locked: true } });
    const reset = await backend.call('users.resetPassword', { id: officer.id, password: 'Reset-2026-pw' }, admin);
    expect(reset).toMatchObject({ ok: true, data: { locked: false, mustChangePassword: true } });
    expect(await backend.call('auth.me', {}, officer.client)).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    expect(
      await backend.call('auth.login', { username: officer.username, password: 'Reset-2026-pw' }, newClient()),
    ).toMatchObject({
      ok: true,
      data: { mustChangePassword: true },
    });
  });
});

describe('revealing personal data', () => {
  it('needs the permission and a stated reason', async () => {
    const { backend, admin } = await county();
    const officer = await signInAs(backend, admin, ['duty_officer']);
    await backend.call(
      'users.update',
      { id: officer.id, displayName: '值班员', roles: ['duty_officer'], phone: '13812345678' },
      admin,
    );
    const noReason = await backend.call(
      'personal.reveal',
      { entity: 'user', id: officer.id, field: 'phone', reason: ' ' },
      officer.client,
    );
    expect(noReason).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: [{ path: 'reason' }] } });
    const revealed = await backend.call(
      'personal.reveal',
      { entity: 'user', id: officer.id, field: 'phone', reason: '电话联系本人' },
      officer.client,
    );
    expect(revealed).toEqual({ ok: true, data: { value: '13812345678' } });
    const byAdmin = await backend.call(
      'personal.reveal',
      { entity: 'user', id: officer.id, field: 'phone', reason: '电话联系本人' },
      admin,
    );
    expect(byAdmin).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('region scope on change', () => {
  it('lets a township administrator see and manage only that township', async () => {
    const { backend, admin } = await county();
    const eastOfficer = await signInAs(backend, admin, ['duty_officer'], EAST);
    const westOfficer = await signInAs(backend, admin, ['duty_officer'], WEST);
    const eastAdmin = await signInAs(backend, admin, ['sysadmin'], EAST);

    const visible = await backend.call('users.list', { pageSize: 50 }, eastAdmin.client);
    expect(visible.ok && visible.data.items.map((u) => u.id).sort()).toEqual([eastOfficer.id, eastAdmin.id].sort());

    const base = { displayName: '乙', roles: ['duty_officer' as const], password: 'Start-2026-pw' };
    expect(
      await backend.call('users.create', { ...base, username: 'westw1', regionCode: WEST }, eastAdmin.client),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', details: [{ path: 'regionCode' }] },
    });
    expect(
      await backend.call('users.create', { ...base, username: 'countyc1', regionCode: null }, eastAdmin.client),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(
      (await backend.call('users.create', { ...base, username: 'easte1', regionCode: EAST }, eastAdmin.client)).ok,
    ).toBe(true);

    const westChange = await backend.call('users.setEnabled', { id: westOfficer.id, enabled: false }, eastAdmin.client);
    expect(westChange).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await backend.call('users.get', { id: westOfficer.id }, admin)).ok && true).toBe(true);
  });
});
