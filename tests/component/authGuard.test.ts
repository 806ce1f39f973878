import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { baseStatus, emptyPage, findTestId, meWith, mountApp, sessionAnswers, typeInto } from './helpers/auth';
import { removeBridge } from './helpers/fakeBridge';
import { eventually } from './helpers/eventually';

// Each test's app is unmounted, so its call-error listener does not answer for the next test.
enableAutoUnmount(afterEach);

afterEach(() => {
  removeBridge();
  document.body.innerHTML = '';
});

describe('router guard', () => {
  it('sends every page to first-run setup while no account exists', async () => {
    const { router } = await mountApp('/admin', sessionAnswers(null, { needsSetup: true }));

    expect(router.currentRoute.value.name).toBe('setup');
    expect(await findTestId('setup-username')).toBeInstanceOf(HTMLInputElement);
    expect(document.body.textContent).toContain('不预置任何默认账号或默认密码');

    await router.push('/login');
    expect(router.currentRoute.value.name).toBe('setup');
  });

  it('sends a visitor without a session to the login page, then back to the page asked for', async () => {
    const me = meWith(['duty_officer']);
    const { router, bridge } = await mountApp('/admin', {
      ...sessionAnswers(null),
      'auth.login': (input) =>
        (input as { password: string }).password === 'Qinghe#2026'
          ? { ok: true, data: me }
          : { ok: false, error: { code: 'UNAUTHENTICATED', message: '用户名或密码不正确。' } },
      'regions.list': () => emptyPage,
    });

    expect(router.currentRoute.value.fullPath).toBe('/login?redirect=/admin');
    expect(document.body.textContent).toContain('演示县');

    typeInto(await findTestId<HTMLInputElement>('login-username'), 'zhangwei');
    typeInto(await findTestId<HTMLInputElement>('login-password'), 'wrong');
    (await findTestId('login-submit')).click();
    expect((await findTestId('login-error')).textContent).toContain('用户名或密码不正确。');
    expect(router.currentRoute.value.name).toBe('login');

    typeInto(await findTestId<HTMLInputElement>('login-password'), 'Qinghe#2026');
    (await findTestId('login-submit')).click();
    await eventually(() => expect(router.currentRoute.value.name).toBe('reference'));
    expect(bridge).toHaveBeenCalledWith('auth.login', { username: 'zhangwei', password: 'Qinghe#2026' });
    expect(await findTestId('regions-tab')).toBeTruthy();
  });

  it('holds a user who must change the password on that page until it is changed', async () => {
    let me = meWith(['duty_officer'], { mustChangePassword: true });
    const { router, bridge } = await mountApp('/', {
      ...sessionAnswers(me),
      'auth.me': () => ({ ok: true, data: me }),
      'auth.changePassword': () => {
        me = { ...me, mustChangePassword: false };
        return { ok: true, data: me };
      },
      'regions.list': () => emptyPage,
    });

    expect(router.currentRoute.value.name).toBe('change-password');
    expect(document.body.textContent).toContain('管理员设置的密码');
    await router.push('/admin');
    expect(router.currentRoute.value.name).toBe('change-password');
    await router.push('/board');
    expect(router.currentRoute.value.name).toBe('change-password');

    typeInto(await findTestId<HTMLInputElement>('change-password-current'), 'Initial#2026');
    typeInto(await findTestId<HTMLInputElement>('change-password-new'), 'short');
    typeInto(await findTestId<HTMLInputElement>('change-password-confirm'), 'short');
    await flushPromises();
    expect((await findTestId('password-problems')).textContent).toContain('密码至少 8 位');
    (await findTestId('change-password-submit')).click();
    await flushPromises();
    expect(bridge).not.toHaveBeenCalledWith('auth.changePassword', expect.anything());

    typeInto(await findTestId<HTMLInputElement>('change-password-new'), 'Mine#Own2026');
    typeInto(await findTestId<HTMLInputElement>('change-password-confirm'), 'Mine#Own2026');
    (await findTestId('change-password-submit')).click();
    await eventually(() => expect(router.currentRoute.value.name).toBe('home'));
    expect(bridge).toHaveBeenCalledWith('auth.changePassword', {
      currentPassword: 'Initial#2026',
      newPassword: 'Mine#Own2026',
    });
  });

  it('sends a call refused with PASSWORD_CHANGE_REQUIRED to the password page', async () => {
    const { router } = await mountApp('/admin', {
      ...sessionAnswers(meWith(['duty_officer'])),
      'regions.list': () => ({
        ok: false,
        error: { code: 'FORBIDDEN', reason: 'PASSWORD_CHANGE_REQUIRED', message: '密码已过期，请先修改密码。' },
      }),
    });

    await eventually(() => expect(router.currentRoute.value.name).toBe('change-password'));
    await router.push('/');
    expect(router.currentRoute.value.name).toBe('change-password');
  });

  it('shows the 403 page for a direct URL the roles do not allow, and hides it from the menu', async () => {
    const { router } = await mountApp('/admin/users', {
      ...sessionAnswers(meWith(['auditor'])),
      'audit.status': () => ({ ok: true, data: null }),
      'audit.list': () => emptyPage,
    });

    expect(router.currentRoute.value.name).toBe('forbidden');
    expect((await findTestId('forbidden-page')).textContent).toContain('您没有权限访问此页面');
    await router.push('/board');
    expect(router.currentRoute.value.name).toBe('forbidden');

    const menu = await findTestId('app-menu');
    const items = [...menu.querySelectorAll('[data-testid^="nav-"]')].map((item) => item.getAttribute('data-testid'));
    expect(items).toContain('nav-audit');
    expect(items).toContain('nav-reference');
    expect(items).not.toContain('nav-users');
    expect(items).not.toContain('nav-settings');
    expect(items).not.toContain('nav-board');

    await router.push('/admin/audit');
    expect(await findTestId('audit-page')).toBeTruthy();
  });

  it('gives the administrator accounts and settings but not the audit log', async () => {
    const { router } = await mountApp('/', sessionAnswers(meWith(['sysadmin'])));

    const menu = await findTestId('app-menu');
    const items = [...menu.querySelectorAll('[data-testid^="nav-"]')].map((item) => item.getAttribute('data-testid'));
    expect(items).toEqual(expect.arrayContaining(['nav-users', 'nav-settings', 'nav-reference', 'nav-board']));
    expect(items).not.toContain('nav-audit');

    await router.push('/admin/audit');
    expect(router.currentRoute.value.name).toBe('forbidden');
  });

  it('offers a retry on the login page when the backend does not answer', async () => {
    let up = false;
    const { router } = await mountApp('/', {
      ...sessionAnswers(meWith(['leader'])),
      'auth.status': () =>
        up
          ? { ok: true, data: baseStatus }
          : { ok: false, error: { code: 'INTERNAL', message: '与后台服务的连接失败，操作未完成。' } },
    });

    expect(router.currentRoute.value.name).toBe('login');
    expect((await findTestId('login-boot-error')).textContent).toContain('连接失败');
    up = true;
    (await findTestId('login-boot-error')).querySelector('button')!.click();
    await eventually(() => expect(router.currentRoute.value.name).toBe('home'));
  });
});
