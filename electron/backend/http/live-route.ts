import type { ServerResponse } from 'node:http';
import type { Result } from '../../../shared/errors';
import type { Dispatch } from '../api/dispatch';
import type { CallContext } from '../api/types';
import type { Viewer } from '../live/viewer';
import { openEventStream, StreamCap } from './event-stream';

/** Open feeds per session: a few tabs of one officer; more end the oldest. */
export const STREAMS_PER_SESSION = 4;

/** Follows the bus as a viewer (live/viewer.ts `follow` on the backend's services); returns the unsubscribe. */
export type Follow = (viewer: Viewer) => () => void;

/**
 * `GET /api/events`: the change feed of the caller's session, admitted as any signed-in call is
 * (the cookie's half of the session and the header's half; a locked session is refused), then held
 * open as server-sent events of the changes its region may see.
 */
export function liveRoute(
  dispatch: Dispatch,
  follow: Follow,
  refuse: (res: ServerResponse, result: Result<unknown>) => void,
) {
  const cap = new StreamCap(STREAMS_PER_SESSION);
  return (res: ServerResponse, call: CallContext): void => {
    // auth.me: what any session may call, a pending password change included.
    const admitted = dispatch.admits('auth.me', call);
    if (!admitted.ok) return refuse(res, admitted);
    const token = call.jar.get() ?? '';
    const end = openEventStream(res, (send, ended) => follow({ token: () => token, send, ended }));
    res.once('close', cap.add(token, end));
  };
}
