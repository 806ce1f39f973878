import { computed, onMounted } from 'vue';
import { PAGE_SIZE_MAX } from '@shared/contract/define';
import type { Region } from '@shared/contract/regions';
import { call } from '@/api/client';
import { useLoader } from '@/composables/useLoader';

/**
 * Every township, disabled ones too (a unit may still name one), loaded on mount: the units' list
 * shows a township's name, their form offers those in use. A county has 10–25.
 */
export function useTownships() {
  const loader = useLoader(
    async () =>
      (await call('regions.list', { level: 'township', includeDisabled: true, pageSize: PAGE_SIZE_MAX })).items,
    [] as Region[],
  );
  const names = computed(() => new Map(loader.data.value.map((township) => [township.code, township.name])));
  // A township not (yet) loaded shows its code rather than nothing.
  const nameOf = (code: string) => names.value.get(code) ?? code;
  onMounted(loader.load);
  return { townships: loader.data, nameOf, reload: loader.load };
}
