import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ADMIN, newClient, signInAdmin, signInAs, testBackend } from '../helpers/backend';
import { manualClock } from '../helpers/clock';
import { openBackend } from '../../electron/backend/app';
import type { Backend } from '../../electron/backend/backend';
import { PASSWORD_HASH_COST } from '../../electron/backend/auth/password';
import { SESSION_LIFETIME_MS, SESSIONS_PER_USER, SessionStore } from '../../electron/backend/auth/sessions';
import { tempDir } from '../helpers/temp-dir';

const LOGIN = { username: ADMIN.username, password: ADMIN.password };
const TOO_MANY = '登录失败次数过多，请稍后再试。';

function auditActions(backend: Backend): Array<{ action: string; result: string; username: string | null }> {
  const db = new Database(backend.dbFile, { readonly: true });
  const rows = db.prepare('SELECT action, result, username FROM audit_log ORDER BY seq').all();
  db.close();
  return rows as Array<{ action: string; result: string; username: string | null }>;
}

describe('first run', () => {
  it('asks for the administrator account, creates it once and signs it in', async () => {
    const backend = await testBackend();
    const client = newClient();
    expect(await backend.call('auth.status', {}, client)).toMatchObject({
      ok: true,
      data: { needsSetup: true, session: 'none' },
    });

    const me = await backend.call('auth.setup', ADMIN, client);
    expect(me).toMatchObject({ ok: true, data: { username: 'admin', roles: ['sysadmin'], mustChangePassword: false } });
    expect(await backend.call('auth.status', {}, client)).toMatchObject({
      ok: true,
      data: { needsSetup: false, session: 'active' },
    });

    const again = await backend.call('auth.setup', { ...ADMIN, username: 'intruder' }, newClient());
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('refuses a weak administrator password, naming every rule it breaks', async () => {
    const backend = await testBackend();
    const result = await backend.call('auth.setup', { ...ADMIN, password: 'admin123' }, newClient());
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        details: [
          { path: 'password', message: '密码须包含大写字母、小写字母、数字、符号中的至少 3 类；密码不能包含用户名' },
        ],
      },
    });
    expect(await backend.call('auth.status', {}, newClient())).toMatchObject({ ok: true, data: { needsSetup: true } });
  });
});

