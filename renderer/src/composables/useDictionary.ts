import { ElMessage } from 'element-plus';
import { computed, onMounted, shallowRef } from 'vue';
import type { DictEntry } from '@shared/contract/dicts';
import { invoke } from '@/api/client';

/** One dictionary's entries, loaded on mount, and the label for a stored code. */
export function useDictionary(code: string) {
  const entries = shallowRef<DictEntry[]>([]);

  const labels = computed(() => new Map(entries.value.map((entry) => [entry.code, entry.label])));
  // An unknown code is shown as stored rather than hidden.
  const labelOf = (value: string) => labels.value.get(value) ?? value;

  onMounted(async () => {
    const result = await invoke('dicts.get', { code });
    if (result.ok) entries.value = result.data.entries;
    else ElMessage.error(result.error.message);
  });

  return { entries, labelOf };
}
