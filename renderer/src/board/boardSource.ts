import type { BoardSnapshot, TownshipBoundary } from '@shared/contract/board';
import type { Result } from '@shared/errors';
import { onScopeDispose } from 'vue';
import { BOARD_EVENTS_PATH, type LiveChange } from '@shared/contract/live';
import { ApiError, call } from '@/api/client';
import { followStream } from '@/api/live';
import { debounced, startLive, useLiveReload } from '@/app/live';

/** Where the board reads its two answers from, and how it hears that they changed. */
export interface BoardSource {
  snapshot(): Promise<BoardSnapshot>;
  boundary(): Promise<TownshipBoundary | null>;
  /** Calls `refresh` (at most once a second) when the centre changed something the board shows; within a component's setup. */
  follow(refresh: () => unknown): void;
}

/** What the board shows: the ledgers (tasks come as their owners'), its settings, places and the roster. */
const BOARD_TOPICS: ReadonlySet<LiveChange['topic']> = new Set<LiveChange['topic']>([
  'petitions',
  'hazards',
  'assessments',
  'disputes',
  'meetings',
  'settings',
  'regions',
  'board',
  'duty',
  'holidays',
  'dicts',
]);
const concernsBoard = (change: LiveChange) => BOARD_TOPICS.has(change.topic);
/** A snapshot is a heavier read than a list: a busy centre's changes refresh it at most once a second. */
const BOARD_DELAY_MS = 1000;

/** The workstation and the desktop board window: the contract's methods, like every other screen. */
export const appSource: BoardSource = {
  snapshot: () => call('board.snapshot', {}),
  boundary: () => call('board.boundary', {}),
  follow(refresh) {
    // The desktop wall window signs no one in: its display session follows the changes by itself.
    startLive();
    useLiveReload(concernsBoard, refresh, BOARD_DELAY_MS);
  },
};

const LAN_FAILED = '与中心服务器的连接中断，大屏显示的是上次的数据；恢复后自动更新。';

async function lanRead<T>(path: string): Promise<T> {
  let body: Result<T> | undefined;
  try {
    const response = await fetch(path, { credentials: 'same-origin', cache: 'no-store' });
    if (response.status === 401) {
      throw new ApiError({
        code: 'UNAUTHENTICATED',
        message: '大屏访问令牌无效或已更换：请用管理员提供的大屏地址重新打开。',
      });
    }
    body = (await response.json()) as Result<T>;
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError({ code: 'INTERNAL', message: LAN_FAILED });
  }
  if (!body.ok) throw new ApiError(body.error);
  return body.data;
}

/**
 * The wall-screen PC's browser in LAN mode (electron/backend/http/board-server.ts): two GETs and
 * the change feed, relative to the page, carrying the token's cookie; nothing else is reachable there.
 */
export const lanSource: BoardSource = {
  snapshot: () => lanRead<BoardSnapshot>('board-api/snapshot'),
  boundary: () => lanRead<TownshipBoundary | null>('board-api/boundary'),
  follow(refresh) {
    const reload = debounced(refresh, BOARD_DELAY_MS);
    // The token's cookie goes with it; a feed back after a break refreshes what it may have missed.
    const feed = followStream(BOARD_EVENTS_PATH, () => ({}), {
      change: (change) => concernsBoard(change) && reload.ask(),
      reachable: (reached) => reached && reload.ask(),
    });
    onScopeDispose(() => {
      feed.stop();
      reload.cancel();
    });
  },
};

/** The wall's source: the desktop's board window has the bridge; a browser on the LAN reads the board's server. */
export const wallSource = (): BoardSource => (window.zz ? appSource : lanSource);

/**
 * A source whose first snapshot and boundary are already asked for, both at once: the wall starts
 * them before its components load. Each is handed out once; later reads go to the source.
 */
export function prefetched(source: BoardSource): BoardSource {
  let snapshot: Promise<BoardSnapshot> | null = source.snapshot();
  let boundary: Promise<TownshipBoundary | null> | null = source.boundary();
  // A failure is the board's to show when it reads the answer, not an unhandled rejection before.
  snapshot.catch(() => undefined);
  boundary.catch(() => undefined);
  return {
    snapshot() {
      const first = snapshot ?? source.snapshot();
      snapshot = null;
      return first;
    },
    boundary() {
      const first = boundary ?? source.boundary();
      boundary = null;
      return first;
    },
    follow: (refresh) => source.follow(refresh),
  };
}
