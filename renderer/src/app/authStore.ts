import { ElMessage } from 'element-plus';
import { defineStore } from 'pinia';
import { computed, ref, shallowRef, watch } from 'vue';
import type { InputOf } from '@shared/contract';
import type { AuthStatus, Me } from '@shared/contract/auth';
import { hasAccessIn, permissionsOf, ROLE_LABELS, type Access } from '@shared/domain/roles';
import { call, invoke } from '@/api/client';

/**
 * Who is signed in on this client and whether the screen is locked. Roles and permissions here only
 * decide what the interface shows; the backend checks every call itself.
 */
export const useAuthStore = defineStore('auth', () => {
  const status = shallowRef<AuthStatus | null>(null);
  const me = shallowRef<Me | null>(null);
  /** The lock screen is up: the session idled (backend) or the user did (this window). */
  const locked = ref(false);
  /** Why auth.status could not be read (no backend); shown on the login page with a retry. */
  const bootError = ref('');
  /** Why the user was sent to the login page (e.g. the session ended); shown there once. */
  const notice = ref('');

  const roles = computed(() => me.value?.roles ?? []);
  const roleLabels = computed(() => roles.value.map((role) => ROLE_LABELS[role]));
  const permissions = computed(() => permissionsOf(roles.value));
  const signedIn = computed(() => me.value !== null);
  const mustChangePassword = computed(() => !!me.value && (me.value.mustChangePassword || me.value.passwordExpired));
  /** Whose password unlocks the screen: the signed-in user, or the one auth.status names at start-up. */
  const lockedUser = computed(() => me.value ?? status.value?.lockedUser ?? null);

  /**
   * Whether the signed-in user's roles grant this access (public pages need no one); a
   * township-bound account lacks the county-wide permissions its roles name (roles.ts).
   */
  const can = (access: Access): boolean =>
    access === 'public' || (me.value !== null && hasAccessIn(roles.value, me.value.regionCode, access));

  function setSession(session: AuthStatus['session']): void {
    if (!status.value) return;
    const user = session === 'locked' ? lockedUser.value : null;
    status.value = {
      ...status.value,
      needsSetup: false,
      session,
      lockedUser: user ? { username: user.username, displayName: user.displayName } : null,
    };
  }

  function acceptMe(next: Me): Me {
    me.value = next;
    locked.value = false;
    notice.value = '';
    setSession('active');
    return next;
  }

  /** Reads auth.status and, for an active session, the user; at start-up and after a retry. */
  async function refresh(): Promise<void> {
    if (!(await readStatus())) return;
    if (status.value?.session !== 'active') {
      me.value = null;
      return;
    }
    const current = await invoke('auth.me', {});
    me.value = current.ok ? current.data : null;
    // The backend marks an idle session locked when it is next used (this auth.me): ask again whose it is.
    if (!current.ok && current.error.reason === 'SESSION_EXPIRED') await readStatus();
  }

  async function readStatus(): Promise<boolean> {
    const result = await invoke('auth.status', {});
    if (!result.ok) {
      bootError.value = result.error.message;
      return false;
    }
    bootError.value = '';
    status.value = result.data;
    locked.value = result.data.session === 'locked';
    return true;
  }

  /** Reads auth.status again (the county name may have changed) without touching the session state. */
  async function refreshStatus(): Promise<void> {
    const result = await invoke('auth.status', {});
    if (result.ok) status.value = result.data;
  }

  /** Reads the user again (roles, settings, password state); also tells the backend the user is active. */
  async function reloadMe(): Promise<void> {
    const current = await invoke('auth.me', {});
    if (current.ok) me.value = current.data;
  }

  const login = async (username: string, password: string) =>
    acceptMe(await call('auth.login', { username, password }));

  const setup = async (input: InputOf<'auth.setup'>) => acceptMe(await call('auth.setup', input));

  const unlock = async (password: string) => acceptMe(await call('auth.unlock', { password }));

  const changePassword = async (currentPassword: string, newPassword: string) =>
    acceptMe(await call('auth.changePassword', { currentPassword, newPassword }));

  /** Forgets the user on this client; `message` says on the login page why. */
  function signedOut(message = ''): void {
    // Toasts of the previous user's work must not linger into the next sign-in.
    ElMessage.closeAll();
    me.value = null;
    locked.value = false;
    notice.value = message;
    setSession('none');
  }

  async function logout(): Promise<void> {
    // Signed out here whatever the backend answers: the user asked to leave.
    await invoke('auth.logout', {});
    signedOut();
  }

  /** Puts the lock screen up over the current page. */
  function lock(): void {
    if (locked.value) return;
    locked.value = true;
    setSession('locked');
  }

  /** The backend asks for a new password first (administrator-set or expired). */
  function requirePasswordChange(): void {
    if (me.value && !mustChangePassword.value) me.value = { ...me.value, mustChangePassword: true };
  }

  /** Resolves once the lock screen is gone (unlocked, or signed out from it). */
  function whenUnlocked(): Promise<void> {
    if (!locked.value) return Promise.resolve();
    return new Promise((resolve) => {
      const stop = watch(locked, (now) => {
        if (now) return;
        stop();
        resolve();
      });
    });
  }

  return {
    status,
    me,
    locked,
    bootError,
    notice,
    roles,
    roleLabels,
    permissions,
    signedIn,
    mustChangePassword,
    lockedUser,
    can,
    refresh,
    refreshStatus,
    reloadMe,
    login,
    setup,
    unlock,
    changePassword,
    logout,
    signedOut,
    lock,
    requirePasswordChange,
    whenUnlocked,
  };
});
