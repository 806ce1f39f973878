import type { MethodName } from './index';

/** A feature as its methods are prefixed (`petitions`, `tasks`, `users` …). */
export type LiveFeature = MethodName extends `${infer Feature}.${string}` ? Feature : never;

/**
 * What an open screen learns of a change another workstation committed: whose data changed (`all`
 * after a restore or the demo load), which record and its new version when it is one record, and
 * the method that made it. It carries no content: a screen that cares reads again through its own
 * guarded calls.
 */
export interface LiveChange {
  topic: LiveFeature | 'all';
  id?: string;
  version?: number;
  kind: MethodName;
}

/**
 * Web mode's change feed: `GET` on this path (relative to the page) answers server-sent events,
 * sent with the app's header and the page's half of the session like every call (so a fetch reads
 * it, not EventSource, which cannot send headers). `ready` opens it, then one `change` per change;
 * comment lines are heartbeats.
 */
export const LIVE_EVENTS_PATH = 'api/events';
/** The LAN wall screen's feed (token cookie): changes only, no record ids. */
export const BOARD_EVENTS_PATH = 'board-api/events';
/** A heartbeat at least this often; a client that hears nothing for twice as long reconnects. */
export const LIVE_HEARTBEAT_MS = 15_000;