describe('login', () => {
  it('answers an unknown user and a wrong password with the same message', async () => {
    const backend = await testBackend();
    await signInAdmin(backend);
    const unknown = await backend.call('auth.login', { username: 'nobody', password: 'Whatever-1' }, newClient());
    const wrong = await backend.call('auth.login', { username: 'admin', password: 'Whatever-1' }, newClient());
    expect(unknown).toEqual({
      ok: false,
      error: { code: 'UNAUTHENTICATED', message: '用户名或密码错误，请重新输入。' },
    });
    expect(wrong).toEqual(unknown);
  });

  it('locks the account after 5 failures for 15 minutes, then lets the right password in', async () => {
    const clock = manualClock();
    const backend = await testBackend({ now: clock.now });
    await signInAdmin(backend);
    const attempt = (password: string) => backend.call('auth.login', { username: 'admin', password }, newClient());

    for (let i = 1; i <= 4; i++)
      expect(await attempt('Wrong-pass-1')).toMatchObject({
        ok: false,
        error: { message: '用户名或密码错误，请重新输入。' },
      });
    expect(await attempt('Wrong-pass-1')).toMatchObject({ ok: false, error: { message: TOO_MANY } });
    expect(await attempt(ADMIN.password)).toMatchObject({ ok: false, error: { message: TOO_MANY } });

    clock.advance(14);
    expect(await attempt(ADMIN.password)).toMatchObject({ ok: false });
    clock.advance(2);
    expect(await attempt(ADMIN.password)).toMatchObject({ ok: true, data: { username: 'admin' } });

    const actions = auditActions(backend).map((row) => `${row.action}:${row.result}`);
    expect(actions.filter((a) => a === 'auth.login:failure')).toHaveLength(5);
    expect(actions).toContain('auth.lockout:success');
    expect(actions.filter((a) => a === 'auth.login:denied')).toHaveLength(2);
    expect(actions.at(-1)).toBe('auth.login:success');
  });

  it('counts every one of 50 simultaneous wrong passwords: the account locks after 5, the rest are refused', async () => {
    const backend = await testBackend();
    await signInAdmin(backend);
    const wave = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        backend.call('auth.login', { username: 'admin', password: `Wrong-pass-${i}` }, newClient(`client-${i}`)),
      ),
    );
    expect(wave.filter((r) => !r.ok && r.error.message === '用户名或密码错误，请重新输入。')).toHaveLength(4);
    expect(wave.filter((r) => !r.ok && r.error.message === TOO_MANY)).toHaveLength(46);
    const actions = auditActions(backend).map((row) => `${row.action}:${row.result}`);
    expect(actions.filter((a) => a === 'auth.login:failure')).toHaveLength(5);
    expect(actions.filter((a) => a === 'auth.lockout:success')).toHaveLength(1);
    expect(actions.filter((a) => a === 'auth.login:denied')).toHaveLength(45);
    expect(await backend.call('auth.login', LOGIN, newClient())).toMatchObject({
      ok: false,
      error: { message: TOO_MANY },
    });
  });

  it('refuses the right password when it arrives in a wave after 49 wrong ones', async () => {
    const backend = await testBackend();
    await signInAdmin(backend);
    const wrong = Array.from({ length: 49 }, (_, i) =>
      backend.call('auth.login', { username: 'admin', password: `Wrong-pass-${i}` }, newClient(`client-${i}`)),
    );
    const right = backend.call('auth.login', LOGIN, newClient('client-right'));
    await Promise.all(wrong);
    expect(await right).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', message: TOO_MANY } });
    expect(auditActions(backend).map((row) => `${row.action}:${row.result}`)).not.toContain('auth.login:success');
  });

  it('answers a username without an account exactly as a real one, failure by failure and at the lock', async () => {
    const backend = await testBackend();
    await signInAdmin(backend);
    const answers = async (username: string) => {
      const seen = [];
      for (let i = 0; i < 6; i++)
        seen.push(
          await backend.call('auth.login', { username, password: 'Wrong-pass-1' }, newClient(`${username}-${i}`)),
        );
      return seen;
    };
    const real = await answers('admin');
    expect(await answers('nobody')).toEqual(real);
    expect(real.at(-1)).toMatchObject({ ok: false, error: { message: TOO_MANY } });
  });

  it('makes a client that fails 20 times wait, whatever username it tries next; other clients are not held up', async () => {
    const backend = await testBackend();
    const admin = await signInAdmin(backend);
    const officer = await signInAs(backend, admin, ['duty_officer']);
    const sprayer = () => newClient('192.0.2.7');
    for (let i = 0; i < 20; i++)
      await backend.call('auth.login', { username: `user${i}`, password: 'Wrong-pass-1' }, sprayer());
    const login = { username: officer.username, password: officer.password };
    expect(await backend.call('auth.login', login, sprayer())).toMatchObject({
      ok: false,
      error: { message: TOO_MANY },
    });
    expect(await backend.call('auth.login', login, newClient('192.0.2.8'))).toMatchObject({ ok: true });
  });

  it('takes the lockout threshold and duration from the settings', async () => {
    const clock = manualClock();
    const backend = await testBackend({ now: clock.now });
    const admin = await signInAdmin(backend);
    const updated = await backend.call(
      'settings.update',
      { lockoutThreshold: 3, lockoutMinutes: 60, idleMinutes: 30, passwordExpiryDays: 90 },
      admin,
    );
    expect(updated.ok).toBe(true);
    for (let i = 0; i < 3; i++)
      await backend.call('auth.login', { username: 'admin', password: 'Wrong-pass-1' }, newClient());
    clock.advance(59);
    expect(await backend.call('auth.login', LOGIN, newClient())).toMatchObject({ ok: false });
    clock.advance(2);
    expect(await backend.call('auth.login', LOGIN, newClient())).toMatchObject({ ok: true });
  });

  it('refuses a disabled account and ends its sessions', async () => {
    const backend = await testBackend();
    const admin = await signInAdmin(backend);
    const officer = await signInAs(backend, admin, ['duty_officer']);
    expect((await backend.call('users.setEnabled', { id: officer.id, enabled: false }, admin)).ok).toBe(true);
    expect(await backend.call('regions.list', {}, officer.client)).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    expect(
      await backend.call('auth.login', { username: officer.username, password: officer.password }, newClient()),
    ).toMatchObject({
      ok: false,
      error: { message: '该账号已停用，请联系系统管理员。' },
    });
  });

  it('ends the session on logout', async () => {
    const backend = await testBackend();
    const admin = await signInAdmin(backend);
    expect(await backend.call('auth.logout', {}, admin)).toEqual({ ok: true, data: null });
    expect(admin.jar.get()).toBeUndefined();
    expect(await backend.call('auth.me', {}, admin)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});

describe('idle sessions', () => {
  it('locks after 30 idle minutes, in the backend, and unlocks with the same password', async () => {
    const clock = manualClock();
    const backend = await testBackend({ now: clock.now });
    const admin = await signInAdmin(backend);
    clock.advance(29);
    expect((await backend.call('regions.list', {}, admin)).ok).toBe(true);
    clock.advance(31);
    expect(await backend.call('regions.list', {}, admin)).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED', reason: 'SESSION_EXPIRED' },
    });
    expect(await backend.call('auth.status', {}, admin)).toMatchObject({
      ok: true,
      data: { session: 'locked', lockedUser: { username: 'admin' } },
    });
    expect(await backend.call('auth.unlock', { password: 'Wrong-pass-1' }, admin)).toMatchObject({
      ok: false,
      error: { reason: 'SESSION_EXPIRED', details: [{ path: 'password' }] },
    });
    expect(await backend.call('auth.unlock', { password: ADMIN.password }, admin)).toMatchObject({ ok: true });
    expect((await backend.call('regions.list', {}, admin)).ok).toBe(true);
    const actions = auditActions(backend).map((row) => row.action);
    expect(actions).toEqual(expect.arrayContaining(['auth.expire', 'auth.unlock']));
  });
});

