import { computed } from 'vue';
import { useAuthStore } from '@/app/authStore';

/** Whether the user keeps the reference data (reference.manage); everyone else sees it read-only. */
export function useCanManage() {
  const auth = useAuthStore();
  return computed(() => auth.can('reference.manage'));
}
