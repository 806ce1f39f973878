import { computed, reactive, type ComputedRef } from 'vue';
import {
  AUDITOR_CHANGE_LABELS,
  needsAuditorConfirmation,
  type AuditorGuardedChange,
} from '@shared/domain/auditor-confirmation';

/**
 * A dialog's auditor confirmation: whether its change needs one (on the backend's own rule), the
 * fields the auditor fills, and what to send (`undefined` when not needed). `missing` is the
 * message while the auditor has not filled both fields.
 */
export function useAuditorConfirmation(change: () => AuditorGuardedChange) {
  const confirmation = reactive({ username: '', password: '' });
  const needed: ComputedRef<boolean> = computed(() => needsAuditorConfirmation(change()));
  const what = computed(() => AUDITOR_CHANGE_LABELS[change().kind]);
  return {
    confirmation,
    needed,
    what,
    missing: (): string | null =>
      needed.value && (!confirmation.username.trim() || !confirmation.password)
        ? `${what.value}须由审计员输入其用户名和密码确认。`
        : null,
    toSend: () =>
      needed.value ? { username: confirmation.username.trim(), password: confirmation.password } : undefined,
  };
}