describe('idle sessions as seen before any call', () => {
  it('reports an idle session as locked in auth.status, without another call first', async () => {
    const clock = manualClock();
    const backend = await testBackend({ now: clock.now });
    const admin = await signInAdmin(backend);
    clock.advance(31);
    expect(await backend.call('auth.status', {}, admin)).toMatchObject({ ok: true, data: { session: 'locked' } });
  });
});

describe('session lifetime and number', () => {
  const ALICE = { userId: 'u1', username: 'alice', displayName: '甲', roles: [], regionCode: null };
  const flags = { mustChangePassword: false, passwordExpired: false };

  it('ends a session 16 hours after sign-in however active it was', () => {
    const store = new SessionStore();
    const start = new Date('2026-12-06T00:00:00Z');
    const token = store.create(ALICE, flags, start);
    const at = (ms: number) => new Date(start.getTime() + ms);
    for (let hour = 1; hour < 16; hour++) {
      const session = store.find(token, at(hour * 3_600_000));
      expect(session, `hour ${hour}`).toBeDefined();
      session!.lastSeen = at(hour * 3_600_000).getTime();
    }
    expect(store.find(token, at(SESSION_LIFETIME_MS))).toBeDefined();
    expect(store.find(token, at(SESSION_LIFETIME_MS + 1))).toBeUndefined();
  });

  it('keeps at most 5 sessions per user: signing in once more ends the oldest', () => {
    const store = new SessionStore();
    const now = (minute: number) => new Date(Date.UTC(2026, 11, 6, 8, minute));
    const tokens = Array.from({ length: SESSIONS_PER_USER + 1 }, (_, i) => store.create(ALICE, flags, now(i)));
    const other = store.create({ ...ALICE, userId: 'u2', username: 'bob' }, flags, now(9));
    expect(store.find(tokens[0], now(10))).toBeUndefined();
    for (const token of tokens.slice(1)) expect(store.find(token, now(10))).toBeDefined();
    expect(store.find(other, now(10))).toBeDefined();
  });

  it('signs every other session of a user out when they change their password, keeping the one that changed it', async () => {
    const backend = await testBackend();
    await signInAdmin(backend);
    const here = newClient('here');
    const there = newClient('there');
    for (const client of [here, there]) expect((await backend.call('auth.login', LOGIN, client)).ok).toBe(true);
    const changed = await backend.call(
      'auth.changePassword',
      { currentPassword: ADMIN.password, newPassword: 'Second-2026-a' },
      here,
    );
    expect(changed.ok).toBe(true);
    expect((await backend.call('system.info', {}, here)).ok).toBe(true);
    expect(await backend.call('system.info', {}, there)).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
  });
});

