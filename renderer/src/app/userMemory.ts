import { useAuthStore } from './authStore';

/**
 * What the interface remembers for each user on this workstation: the sidebar folded, a list's
 * page size, filters and column widths. Kept in the page's own-origin localStorage under the
 * username, so two officers sharing a workstation each find their own. Nothing personal is kept
 * there (a list's free-text keyword is remembered only for the window's life, `sessionMemory`): the
 * ledgers' personal values stay sealed in the database.
 */
const PREFIX = 'zz.ui';

export interface Remembered<T> {
  read(): T | undefined;
  write(value: T): void;
}

function keyOf(username: string, name: string): string {
  return `${PREFIX}.${username}.${name}`;
}

function remembered<T>(storage: () => Storage, name: string): Remembered<T> {
  const auth = useAuthStore();
  return {
    read() {
      const username = auth.me?.username;
      if (!username) return undefined;
      try {
        const text = storage().getItem(keyOf(username, name));
        return text === null ? undefined : (JSON.parse(text) as T);
      } catch {
        return undefined;
      }
    },
    write(value) {
      const username = auth.me?.username;
      if (!username) return;
      try {
        storage().setItem(keyOf(username, name), JSON.stringify(value));
      } catch {
        // A full or refused storage only forgets a preference.
      }
    },
  };
}

/** A value kept across restarts for the signed-in user (none remembered while nobody is). */
export const userMemory = <T>(name: string) => remembered<T>(() => localStorage, name);

/** A value kept while the window is open (back to a list finds its page and keyword), per user. */
export const sessionMemory = <T>(name: string) => remembered<T>(() => sessionStorage, name);
