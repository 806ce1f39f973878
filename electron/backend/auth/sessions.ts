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
  /** Epoch ms of sign-in: the session ends `SESSION_LIFETIME_MS` later whatever happens. */
  createdAt: number;
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
/** However active, a session ends this long after sign-in (a duty shift and then some). */
export const SESSION_LIFETIME_MS = 16 * 60 * 60 * 1000;
/** Sessions one user may hold at once; signing in once more ends the oldest. */
export const SESSIONS_PER_USER = 5;

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Sessions live in the backend's memory (one process serves all windows): a restart signs everyone
 * out, and no token is ever written to disk. Tokens are kept only as their SHA-256.
 */
export class SessionStore {
  private readonly byDigest = new Map<string, Session>();

  create(principal: Principal, flags: Pick<Session, 'mustChangePassword' | 'passwordExpired'>, now: Date): string {
    const token = randomBytes(32).toString('base64url');
    const mine = [...this.byDigest].filter(([, session]) => session.principal.userId === principal.userId);
    mine.sort(([, a], [, b]) => a.createdAt - b.createdAt);
    for (const [key] of mine.slice(0, Math.max(0, mine.length - SESSIONS_PER_USER + 1))) this.byDigest.delete(key);
    this.byDigest.set(digest(token), {
      principal,
      createdAt: now.getTime(),
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
    if (!session) return undefined;
    const at = now.getTime();
    if (at - session.lastSeen > LOCKED_SESSION_TTL_MS || at - session.createdAt > SESSION_LIFETIME_MS) {
      this.byDigest.delete(key);
      return undefined;
    }
    return session;
  }

  remove(token: string | undefined): void {
    if (token) this.byDigest.delete(digest(token));
  }

  /**
   * Ends every session of a user (disabled, password reset or changed, roles changed), but for the
   * one holding `keep` (the user who just changed their own password stays signed in there).
   */
  removeUser(userId: string, keep?: string): void {
    const kept = keep ? digest(keep) : null;
    for (const [key, session] of this.byDigest) {
      if (session.principal.userId === userId && key !== kept) this.byDigest.delete(key);
    }
  }
}
