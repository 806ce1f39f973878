import { onMounted, ref, type Ref } from 'vue';
import type { LiveFeature } from '@shared/contract/live';
import { ApiError } from '@/api/client';
import { useLiveReload } from '@/app/live';
import { useLoader } from '@/composables/useLoader';

/** Which record a drawer shows, as the change feed names it. */
export interface LiveRecord {
  topic: LiveFeature;
  id: () => string;
}

/** What `useLedgerRecord` gives a drawer (and `LedgerDrawer` takes whole, as `source`). */
export interface LedgerRecordState<R> {
  record: Ref<R | null>;
  loading: Ref<boolean>;
  error: Ref<string>;
  load: () => Promise<void>;
  saved: (next: R) => void;
  refresh: () => Promise<R>;
  changedElsewhere: Ref<number | null>;
}

const versionOf = (record: unknown): unknown => (record as { version?: unknown } | null)?.version;

/**
 * The record a drawer shows: read when the drawer mounts (`error` holds why it could not be), taken
 * as it stands from every dialog that saved a change (`saved`, which tells the list through
 * `changed`), and read anew by `refresh` after a save was refused because it had changed meanwhile.
 * With `live`, a change committed elsewhere reads it again in place (a change this drawer saved
 * itself is already shown, by its version), and `changedElsewhere` holds the version it brought;
 * an open dialog keeps what was typed and says the record moved on (useConflict).
 */
export function useLedgerRecord<R>(
  read: () => Promise<R>,
  changed: () => void,
  live?: LiveRecord,
): LedgerRecordState<R> {
  const { data: record, loading, error, load } = useLoader<R | null>(read, null);
  const changedElsewhere: Ref<number | null> = ref(null);
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

  async function reread(): Promise<void> {
    const shown = versionOf(record.value);
    try {
      const latest = await read();
      const version = versionOf(latest);
      if (typeof version === 'number' && shown !== undefined && version !== shown) changedElsewhere.value = version;
      record.value = latest;
    } catch (failure) {
      // Kept as shown: the connection banner or the next save says what went wrong.
      if (!(failure instanceof ApiError)) throw failure;
    }
  }

  if (live) {
    useLiveReload(
      (change) =>
        change.topic === live.topic &&
        change.id === live.id() &&
        (change.version === undefined || change.version !== versionOf(record.value)),
      reread,
    );
  }

  return { record, loading, error, load, saved, refresh, changedElsewhere };
}
