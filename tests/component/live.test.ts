import { mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h, nextTick } from 'vue';
import type { LiveChange } from '@shared/contract/live';
import type { Result } from '@shared/errors';
import { invoke } from '@/api/client';
import { parseEvents } from '@/api/eventStream';
import { startLive, stopLive, useLiveReload } from '@/app/live';
import ConnectionBanner from '@/components/ConnectionBanner.vue';
import { useLedgerRecord } from '@/ledger/useLedgerRecord';

/** A desktop bridge whose `live` and `host-fatal` events the test sends, and whose calls it answers. */
function installLiveBridge(answer: () => Promise<Result<unknown>>) {
  const listeners = new Map<string, (payload: unknown) => void>();
  window.zz = {
    invoke: answer,
    on: (event, listener) => {
      listeners.set(event, listener);
      return () => listeners.delete(event);
    },
  };
  return (event: string, payload: unknown) => listeners.get(event)?.(payload);
}

const change = (over: Partial<LiveChange> = {}): LiveChange => ({
  topic: 'petitions',
  id: 'p1',
  version: 2,
  kind: 'petitions.update',
  ...over,
});

/** Mounts `setup` as a component's, so its subscriptions end when it unmounts. */
const withSetup = (setup: () => unknown) => mount(defineComponent({ setup: () => (setup(), () => h('div')) }));

describe('the live changes of a page', () => {
  let emit: (event: string, payload: unknown) => void;
  beforeEach(() => {
    vi.useFakeTimers();
    emit = installLiveBridge(async () => ({ ok: true, data: null }));
    startLive();
  });
  afterEach(() => {
    stopLive();
    vi.useRealTimers();
    delete window.zz;
  });

  it('reloads once for a burst of changes that concern it, and not for others', async () => {
    const reloads: string[] = [];
    const list = withSetup(() =>
      useLiveReload(
        (c) => c.topic === 'petitions',
        () => reloads.push('petitions'),
      ),
    );
    withSetup(() =>
      useLiveReload(
        (c) => c.topic === 'hazards',
        () => reloads.push('hazards'),
      ),
    );
    for (const version of [2, 3, 4]) emit('live', change({ version }));
    await vi.advanceTimersByTimeAsync(300);
    expect(reloads).toEqual(['petitions']);
    // `all` (a restore) concerns everything open.
    emit('live', change({ topic: 'all', id: undefined, version: undefined }));
    await vi.advanceTimersByTimeAsync(300);
    expect(reloads.sort()).toEqual(['hazards', 'petitions', 'petitions']);
    // Unmounted, it hears nothing more.
    list.unmount();
    emit('live', change({ version: 5 }));
    await vi.advanceTimersByTimeAsync(300);
    expect(reloads).toHaveLength(3);
  });

  it('reads an open record again only for another version of it, and says it changed elsewhere', async () => {
    let version = 2;
    const reads: number[] = [];
    let drawer!: ReturnType<typeof useLedgerRecord<{ id: string; version: number }>>;
    withSetup(() => {
      drawer = useLedgerRecord(
        async () => (reads.push(version), { id: 'p1', version }),
        () => {},
        { topic: 'petitions', id: () => 'p1' },
      );
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(drawer.record.value).toEqual({ id: 'p1', version: 2 });
    // Its own save's change (the version shown) and another record's change read nothing.
    emit('live', change({ version: 2 }));
    emit('live', change({ id: 'p2', version: 9 }));
    await vi.advanceTimersByTimeAsync(300);
    expect(reads).toEqual([2]);
    expect(drawer.changedElsewhere.value).toBeNull();

    version = 3;
    emit('live', change({ version: 3 }));
    await vi.advanceTimersByTimeAsync(300);
    expect(reads).toEqual([2, 3]);
    expect(drawer.record.value).toEqual({ id: 'p1', version: 3 });
    expect(drawer.changedElsewhere.value).toBe(3);
  });
});

describe('the connection banner', () => {
  afterEach(() => {
    stopLive();
    delete window.zz;
  });

  it('shows while calls cannot reach the backend and goes once one does, named for the desktop', async () => {
    let reachable = false;
    installLiveBridge(async () => {
      if (!reachable) throw new Error('ipc closed');
      return { ok: true, data: null };
    });
    startLive();
    const banner = mount(ConnectionBanner);
    expect(banner.find('[data-testid="connection-banner"]').exists()).toBe(false);
    expect(await invoke('auth.status', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    await nextTick();
    expect(banner.text()).toContain('与后台服务的连接已断开');
    reachable = true;
    await invoke('auth.status', {});
    await nextTick();
    expect(banner.find('[data-testid="connection-banner"]').exists()).toBe(false);
  });

  it('shows when the data host is lost', async () => {
    const emit = installLiveBridge(async () => ({ ok: true, data: null }));
    startLive();
    const banner = mount(ConnectionBanner);
    emit('host-fatal', { message: '数据服务意外停止' });
    await nextTick();
    expect(banner.text()).toContain('与后台服务的连接已断开');
  });

  // Last: once main spoke of the centre server, the page knows it is in client mode.
  it('in client mode shows for a call main could not deliver, keeps it failed, and goes when the feed is back', async () => {
    let serverUp = false;
    const reloads: number[] = [];
    const emit = installLiveBridge(async () =>
      serverUp
        ? { ok: true, data: null }
        : {
            ok: false,
            error: {
              code: 'SERVER_UNREACHABLE',
              message: '与中心服务器的连接已断开（127.0.0.1:5710，ECONNREFUSED），操作未完成。',
            },
          },
    );
    startLive();
    withSetup(() =>
      useLiveReload(
        () => true,
        () => reloads.push(1),
        0,
      ),
    );
    const banner = mount(ConnectionBanner);
    const failed = await invoke('petitions.create', {} as never);
    expect(failed).toMatchObject({ ok: false, error: { code: 'SERVER_UNREACHABLE' } });
    await nextTick();
    expect(banner.text()).toContain('与中心服务器的连接已断开');
    // Main's feed lost the server as well, then reached it again: the banner goes and the page reads anew.
    emit('reach', { reached: false });
    serverUp = true;
    emit('reach', { reached: true });
    await nextTick();
    expect(banner.find('[data-testid="connection-banner"]').exists()).toBe(false);
    await vi.waitFor(() => expect(reloads).toEqual([1]));
  });
});

describe('parseEvents', () => {
  it('reads named events and their data, skips heartbeats and keeps an unfinished event for later', () => {
    const { events, rest } = parseEvents(
      'event: ready\ndata: {}\n\n: hb\n\nevent: change\ndata: {"topic":"units"}\n\nevent: ch',
    );
    expect(events).toEqual([
      { event: 'ready', data: '{}' },
      { event: 'change', data: '{"topic":"units"}' },
    ]);
    expect(rest).toBe('event: ch');
  });
});
