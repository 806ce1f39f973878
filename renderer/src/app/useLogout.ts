import { useRouter } from 'vue-router';
import { useAuthStore } from './authStore';

/** Signs out and shows the login page: the user menu, the lock screen and a forced password change. */
export function useLogout(): () => Promise<void> {
  const auth = useAuthStore();
  const router = useRouter();
  return async () => {
    await auth.logout();
    await router.replace({ name: 'login' });
  };
}
