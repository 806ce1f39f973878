import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ErrorBody } from '@shared/errors';
import { sessionAction } from '@/app/sessionHandling';
import { baseStatus, emptyPage, findTestId, meWith, mountApp, sessionAnswers, typeInto } from './helpers/auth';
import { removeBridge } from './helpers/fakeBridge';
import { eventually } from './helpers/eventually';

// Each test's app is unmounted, so its call-error listener does not answer for the next test.
enableAutoUnmount(afterEach);

afterEach(() => {
  vi.useRealTimers();
  removeBridge();
  document.body.innerHTML = '';
});

const expired: ErrorBody = {
  code: 'UNAUTHENTICATED',
  reason: 'SESSION_EXPIRED',
  message: '长时间未操作，会话已锁定。',
};
const query = (testId: string) => document.querySelector<HTMLElement>(`[data-testid="${testId}"]`);

describe('session errors', () => {
  it('maps each reply to what the interface does', () => {
    expect(sessionAction(expired, 'regions.list')).toBe('lock');
    expect(sessionAction({ code: 'UNAUTHENTICATED', message: '请先登录' }, 'regions.list')).toBe('login');
    expect(sessionAction({ code: 'UNAUTHENTICATED', message: '用户名或密码不正确' }, 'auth.login')).toBeNull();
    expect(sessionAction({ code: 'UNAUTHENTICATED', message: '密码不正确' }, 'auth.unlock')).toBeNull();
    expect(
      sessionAction({ code: 'FORBIDDEN', reason: 'PASSWORD_CHANGE_REQUIRED', message: '请先修改密码' }, 'units.list'),
    ).toBe('change-password');
    expect(sessionAction({ code: 'FORBIDDEN', message: '没有权限' }, 'users.list')).toBeNull();
  });

  it('sends the user to the login page, saying why, when the backend no longer knows the session', async () => {
    const { router, auth } = await mountApp('/admin', {
      ...sessionAnswers(meWith(['leader'])),
      'regions.list': () => ({ ok: false, error: { code: 'UNAUTHENTICATED', message: '登录已失效，请重新登录。' } }),
    });

    await eventually(() => expect(router.currentRoute.value.name).toBe('login'));
    expect(auth.me).toBeNull();
    expect((await findTestId('login-notice')).textContent).toContain('登录已失效');
    expect(router.currentRoute.value.query.redirect).toBe('/admin');
  });
});

