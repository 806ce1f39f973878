import { ref, shallowRef, type Ref, type ShallowRef } from 'vue';
import { ApiError } from '@/api/client';

export interface Loader<T> {
  data: ShallowRef<T>;
  loading: Ref<boolean>;
  /** The backend's message when the last load failed; '' otherwise. */
  error: Ref<string>;
  load(): Promise<void>;
}

/**
 * Something read from the backend, with its loading flag and the backend's message on failure
 * (anything else than a backend error is a defect and propagates). `load` reads it (again).
 */
export function useLoader<T>(fetch: () => Promise<T>, initial: T): Loader<T> {
  const data = shallowRef(initial) as ShallowRef<T>;
  const loading = ref(false);
  const error = ref('');

  async function load(): Promise<void> {
    loading.value = true;
    error.value = '';
    try {
      data.value = await fetch();
    } catch (failure) {
      if (!(failure instanceof ApiError)) throw failure;
      error.value = failure.message;
    } finally {
      loading.value = false;
    }
  }

  return { data, loading, error, load };
}
