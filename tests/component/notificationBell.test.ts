import { enableAutoUnmount, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { afterEach, describe, expect, it } from 'vitest';
import { h } from 'vue';
import type { MethodName } from '@shared/contract';
import type { LiveChange } from '@shared/contract/live';
import type { NotificationItem } from '@shared/contract/notifications';
import type { Result } from '@shared/errors';
import { startLive, stopLive } from '@/app/live';
import NotificationBell from '@/app/notifications/NotificationBell.vue';
import { registerRecord } from '@/ledger/records';
import { findTestId, meWith, signedInPinia } from './helpers/auth';
import { eventually } from './helpers/eventually';

enableAutoUnmount(afterEach);
afterEach(() => {
  stopLive();
  delete window.zz;
  document.body.innerHTML = '';
});

/** A drawer standing in for the petitions' own: shows the id it was opened with. */
const FakeDrawer = (props: { id: string }) => h('div', { 'data-testid': 'fake-drawer' }, `抽屉 ${props.id}`);
FakeDrawer.props = ['id'];

const notice = (n: number, read = false): NotificationItem => ({
  id: `01900000-0000-7000-8000-00000000000${n}`,
  kind: n === 1 ? 'overdue' : 'assigned',
  ledger: 'petition',
  recordId: `p${n}`,
  recordNo: `XF2026-00000${n}`,
  text: `积案 XF2026-00000${n} 第 ${n} 条通知`,
  createdAt: '2026-11-22T02:00:00.000Z',
  read,
});

/** A desktop bridge answering the notification methods from a small store, whose live events the test sends. */
function installNotices() {
  const items = [notice(1), notice(2), notice(3, true)];
  const calls: Array<{ method: string; input: unknown }> = [];
  const listeners = new Map<string, (payload: unknown) => void>();
  const unread = () => items.filter((i) => !i.read);
  const answers: Partial<Record<MethodName, (input: never) => Result<unknown>>> = {
    'notifications.unreadCount': () => ({
      ok: true,
      data: { count: unread().length, newest: unread()[0] ?? null },
    }),
    'notifications.list': (input: { unreadOnly?: boolean }) => {
      const shown = input.unreadOnly ? unread() : items;
      return { ok: true, data: { items: shown, total: shown.length, page: 1, pageSize: 20 } };
    },
    'notifications.markRead': (input: { id?: string }) => {
      const marked = items.filter((i) => !i.read && (input.id === undefined || i.id === input.id));
      for (const i of marked) i.read = true;
      return { ok: true, data: { marked: marked.length } };
    },
  };
  window.zz = {
    invoke: async (method: string, input: unknown) => {
      calls.push({ method, input });
      const answer = answers[method as MethodName];
      if (!answer) throw new Error(`测试未准备方法 ${method} 的应答`);
      return answer(input as never);
    },
    on: (event, listener) => {
      listeners.set(event, listener);
      return () => listeners.delete(event);
    },
  };
  const emit = (change: LiveChange) => listeners.get('live')?.(change);
  return { items, calls, emit };
}

async function mountBell() {
  const bridge = installNotices();
  registerRecord('petition', { access: 'petitions.read', drawer: FakeDrawer });
  startLive();
  mount(NotificationBell, {
    global: { plugins: [ElementPlus, signedInPinia(meWith(['duty_officer']))] },
    attachTo: document.body,
  });
  return bridge;
}

const countText = () => document.querySelector('[data-testid="notification-count"]')?.textContent?.trim();
const rows = () => [...document.querySelectorAll<HTMLElement>('[data-testid="notification-row"]')];

describe('the notification bell', () => {
  it('shows the unread count and reads it again when a notice changes elsewhere', async () => {
    const { items, emit } = await mountBell();
    await eventually(() => expect(countText()).toBe('2'));
    items.push(notice(4));
    emit({ topic: 'petitions', kind: 'petitions.update' });
    emit({ topic: 'notifications', kind: 'petitions.transition' });
    await eventually(() => expect(countText()).toBe('3'));
  });

  it('opens 通知中心 on 未读, opens a record from its row and marks it read, and marks all read', async () => {
    const { calls } = await mountBell();
    await eventually(() => expect(countText()).toBe('2'));
    (await findTestId('notification-bell')).click();
    await eventually(() => expect(rows().map((r) => r.textContent)).toHaveLength(2));
    expect(rows()[0]!.textContent).toContain('超期');
    expect(rows()[0]!.textContent).toContain('积案 XF2026-000001 第 1 条通知');
    expect(calls.find((c) => c.method === 'notifications.list')!.input).toMatchObject({ unreadOnly: true });

    rows()[0]!.click();
    expect((await findTestId('fake-drawer')).textContent).toBe('抽屉 p1');
    await eventually(() => expect(countText()).toBe('1'));
    expect(calls).toContainEqual({ method: 'notifications.markRead', input: { id: notice(1).id } });
    await eventually(() => expect(rows()).toHaveLength(1));

    (await findTestId('notifications-read-all')).click();
    await eventually(() => expect(countText()).toBeUndefined());
    expect(calls).toContainEqual({ method: 'notifications.markRead', input: {} });
    await eventually(() => expect(document.body.textContent).toContain('没有未读通知'));

    const allTab = [...document.querySelectorAll<HTMLElement>('.el-tabs__item')].find((t) => t.textContent === '全部')!;
    allTab.click();
    await eventually(() => expect(rows()).toHaveLength(3));
  });
});
