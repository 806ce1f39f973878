import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fail, ok } from '../../shared/errors';

/** Electron's Notification, recorded: what was shown, and a way to click it. */
const electron = vi.hoisted(() => ({
  supported: true,
  shown: [] as Array<{ options: { title: string; body: string }; click: () => void }>,
}));

vi.mock('electron', () => ({
  Notification: class {
    static isSupported = () => electron.supported;
    private readonly handlers = new Map<string, () => void>();
    constructor(private readonly options: { title: string; body: string }) {}
    on(event: string, handler: () => void) {
      this.handlers.set(event, handler);
      return this;
    }
    show() {
      electron.shown.push({ options: this.options, click: () => this.handlers.get('click')?.() });
    }
  },
}));

const { createDesktopNotices } = await import('../../electron/main/desktop-notices');

const unread = (count: number, text = `第 ${count} 条`) =>
  ok({ count, newest: count ? { id: `01900000-0000-7000-8000-00000000000${count}`, text } : null });

describe('desktop notices', () => {
  beforeEach(() => {
    electron.shown.length = 0;
    electron.supported = true;
  });

  it('shows the newest text when a window’s unread count grows, not at the first count nor when it falls', () => {
    const focus = vi.fn();
    const notices = createDesktopNotices(focus);
    notices.observe(1, 'notifications.unreadCount', unread(2));
    expect(electron.shown).toEqual([]);
    notices.observe(1, 'notifications.unreadCount', unread(2));
    notices.observe(1, 'notifications.unreadCount', unread(1));
    expect(electron.shown).toEqual([]);
    notices.observe(1, 'notifications.unreadCount', unread(3, '积案 XF2026-000001 已交办你单位办理'));
    expect(electron.shown.map((n) => n.options)).toEqual([
      { title: '综治工作台', body: '积案 XF2026-000001 已交办你单位办理' },
    ]);
    expect(focus).not.toHaveBeenCalled();
    electron.shown[0]!.click();
    expect(focus).toHaveBeenCalledOnce();
  });

  it('keeps each window apart, starts anew when the account changes, and ignores other answers and failures', () => {
    const notices = createDesktopNotices(() => {});
    notices.observe(1, 'notifications.unreadCount', unread(1));
    notices.observe(2, 'notifications.unreadCount', unread(5));
    notices.observe(1, 'auth.login', ok({}));
    notices.observe(1, 'notifications.unreadCount', unread(4));
    notices.observe(2, 'notifications.unreadCount', fail('INTERNAL', '失败'));
    notices.observe(2, 'petitions.list', ok({ count: 9 }));
    expect(electron.shown).toEqual([]);
    notices.observe(2, 'notifications.unreadCount', unread(6));
    expect(electron.shown.map((n) => n.options.body)).toEqual(['第 6 条']);
  });

  it('shows nothing where the system has no notifications', () => {
    electron.supported = false;
    const notices = createDesktopNotices(() => {});
    notices.observe(1, 'notifications.unreadCount', unread(1));
    notices.observe(1, 'notifications.unreadCount', unread(2));
    expect(electron.shown).toEqual([]);
  });
});
