import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { SystemInfo } from '@shared/contract/system';
import { invoke } from '@/api/client';

/** The application and database overview (system.info), shared by the layout, home and the board. */
export const useSystemStore = defineStore('system', () => {
  const info = shallowRef<SystemInfo | null>(null);
  const error = ref('');
  let pending: Promise<void> | null = null;

  const county = computed(() => info.value?.county ?? null);

  async function load(): Promise<void> {
    const result = await invoke('system.info', {});
    if (result.ok) {
      info.value = result.data;
      error.value = '';
    } else {
      error.value = result.error.message;
    }
  }

  /** Loads again; calls made while a load is under way share it. */
  function refresh(): Promise<void> {
    pending ??= load().finally(() => (pending = null));
    return pending;
  }

  /** Loads once for views that only need the overview to be there. */
  const ensureLoaded = (): Promise<void> => (info.value ? Promise.resolve() : refresh());

  /** Forgets the overview (another user may see a different township's figures). */
  function clear(): void {
    info.value = null;
    error.value = '';
  }

  return { info, error, county, refresh, ensureLoaded, clear };
});
