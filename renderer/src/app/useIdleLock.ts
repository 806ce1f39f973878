import { onBeforeUnmount, onMounted } from 'vue';
import { useAuthStore } from './authStore';

const ACTIVITY_EVENTS = ['mousemove', 'mousedown', 'keydown', 'wheel', 'touchstart'] as const;
const CHECK_MS = 5_000;

/**
 * Locks the screen after `me.idleMinutes` without keyboard or mouse activity in this window, the
 * same time the backend allows between calls. While the user is active (typing a long form without
 * saving), a light auth.me call at most every half idle period keeps the backend session alive too.
 */
export function useIdleLock(): void {
  const auth = useAuthStore();
  let lastActivity = Date.now();
  let lastKeepAlive = Date.now();
  let timer: ReturnType<typeof setInterval> | undefined;

  const idleMs = () => (auth.me?.idleMinutes ?? 0) * 60_000;

  function onActivity(): void {
    if (auth.locked || !auth.me) return;
    const now = Date.now();
    lastActivity = now;
    if (now - lastKeepAlive >= idleMs() / 2) {
      lastKeepAlive = now;
      void auth.reloadMe();
    }
  }

  function check(): void {
    if (auth.locked) {
      // Time behind the lock screen does not count once it is lifted.
      lastActivity = Date.now();
      return;
    }
    if (auth.me && idleMs() > 0 && Date.now() - lastActivity >= idleMs()) auth.lock();
  }

  onMounted(() => {
    for (const event of ACTIVITY_EVENTS) window.addEventListener(event, onActivity, { passive: true, capture: true });
    timer = setInterval(check, CHECK_MS);
  });
  onBeforeUnmount(() => {
    for (const event of ACTIVITY_EVENTS) window.removeEventListener(event, onActivity, { capture: true });
    clearInterval(timer);
  });
}
