import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '../../../shared/domain/roles';

/** The signed-in user, as the backend knows them (never as the renderer claims). */
export interface Principal {
  userId: string;
  username: string;
  displayName: string;
  roles: Role[];
  /** Township the user is bound to; null works county-wide. */
  regionCode: string | null;
}

export interface Session {
  principal: Principal;
  lastSeen: number;
  /** Locked after idling: only auth.unlock (with the same user's password) or logout works. */
  locked: boolean;
  /** Administrator-set or expired password: only changing it (or logout) works. */
  mustChangePassword: boolean;
  passwordExpired: boolean;
  /** Wrong passwords typed on the lock screen, counted towards the account's lockout. */
  unlockFailures: number;
}

/** A locked session is forgotten after this long; the user signs in again. */
const LOCKED_SESSION_TTL_MS = 12 * 60 * 60 * 1000;

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Sessions live in the backend's memory (one process serves all windows): a restart signs everyone
 * out, and no token is ever written to disk. Tokens are kept only as their SHA-256.
 */
export class SessionStore {
  private readonly byDigest = new Map<string, Session>();

  create(principal: Principal, flags: Pick<Session, 'mustChangePassword' | 'passwordExpired'>, now: Date): string {
    const token = randomBytes(32).toString('base64url');
    this.byDigest.set(digest(token), {
      principal,
      lastSeen: now.getTime(),
      locked: false,
      unlockFailures: 0,
      ...flags,
    });
    return token;
  }

  find(token: string | undefined, now: Date): Session | undefined {
    if (!token) return undefined;
    const key = digest(token);
    const session = this.byDigest.get(key);
    if (session && now.getTime() - session.lastSeen > LOCKED_SESSION_TTL_MS) {
      this.byDigest.delete(key);
      return undefined;
    }
    return session;
  }

  remove(token: string | undefined): void {
    if (token) this.byDigest.delete(digest(token));
  }

  /** Ends every session of a user (disabled, password reset, roles changed). */
  removeUser(userId: string): void {
    for (const [key, session] of this.byDigest) if (session.principal.userId === userId) this.byDigest.delete(key);
  }
}
