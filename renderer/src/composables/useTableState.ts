import { ElMessage } from 'element-plus';
import { reactive, ref, shallowRef } from 'vue';
import type { Page } from '@shared/contract';
import { ApiError } from '@/api/client';

export interface Paging {
  page: number;
  pageSize: number;
}

export interface TableStateOptions {
  pageSize?: number;
  /** How a failed load is shown; by default the backend's Chinese message as a toast. */
  onError?: (error: ApiError) => void;
}

const showError = (error: ApiError) => ElMessage.error(error.message);

/**
 * The state of one server-paged table (vue-pure-admin's dept page shape): page, page size, total,
 * loading and the current rows, reloaded through `fetchPage`. Returned reactive, so templates read
 * `table.items` and `table.total` directly.
 */
export function useTableState<T>(fetchPage: (paging: Paging) => Promise<Page<T>>, options: TableStateOptions = {}) {
  const items = shallowRef<T[]>([]);
  const total = ref(0);
  const page = ref(1);
  const pageSize = ref(options.pageSize ?? 20);
  const loading = ref(false);
  // Only the newest request may write the table: a slow earlier page must not overwrite a later one.
  let latest = 0;

  async function reload(): Promise<void> {
    const ticket = ++latest;
    loading.value = true;
    try {
      const result = await fetchPage({ page: page.value, pageSize: pageSize.value });
      if (ticket !== latest) return;
      items.value = result.items;
      total.value = result.total;
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (ticket === latest) (options.onError ?? showError)(error);
    } finally {
      if (ticket === latest) loading.value = false;
    }
  }

  /** A new search starts again from the first page. */
  function search(): Promise<void> {
    page.value = 1;
    return reload();
  }

  function setPaging(next: Paging): Promise<void> {
    page.value = next.page;
    pageSize.value = next.pageSize;
    return reload();
  }

  return reactive({ items, total, page, pageSize, loading, reload, search, setPaging });
}

export type TableState<T> = ReturnType<typeof useTableState<T>>;
