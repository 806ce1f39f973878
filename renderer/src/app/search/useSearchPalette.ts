import { computed, onBeforeUnmount, ref, shallowRef, watch } from 'vue';
import type { SearchGroup, SearchHit } from '@shared/contract/search';
import { call } from '@/api/client';

/** A line of the results that ↑/↓ move over: a record, or a group's 查看全部. */
export type SearchEntry = { kind: 'hit'; group: SearchGroup; hit: SearchHit } | { kind: 'more'; group: SearchGroup };

/** How long typing pauses before the search is sent. */
export const SEARCH_DELAY_MS = 250;

/**
 * The search box's state: the keyword, searched once typing pauses (only the newest answer is
 * shown), the groups that found something, and the line ↑/↓ have reached (wrapping round).
 */
export function useSearchPalette(delay = SEARCH_DELAY_MS) {
  const keyword = ref('');
  const groups = shallowRef<SearchGroup[]>([]);
  const searched = ref('');
  const loading = ref(false);
  const error = ref('');
  const active = ref(0);
  let asked = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const found = computed(() => groups.value.filter((group) => group.total > 0));
  const entries = computed<SearchEntry[]>(() =>
    found.value.flatMap((group) => [
      ...group.items.map((hit): SearchEntry => ({ kind: 'hit', group, hit })),
      ...(group.total > group.items.length ? [{ kind: 'more', group } as const] : []),
    ]),
  );

  async function search(text: string): Promise<void> {
    const mine = ++asked;
    loading.value = true;
    try {
      const answer = await call('search.all', { keyword: text, limit: 5 });
      if (mine !== asked) return;
      groups.value = answer.groups;
      searched.value = text;
      error.value = '';
      active.value = 0;
    } catch (failure) {
      if (mine === asked) error.value = failure instanceof Error ? failure.message : String(failure);
    } finally {
      if (mine === asked) loading.value = false;
    }
  }

  watch(keyword, (value) => {
    clearTimeout(timer);
    const text = value.trim();
    if (!text) {
      asked++;
      groups.value = [];
      searched.value = '';
      error.value = '';
      loading.value = false;
      return;
    }
    timer = setTimeout(() => void search(text), delay);
  });
  onBeforeUnmount(() => clearTimeout(timer));

  /** Moves the highlighted line by `step`, wrapping round at either end. */
  function move(step: number): void {
    const count = entries.value.length;
    if (count) active.value = (active.value + step + count) % count;
  }

  return { keyword, searched, loading, error, found, entries, active, move };
}