describe('passwords', () => {
  it('makes an administrator-set password be changed before anything else', async () => {
    const backend = await testBackend();
    const admin = await signInAdmin(backend);
    const created = await backend.call(
      'users.create',
      { username: 'zhangwei', displayName: '张伟', roles: ['duty_officer'], password: 'Start-2026-pw' },
      admin,
    );
    expect(created).toMatchObject({ ok: true, data: { mustChangePassword: true } });
    const client = newClient();
    expect(await backend.call('auth.login', { username: 'zhangwei', password: 'Start-2026-pw' }, client)).toMatchObject(
      {
        ok: true,
        data: { mustChangePassword: true },
      },
    );
    expect(await backend.call('regions.list', {}, client)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', reason: 'PASSWORD_CHANGE_REQUIRED' },
    });
    const changed = await backend.call(
      'auth.changePassword',
      { currentPassword: 'Start-2026-pw', newPassword: 'Mine-2026-pw' },
      client,
    );
    expect(changed).toMatchObject({ ok: true, data: { mustChangePassword: false } });
    expect((await backend.call('regions.list', {}, client)).ok).toBe(true);
  });

  it('expires a password after the configured days', async () => {
    const clock = manualClock();
    const backend = await testBackend({ now: clock.now });
    await signInAdmin(backend);
    clock.advance(91 * 24 * 60);
    const client = newClient();
    expect(await backend.call('auth.login', LOGIN, client)).toMatchObject({
      ok: true,
      data: { passwordExpired: true, mustChangePassword: true },
    });
    expect(await backend.call('units.list', {}, client)).toMatchObject({
      ok: false,
      error: { reason: 'PASSWORD_CHANGE_REQUIRED' },
    });
  });

  it('refuses the last 5 passwords and accepts an older one', async () => {
    const backend = await testBackend();
    const admin = await signInAdmin(backend);
    const passwords = [
      ADMIN.password,
      'Second-2026-a',
      'Third-2026-b',
      'Fourth-2026-c',
      'Fifth-2026-d',
      'Sixth-2026-e',
    ];
    for (let i = 1; i < passwords.length; i++) {
      const changed = await backend.call(
        'auth.changePassword',
        { currentPassword: passwords[i - 1]!, newPassword: passwords[i]! },
        admin,
      );
      expect(changed.ok).toBe(true);
    }
    // Current: Sixth. The last five are Second…Sixth; the first one has aged out.
    for (const reused of passwords.slice(1)) {
      const result = await backend.call(
        'auth.changePassword',
        { currentPassword: 'Sixth-2026-e', newPassword: reused },
        admin,
      );
      expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: [{ path: 'newPassword' }] } });
    }
    expect(
      (
        await backend.call(
          'auth.changePassword',
          { currentPassword: 'Sixth-2026-e', newPassword: ADMIN.password },
          admin,
        )
      ).ok,
    ).toBe(true);
  });

  it('stores only salted scrypt hashes, never the password', async () => {
    const backend = await testBackend();
    await signInAdmin(backend);
    const db = new Database(backend.dbFile, { readonly: true });
    const hash = db.prepare('SELECT password_hash FROM users').pluck().get() as string;
    const everything =
      JSON.stringify(db.prepare('SELECT * FROM users').all()) +
      JSON.stringify(db.prepare('SELECT * FROM audit_log').all());
    db.close();
    expect(hash).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(everything).not.toContain(ADMIN.password);
  });
});

describe('the password hashing cost', () => {
  const storedHash = (backend: Backend) =>
    backend.services.sql.db.prepare('SELECT password_hash FROM users').pluck().get() as string;

  it('is scrypt N=2^15 unless the backend is told otherwise', async () => {
    expect(PASSWORD_HASH_COST).toBe(2 ** 15);
    const backend = await openBackend(tempDir());
    try {
      expect(backend.services.passwordHashCost).toBe(2 ** 15);
      await signInAdmin(backend);
      expect(storedHash(backend)).toMatch(/^scrypt\$32768\$8\$1\$/);
    } finally {
      backend.close();
    }
  });

  // Four hashes at the production cost and two start-ups: about 1.5 s alone, over 5 s on a busy 2-core machine.
  it('verifies a hash made at one cost after the cost changes, both ways', { timeout: 20_000 }, async () => {
    const dataDir = tempDir();
    const cheap = await testBackend({}, dataDir);
    await signInAdmin(cheap);
    expect(storedHash(cheap)).toMatch(/^scrypt\$1024\$/);
    cheap.close();

    const production = await openBackend(dataDir);
    try {
      const client = newClient();
      expect((await production.call('auth.login', LOGIN, client)).ok).toBe(true);
      const changed = await production.call(
        'auth.changePassword',
        { currentPassword: ADMIN.password, newPassword: 'Second-2026-a' },
        client,
      );
      expect(changed.ok).toBe(true);
      expect(storedHash(production)).toMatch(/^scrypt\$32768\$/);
    } finally {
      production.close();
    }

    const again = await testBackend({}, dataDir);
    const client = newClient();
    expect((await again.call('auth.login', { ...LOGIN, password: 'Second-2026-a' }, client)).ok).toBe(true);
    // The history holds both costs' hashes: the first password is still refused as a recent one.
    const reused = await again.call(
      'auth.changePassword',
      { currentPassword: 'Second-2026-a', newPassword: ADMIN.password },
      client,
    );
    expect(reused).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: [{ path: 'newPassword' }] } });
  });

  it('refuses a cost that is not a power of two from 2^10 to 2^15', async () => {
    for (const cost of [2 ** 9, 2 ** 16, 3000])
      await expect(openBackend(tempDir(), { passwordHashCost: cost })).rejects.toThrow(/passwordHashCost/);
  });
});
