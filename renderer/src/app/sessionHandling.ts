import { onScopeDispose, watch } from 'vue';
import { useRouter, type LocationQuery } from 'vue-router';
import type { MethodName } from '@shared/contract';
import type { ErrorBody } from '@shared/errors';
import { onCallError } from '@/api/client';
import { useBadgeStore } from '@/app/badgeStore';
import { useNotificationStore } from '@/app/notifications/notificationStore';
import { useSystemStore } from '@/app/systemStore';
import { useAuthStore } from './authStore';

/** What the interface does about a failed call, whichever page made it. */
export type SessionAction = 'lock' | 'login' | 'change-password' | 'recovery' | null;

/**
 * Methods whose UNAUTHENTICATED answer is about the credentials typed (or needs no session), not
 * about this client's session. (auth.changePassword answers a wrong current password with
 * VALIDATION, so its UNAUTHENTICATED does mean the session is gone, e.g. locked out meanwhile.)
 */
const CREDENTIAL_METHODS: ReadonlySet<MethodName> = new Set<MethodName>([
  'auth.status',
  'auth.setup',
  'auth.login',
  'auth.logout',
]);

/**
 * An idle-expired session locks the screen over the current page; no session at all sends the user
 * to the login page; a password the backend wants changed first sends them to change it.
 */
export function sessionAction(error: ErrorBody, method: MethodName): SessionAction {
  // The data file was found damaged at start-up: the backend answers only the recovery screen.
  if (error.reason === 'DATABASE_DAMAGED') return 'recovery';
  if (error.code === 'UNAUTHENTICATED') {
    // The lock screen itself says what went wrong with an unlock.
    if (method === 'auth.unlock') return null;
    if (error.reason === 'SESSION_EXPIRED') return 'lock';
    return CREDENTIAL_METHODS.has(method) ? null : 'login';
  }
  if (error.code === 'FORBIDDEN' && error.reason === 'PASSWORD_CHANGE_REQUIRED') return 'change-password';
  return null;
}

/** Where the login page returns to afterwards: only paths inside this app. */
export const redirectQuery = (path: string) => (path && path !== '/' && path.startsWith('/') ? { redirect: path } : {});

/** The page a `redirectQuery` named, if it is one of ours; else home. */
export function redirectTarget(query: LocationQuery): string {
  const redirect = query.redirect;
  return typeof redirect === 'string' && redirect.startsWith('/') ? redirect : '/';
}

/** Acts on every failed call's session error for as long as the calling component (App.vue) lives. */
export function useSessionHandling(): void {
  const auth = useAuthStore();
  const system = useSystemStore();
  const badges = useBadgeStore();
  const notifications = useNotificationStore();
  const router = useRouter();

  const stop = onCallError((error, method) => {
    switch (sessionAction(error, method)) {
      case 'lock':
        auth.lock();
        break;
      case 'login': {
        auth.signedOut(error.message);
        const current = router.currentRoute.value;
        if (!current.meta.public) void router.push({ name: 'login', query: redirectQuery(current.fullPath) });
        break;
      }
      case 'change-password':
        auth.requirePasswordChange();
        void router.push({ name: 'change-password' });
        break;
      case 'recovery':
        if (router.currentRoute.value.name !== 'recovery') {
          auth.signedOut();
          void router.push({ name: 'recovery' });
        }
        break;
    }
  });
  onScopeDispose(stop);

  // What was loaded for one user (scoped to their township) is not shown to the next.
  watch(
    () => auth.me?.id,
    () => {
      system.clear();
      badges.clear();
      notifications.clear();
    },
  );
}
