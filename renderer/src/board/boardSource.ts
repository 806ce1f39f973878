import type { BoardSnapshot, TownshipBoundary } from '@shared/contract/board';
import type { Result } from '@shared/errors';
import { ApiError, call } from '@/api/client';

/** Where the board reads its two answers from. */
export interface BoardSource {
  snapshot(): Promise<BoardSnapshot>;
  boundary(): Promise<TownshipBoundary | null>;
}

/** The workstation and the desktop board window: the contract's methods, like every other screen. */
export const appSource: BoardSource = {
  snapshot: () => call('board.snapshot', {}),
  boundary: () => call('board.boundary', {}),
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
 * The wall-screen PC's browser in LAN mode (electron/backend/http/board-server.ts): two GETs,
 * relative to the page, carrying the token's cookie; nothing else is reachable there.
 */
export const lanSource: BoardSource = {
  snapshot: () => lanRead<BoardSnapshot>('board-api/snapshot'),
  boundary: () => lanRead<TownshipBoundary | null>('board-api/boundary'),
};
