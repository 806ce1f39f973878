import { ElMessage } from 'element-plus';
import { ref, shallowRef } from 'vue';
import type { Result } from '@shared/errors';

export interface Option {
  id: string;
  name: string;
}

/**
 * The options of a remote `el-select` (units, leaders …: a county may have hundreds), searched as
 * the user types. Options kept with `keep` (the current value) stay listed whatever the search.
 */
export function useRemoteOptions(fetch: (keyword: string | undefined) => Promise<Result<Option[]>>) {
  const options = shallowRef<Option[]>([]);
  const loading = ref(false);
  let kept: Option[] = [];

  async function search(keyword = ''): Promise<void> {
    loading.value = true;
    const result = await fetch(keyword.trim().slice(0, 50) || undefined);
    loading.value = false;
    if (!result.ok) {
      ElMessage.error(result.error.message);
      return;
    }
    const found = result.data;
    options.value = [...kept.filter((k) => !found.some((o) => o.id === k.id)), ...found];
  }

  function keep(option: Option | null): void {
    if (!option) return;
    kept = [option];
    if (!options.value.some((o) => o.id === option.id)) options.value = [option, ...options.value];
  }

  return { options, loading, search, keep };
}
