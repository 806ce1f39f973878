import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { LiveChange } from '@shared/contract/live';
import { invoke } from '@/api/client';

/** The changes that can move the unread count: a notice written, read or hidden, or a restore. */
export const NOTIFICATION_TOPICS: ReadonlySet<LiveChange['topic']> = new Set(['notifications', 'all'] as const);

/** How often the count is read again while no change arrives (the day's 临期 / 超期 scan runs on a read). */
export const NOTIFICATION_REFRESH_MS = 60_000;

/**
 * The signed-in account's unread notices, read by one small call: the bell shows the count and the
 * notification centre tells it to read again after marking. A failed read keeps the last count.
 */
export const useNotificationStore = defineStore('notifications', () => {
  const unread = ref(0);
  let pending: Promise<void> | null = null;

  async function load(): Promise<void> {
    const result = await invoke('notifications.unreadCount', {});
    if (result.ok) unread.value = result.data.count;
  }

  /** Reads the count again; calls made while a read is under way share it. */
  function refresh(): Promise<void> {
    pending ??= load().finally(() => (pending = null));
    return pending;
  }

  const clear = (): void => void (unread.value = 0);

  return { unread, refresh, clear };
});
