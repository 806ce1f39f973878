import { onMounted } from 'vue';
import { useLoader } from '@/composables/useLoader';

/**
 * The record a drawer shows: read when the drawer mounts (`error` holds why it could not be), taken
 * as it stands from every dialog that saved a change (`saved`, which tells the list through
 * `changed`), and read anew by `refresh` after a save was refused because it had changed meanwhile.
 */
export function useLedgerRecord<R>(read: () => Promise<R>, changed: () => void) {
  const { data: record, loading, error, load } = useLoader<R | null>(read, null);
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
