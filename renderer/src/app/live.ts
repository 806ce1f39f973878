import { getCurrentScope, onScopeDispose, readonly, ref } from 'vue';
import type { LiveChange } from '@shared/contract/live';
import { onReach } from '@/api/client';
import { followChanges, type LiveFeed } from '@/api/live';

/** Several changes within this time are one reload. */
const RELOAD_DELAY_MS = 300;

/**
 * The page's one subscription to the backend's changes, and what is open on it: each list, drawer,
 * 今日 and the board registers what concerns it (`useLiveReload`) and is reloaded once for a burst
 * of changes. It also keeps whether the backend is reachable, for the connection banner; when the
 * feed comes back, everything open reads itself again (it may have missed changes meanwhile).
 */

/** A reload that runs once `delayMs` after it was first asked for: asks meanwhile join it. */
export function debounced(reload: () => unknown, delayMs: number) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    ask(): void {
      if (timer !== undefined) return;
      timer = setTimeout(() => {
        timer = undefined;
        void reload();
      }, delayMs);
    },
    cancel: () => clearTimeout(timer),
  };
}

interface Subscription {
  concerns(change: LiveChange): boolean;
  reload: ReturnType<typeof debounced>;
}

const subscriptions = new Set<Subscription>();
const lost = ref(false);
let feed: LiveFeed | null = null;
let feedDown = false;
let stopReach: (() => void) | null = null;

/** Everything open reads itself again (after the connection came back, or the screen was unlocked). */
export function refreshAll(): void {
  for (const subscription of subscriptions) subscription.reload.ask();
}

function changed(change: LiveChange): void {
  for (const subscription of subscriptions) {
    if (change.topic === 'all' || subscription.concerns(change)) subscription.reload.ask();
  }
}

function reachable(reached: boolean): void {
  lost.value = !reached;
  if (!reached) feedDown = true;
  else if (feedDown) {
    feedDown = false;
    refreshAll();
  }
}

/** Starts following the changes (once signed in); calling it again while it runs does nothing. */
export function startLive(): void {
  if (feed) return;
  feed = followChanges({ change: changed, reachable });
  stopReach = onReach((reached) => {
    // A call that fails to arrive shows the banner; one that arrives hides it and retries the feed now.
    if (!reached) lost.value = true;
    else if (lost.value) {
      lost.value = false;
      feed?.wake();
    }
  });
}

export function stopLive(): void {
  feed?.stop();
  stopReach?.();
  feed = null;
  stopReach = null;
  lost.value = false;
  feedDown = false;
}

/** Whether the backend cannot be reached now (the connection banner). */
export const connectionLost = readonly(lost);

/**
 * Reloads with `reload` whenever a change `concerns` what the calling component shows, at most
 * once per `delayMs` (a burst of changes is one reload), for as long as the component lives.
 */
export function useLiveReload(
  concerns: (change: LiveChange) => boolean,
  reload: () => unknown,
  delayMs = RELOAD_DELAY_MS,
): void {
  const subscription: Subscription = { concerns, reload: debounced(reload, delayMs) };
  subscriptions.add(subscription);
  if (getCurrentScope()) {
    onScopeDispose(() => {
      subscription.reload.cancel();
      subscriptions.delete(subscription);
    });
  }
}
