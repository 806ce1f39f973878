import { ref } from 'vue';
import type { ErrorDetail } from '@shared/errors';
import { ApiError } from '@/api/client';

interface ServerErrorTarget {
  applyServerErrors(details: readonly ErrorDetail[]): ErrorDetail[];
}

interface SubmitOptions {
  /**
   * Errors with a `reason` (session locked, password change required) are the session handling's:
   * it opens the lock screen or the password page, so by default the form does not repeat them
   * (its message would still stand after the unlock). The lock screen itself wants them.
   */
  showSessionErrors?: boolean;
  /** An error a helper shows itself (a stale version's alert, `useConflict`): true when it took it. */
  claim?: (failure: ApiError) => boolean;
}

/**
 * One form's submissions: `pending` while a call runs (a second submit is ignored), and a failed
 * call's Chinese message in `error`, its VALIDATION details placed on the form's fields.
 */
export function useSubmit(form?: ServerErrorTarget, options: SubmitOptions = {}) {
  const pending = ref(false);
  const error = ref('');

  /** Runs `action`; resolves true when it succeeded, false when the backend refused it. */
  async function run(action: () => Promise<unknown>): Promise<boolean> {
    if (pending.value) return false;
    pending.value = true;
    error.value = '';
    try {
      await action();
      return true;
    } catch (failure) {
      if (!(failure instanceof ApiError)) throw failure;
      // A full disk is not the session's: the form says it.
      if (failure.reason && failure.reason !== 'DISK_FULL' && !options.showSessionErrors) return false;
      if (options.claim?.(failure)) return false;
      form?.applyServerErrors(failure.details);
      error.value = failure.message;
      return false;
    } finally {
      pending.value = false;
    }
  }

  return { pending, error, run };
}
