import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import {} from 'vitest';
import { createMemoryHistory } from 'vue-router';
import type { MethodName } from '@shared/contract';
import type { AuthStatus, Me } from '@shared/contract/auth';
import type { SystemInfo } from '@shared/contract/system';
import type { Role } from '@shared/domain/roles';
import type { Result } from '@shared/errors';
import App from '@/App.vue';
import { registerFeatures } from '@/app/features';
import { createAppRouter } from '@/app/router';
import { useAuthStore } from '@/app/authStore';
import { installBridge } from './fakeBridge';
import { eventually } from './eventually';

type Answer = (input: unknown) => Result<unknown>;

export const baseStatus: AuthStatus = {
  appName: '综治工作台',
  version: '0.1.0',
  needsSetup: false,
  centreName: '演示县社会治理综合服务中心',
  session: 'active',
  lockedUser: null,
};

export function meWith(roles: Role[], overrides: Partial<Me> = {}): Me {
  return {
    id: '0b9f6c1e-8d4a-4c1b-9a55-3f2d7e6a1b01',
    username: 'zhangwei',
    displayName: '张伟',
    roles,
    regionCode: null,
    regionName: null,
    mustChangePassword: false,
    passwordExpired: false,
    idleMinutes: 30,
    ...overrides,
  };
}

export const emptyInfo: SystemInfo = {
  appName: '综治工作台',
  version: '0.1.0',
  schemaVersion: 2,
  county: null,
  centreName: '社会治理综合服务中心',
  counts: { townships: 0, villages: 0, grids: 0, units: 0, people: 0 },
};

export const emptyPage = { ok: true, data: { items: [], total: 0, page: 1, pageSize: 20 } } as const;

/** The answers a signed-in workstation page needs, before the test's own. */
export function sessionAnswers(me: Me | null, status: Partial<AuthStatus> = {}): Partial<Record<MethodName, Answer>> {
  return {
    'auth.status': () => ({ ok: true, data: { ...baseStatus, session: me ? 'active' : 'none', ...status } }),
    'auth.me': () =>
      me ? { ok: true, data: me } : { ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录。' } },
    'auth.logout': () => ({ ok: true, data: null }),
    'system.info': () => ({ ok: true, data: emptyInfo }),
    // A desktop whose first-run choice was made (the router asks before anything else).
    'connection.get': () => ({ ok: true, data: { mode: 'standalone' } }),
    // The layout's menu counts and 工作台's sections: none unless a test says otherwise.
    'workbench.badges': () => ({ ok: true, data: {} }),
    'workbench.get': () => ({ ok: true, data: { today: '2026-11-20' } }),
    // The header's bell: nothing unread unless a test says otherwise.
    'notifications.unreadCount': () => ({ ok: true, data: { count: 0, newest: null } }),
  };
}

/** A store already holding this user, for components mounted without the app around them. */
export function signedInPinia(me: Me): Pinia {
  const pinia = createPinia();
  setActivePinia(pinia);
  const auth = useAuthStore(pinia);
  auth.status = { ...baseStatus };
  auth.me = me;
  return pinia;
}

/**
 * The whole app (App.vue, router with its guard, stores, the features' registrations) at `path`,
 * over a fake bridge: the only thing stubbed is the transport, as in the running program.
 */
export async function mountApp(path: string, answers: Partial<Record<MethodName, Answer>>, waitForPage = true) {
  const bridge = installBridge(answers);
  registerFeatures();
  const pinia = createPinia();
  setActivePinia(pinia);
  const history = createMemoryHistory();
  history.replace(path);
  const router = createAppRouter(history);
  const wrapper = mount(App, { global: { plugins: [ElementPlus, pinia, router] }, attachTo: document.body });
  // A locked session at start-up holds the first page until the unlock.
  if (waitForPage) await router.isReady();
  await flushPromises();
  return { wrapper, router, bridge, auth: useAuthStore(pinia) };
}

/** Waits for an element (lazy routes load asynchronously) and returns it. */
export async function findTestId<T extends Element = HTMLElement>(testId: string): Promise<T> {
  return eventually(() => {
    const element = document.querySelector<T>(`[data-testid="${testId}"]`);
    if (!element) throw new Error(`未找到 ${testId}`);
    return element;
  });
}

/** Types into an input as a user would (the input event drives v-model). */
export function typeInto(input: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input'));
}
