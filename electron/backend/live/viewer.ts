import type { LiveChange } from '../../../shared/contract/live';
import type { Services } from '../api/types';
import { idleTooLong } from '../auth/guard';
import { visibleTo } from './bus';

export interface Viewer {
  /** The session's token as the transport holds it (a web stream's, a desktop window's). */
  token(): string | undefined;
  /** A change this session may learn of. */
  send(change: LiveChange): void;
  /** The session is gone (signed out, expired, ended by the administrator): stop following. */
  ended?(): void;
}

/**
 * Follows the bus as one session sees it. The session is looked up on every change (never touched:
 * a feed does not keep an idle session alive); a locked or idle one hears nothing until it is
 * unlocked, and only changes in its region reach it (`visibleTo`). Returns the unsubscribe.
 */
export function follow(services: Services, viewer: Viewer): () => void {
  return services.live.listen((published) => {
    const session = services.sessions.find(viewer.token(), services.now());
    if (!session) return viewer.ended?.();
    if (session.locked || idleTooLong(services, session)) return;
    if (visibleTo(session.principal, published)) viewer.send(published.change);
  });
}
