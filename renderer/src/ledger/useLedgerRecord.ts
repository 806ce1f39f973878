import { onMounted, ref, shallowRef } from 'vue';
import { ApiError } from '@/api/client';

/**
 * The record a drawer shows: read when the drawer mounts (`error` holds why it could not be), taken
 * as it stands from every dialog that saved a change (`saved`, which tells the list through
 * `changed`), and read anew by `refresh` after a save was refused because it had changed meanwhile.
 */
export function useLedgerRecord<R>(read: () => Promise<R>, changed: () => void) {
  const record = shallowRef<R | null>(null);
  const loading = ref(false);
  const error = ref('');

  async function load(): Promise<void> {
    loading.value = true;
    error.value = '';
    try {
      record.value = await read();
    } catch (failure) {
      if (!(failure instanceof ApiError)) throw failure;
      error.value = failure.message;
    } finally {
      loading.value = false;
    }
  }
  onMounted(load);

  function saved(next: R): void {
    record.value = next;
    changed();
  }

  async function refresh(): Promise<R> {
    const latest = await read();
    saved(latest);
    return latest;
  }

  return { record, loading, error, load, saved, refresh };
}
