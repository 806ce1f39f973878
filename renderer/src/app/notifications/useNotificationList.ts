import { ref, shallowRef, watch } from 'vue';
import type { NotificationItem } from '@shared/contract/notifications';
import { call } from '@/api/client';
import { useNotificationStore } from './notificationStore';

export type NotificationTab = 'unread' | 'all';

const PAGE_SIZE = 20;

/**
 * The notification centre's list: the tab (未读 / 全部), its page, marking one or all read. Only
 * the newest answer is shown; every mark reads the bell's count again.
 */
export function useNotificationList() {
  const store = useNotificationStore();
  const tab = ref<NotificationTab>('unread');
  const page = ref(1);
  const items = shallowRef<NotificationItem[]>([]);
  const total = ref(0);
  const loading = ref(false);
  const error = ref('');
  let asked = 0;

  async function load(): Promise<void> {
    const mine = ++asked;
    loading.value = true;
    try {
      const data = await call('notifications.list', {
        unreadOnly: tab.value === 'unread',
        page: page.value,
        pageSize: PAGE_SIZE,
      });
      if (mine !== asked) return;
      items.value = data.items;
      total.value = data.total;
      error.value = '';
    } catch (e) {
      if (mine === asked) error.value = e instanceof Error ? e.message : String(e);
    } finally {
      if (mine === asked) loading.value = false;
    }
  }

  watch(tab, () => {
    page.value = 1;
    void load();
  });
  watch(page, () => void load());

  async function markRead(item: NotificationItem): Promise<void> {
    if (item.read) return;
    await call('notifications.markRead', { id: item.id });
    await Promise.all([store.refresh(), load()]);
  }

  async function markAllRead(): Promise<void> {
    await call('notifications.markRead', {});
    await Promise.all([store.refresh(), load()]);
  }

  return { tab, page, pageSize: PAGE_SIZE, items, total, loading, error, load, markRead, markAllRead };
}
