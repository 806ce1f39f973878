import { defineStore } from 'pinia';
import { shallowRef } from 'vue';
import type { LiveChange } from '@shared/contract/live';
import type { WorkbenchBadges } from '@shared/contract/workbench';
import { invoke } from '@/api/client';

/** How often the menu's counts are read again while nothing else asks. */
export const BADGE_REFRESH_MS = 60_000;

/** The changes (live feed topics) that can move a count: the ledgers' and their tasks', and a restore. */
export const BADGE_TOPICS: ReadonlySet<LiveChange['topic']> = new Set([
  'petitions',
  'hazards',
  'assessments',
  'disputes',
  'tasks',
  'all',
] as const);

/**
 * The menu's live counts (督办, 待销号, my overdue), read by one small call. The layout refreshes
 * them on every navigation and every minute; anything that knows the ledgers changed (a change
 * event, a saved step) may call `refresh()` too. A failed read keeps the last counts.
 */
export const useBadgeStore = defineStore('badges', () => {
  const badges = shallowRef<WorkbenchBadges>({});
  let pending: Promise<void> | null = null;

  async function load(): Promise<void> {
    const result = await invoke('workbench.badges', {});
    if (result.ok) badges.value = result.data;
  }

  /** Reads the counts again; calls made while a read is under way share it. */
  function refresh(): Promise<void> {
    pending ??= load().finally(() => (pending = null));
    return pending;
  }

  /** Forgets the counts (the next user sees others). */
  const clear = (): void => void (badges.value = {});

  return { badges, refresh, clear };
});

/** The badges a menu entry shows, by route name: its count and how it reads. */
export function badgesOf(
  name: string,
  badges: WorkbenchBadges,
): Array<{ key: string; value: number; title: string; type: 'danger' | 'warning' }> {
  const all = {
    home: [
      { key: 'overdue', value: badges.overdue, title: '超期', type: 'danger' as const },
      { key: 'closeOut', value: badges.closeOut, title: '待销号', type: 'warning' as const },
    ],
    'petitions-menu': [{ key: 'supervision', value: badges.supervision, title: '督办', type: 'danger' as const }],
    'petitions-supervision': [
      { key: 'supervision', value: badges.supervision, title: '督办', type: 'danger' as const },
    ],
    'disputes-menu': [
      { key: 'disputeSupervision', value: badges.disputeSupervision, title: '督办', type: 'danger' as const },
    ],
    disputes: [{ key: 'disputeSupervision', value: badges.disputeSupervision, title: '督办', type: 'danger' as const }],
  }[name];
  return (all ?? []).flatMap((b) => (b.value ? [{ ...b, value: b.value }] : []));
}
