import { computed } from 'vue';
import { useAuthStore } from '@/app/authStore';

/** The issuing unit of every printed document: the centre's name (系统设置 › 业务设置, else the county's default). */
export function useIssuer() {
  const auth = useAuthStore();
  return computed(() => auth.status?.centreName ?? '社会治理综合服务中心');
}