describe('lock screen', () => {
  it('opens over the page on SESSION_EXPIRED and keeps its unsaved input through the unlock', async () => {
    let booted = false;
    const { bridge, router } = await mountApp('/admin', {
      ...sessionAnswers(meWith(['duty_officer'])),
      // Active at start-up; locked once the backend has said SESSION_EXPIRED.
      'auth.status': () => {
        const session = booted ? 'locked' : 'active';
        booted = true;
        return { ok: true, data: { ...baseStatus, session } };
      },
      'regions.list': (input) => ((input as { keyword?: string }).keyword ? { ok: false, error: expired } : emptyPage),
      'auth.unlock': (input) =>
        (input as { password: string }).password === 'Right#2026'
          ? { ok: true, data: meWith(['duty_officer']) }
          : { ok: false, error: { code: 'UNAUTHENTICATED', message: '密码不正确，还可尝试 4 次。' } },
    });

    const keyword = await findTestId<HTMLInputElement>('regions-keyword');
    typeInto(keyword, '城关');
    (await findTestId('search-submit')).click();

    const lock = await findTestId('lock-screen');
    expect(lock.textContent).toContain('张伟（zhangwei）');
    expect(document.querySelector('#app, [data-v-app]')?.closest('[inert]')).toBeTruthy();
    expect(query('regions-keyword')).toBe(keyword);

    typeInto(await findTestId<HTMLInputElement>('lock-password'), 'Wrong#2026');
    (await findTestId('lock-submit')).click();
    expect((await findTestId('lock-error')).textContent).toContain('密码不正确');
    expect(query('lock-screen')).not.toBeNull();

    typeInto(await findTestId<HTMLInputElement>('lock-password'), 'Right#2026');
    (await findTestId('lock-submit')).click();
    await eventually(() => expect(query('lock-screen')).toBeNull());

    expect(bridge).toHaveBeenCalledWith('auth.unlock', { password: 'Right#2026' });
    expect(query('regions-keyword')).toBe(keyword);
    expect(keyword.value).toBe('城关');
    expect(document.querySelector('[inert]')).toBeNull();
    expect(router.currentRoute.value.name).toBe('reference');
  });

  it('locks after the idle minutes without keyboard or mouse, and not while the user is active', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    const { auth, bridge } = await mountApp('/', sessionAnswers(meWith(['leader'], { idleMinutes: 5 })));
    await findTestId('app-menu');

    vi.advanceTimersByTime(4 * 60_000);
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));
    vi.advanceTimersByTime(4 * 60_000);
    await flushPromises();
    expect(auth.locked).toBe(false);
    // Activity past half the idle time tells the backend the user is still there.
    expect(bridge.mock.calls.filter(([method]) => method === 'auth.me').length).toBeGreaterThan(1);

    vi.advanceTimersByTime(60_000 + 5_000);
    await flushPromises();
    expect(auth.locked).toBe(true);
    expect(await findTestId('lock-screen')).toBeTruthy();
  });

  it('opens at start-up for a locked session and shows the page after the unlock', async () => {
    const me = meWith(['leader']);
    const { router } = await mountApp(
      '/admin',
      {
        ...sessionAnswers(null, {
          session: 'locked',
          lockedUser: { username: me.username, displayName: me.displayName },
        }),
        'auth.unlock': () => ({ ok: true, data: me }),
        'regions.list': () => emptyPage,
      },
      false,
    );

    expect((await findTestId('lock-screen')).textContent).toContain('张伟（zhangwei）');
    expect(query('regions-tab')).toBeNull();

    typeInto(await findTestId<HTMLInputElement>('lock-password'), 'Right#2026');
    (await findTestId('lock-submit')).click();
    expect(await findTestId('regions-tab')).toBeTruthy();
    expect(router.currentRoute.value.name).toBe('reference');
  });

  it('asks whose session it is when the start-up auth.me finds it idle-expired', async () => {
    let calls = 0;
    await mountApp(
      '/',
      {
        ...sessionAnswers(meWith(['leader'])),
        // Active until used; the backend marks it locked on that first call.
        'auth.status': () => ({
          ok: true,
          data:
            calls++ === 0
              ? baseStatus
              : { ...baseStatus, session: 'locked', lockedUser: { username: 'zhangwei', displayName: '张伟' } },
        }),
        'auth.me': () => ({ ok: false, error: expired }),
      },
      false,
    );

    await eventually(() => expect(query('lock-user')?.textContent).toBe('张伟（zhangwei）'));
  });
});

describe('header', () => {
  it('shows the user and roles, and signs out from the user menu', async () => {
    const { router, bridge, auth } = await mountApp(
      '/',
      sessionAnswers(meWith(['duty_officer', 'leader'], { displayName: '李娜', username: 'lina' })),
    );

    const menu = await findTestId('user-menu');
    expect(menu.textContent).toContain('李娜');
    expect(menu.textContent).toContain('值班员');
    expect(menu.textContent).toContain('带班领导');

    menu.click();
    (await findTestId('logout')).click();
    await eventually(() => expect(router.currentRoute.value.name).toBe('login'));
    expect(bridge).toHaveBeenCalledWith('auth.logout', {});
    expect(auth.me).toBeNull();
    expect(query('watermark')).toBeNull();
  });

  it('lays a watermark with the user and the time over the workstation that lets clicks through', async () => {
    await mountApp('/', sessionAnswers(meWith(['leader'], { displayName: '王芳', username: 'wangfang' })));

    const watermark = await findTestId('watermark');
    expect(watermark.dataset.text).toContain('王芳 wangfang');
    expect(watermark.dataset.text).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expect(watermark.style.pointerEvents).toBe('none');
    expect(decodeURIComponent(watermark.style.backgroundImage)).toContain('王芳 wangfang');
    expect(watermark.getAttribute('aria-hidden')).toBe('true');
  });
});
