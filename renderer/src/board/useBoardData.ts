import { onBeforeUnmount, onMounted, ref, shallowRef } from 'vue';
import type { BoardSnapshot, TownshipBoundary } from '@shared/contract/board';
import { ApiError } from '@/api/client';
import type { BoardSource } from './boardSource';

/** Until the first snapshot names the setting. */
const DEFAULT_REFRESH_SECONDS = 30;

/**
 * The board's snapshot, read again when the centre changes what it shows (`source.follow`) and
 * by itself at the interval the board settings give. Each refresh
 * replaces one shallow object (no deep reactivity: nothing piles up over hours); the charts take
 * their new data in place. The boundary is fetched again only when its source changes (a new
 * import). On failure the last figures stay up, with the error shown beside them.
 */
export function useBoardData(source: BoardSource) {
  const snapshot = shallowRef<BoardSnapshot | null>(null);
  const boundary = shallowRef<TownshipBoundary | null>(null);
  const loaded = ref(false);
  const error = ref('');
  const updatedAt = shallowRef<Date | null>(null);
  let boundaryKey: string | undefined;

  async function refresh(): Promise<void> {
    try {
      const next = await source.snapshot();
      const key = next.boundarySource ? JSON.stringify(next.boundarySource) : '';
      if (key !== boundaryKey) {
        boundary.value = key ? await source.boundary() : null;
        boundaryKey = key;
      }
      snapshot.value = next;
      updatedAt.value = new Date();
      error.value = '';
    } catch (failure) {
      if (!(failure instanceof ApiError)) throw failure;
      error.value = failure.message;
    }
    loaded.value = true;
  }

  // A chain of timeouts, not an interval: a slow refresh is never overtaken by the next one.
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  async function cycle(): Promise<void> {
    await refresh();
    if (stopped) return;
    timer = setTimeout(() => void cycle(), (snapshot.value?.refreshSeconds ?? DEFAULT_REFRESH_SECONDS) * 1000);
  }
  onMounted(() => void cycle());
  // A change the board shows is read within a second or two; the timer above stays as a backstop.
  source.follow(refresh);
  onBeforeUnmount(() => {
    stopped = true;
    clearTimeout(timer);
  });

  return { snapshot, boundary, loaded, error, updatedAt };
}
