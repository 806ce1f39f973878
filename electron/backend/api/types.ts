import type { CentreServerRun } from '../../../shared/domain/centre-server';
import type { Keyring } from '../keys/keyring';
import type { MethodName, OutputOf, ParsedInputOf } from '../../../shared/contract';
import type { AuditVerification } from '../../../shared/contract/audit';
import type { Sql } from '../db/sql';
import type { HeadAnchor } from '../audit/head';
import type { ExportJobs } from '../export/jobs';
import type { LoginGuard } from '../auth/login-guard';
import type { Principal, SessionStore } from '../auth/sessions';
import type { SettingValues } from '../db/settings';
import type { LedgerRegistry } from '../ledger/registry';
import type { ChangeBus } from '../live/bus';
import type { Workers } from '../workers/runner';

/**
 * Where a transport keeps this client's session token: an HttpOnly cookie in web mode, the data
 * host's per-window map on the desktop. The renderer never sees the token.
 */
export interface SessionJar {
  get(): string | undefined;
  set(token: string | null): void;
}

/** How a call arrived; filled in by the transport, never by the renderer. */
export interface CallContext {
  transport: 'ipc' | 'http';
  /** `desktop`, or the web client's address. */
  client: string;
  jar: SessionJar;
}

/** Everything a backend instance holds for one data folder. */
export interface Services {
  sql: Sql;
  /** The data folder: the only place the backend writes files. */
  dataDir: string;
  /** The clock (injected in tests). */
  now: () => Date;
  sessions: SessionStore;
  /** Attempts in flight and recent failures by username and by client (auth/login-guard.ts). */
  loginGuard: LoginGuard;
  /** The scrypt cost N of new password hashes (verification reads each hash's own). */
  passwordHashCost: number;
  auditKey: Buffer;
  /** Where the data folder's keys are and how they are wrapped (the desktop: by the OS keystore). */
  keyring: Keyring;
  /** The audit chain's head, anchored in `audit.head` outside the database (audit/head.ts). */
  auditHead: HeadAnchor;
  /** The last verification of the audit chain (at start-up or on demand). */
  auditStatus: { current: AuditVerification | null };
  /** The settings groups as saved, read once at start and kept current by the settings handlers. */
  settings: SettingValues;
  /** Exports running or waiting to be fetched. */
  exportJobs: ExportJobs;
  /** The worker threads that run heavy jobs (backups, checks, exports) off the calls' thread. */
  workers: Workers;
  /** Each ledger's records and the owners of tasks and attachments, as the features registered them. */
  ledgers: LedgerRegistry<HandlerContext>;
  /** Committed changes, told to the open screens (live/): dispatch publishes, the transports subscribe. */
  live: ChangeBus;
  /** The centre server this process runs, once `serve` started one (what the settings card shows). */
  centreServer: { current: CentreServerRun | null };
  /**
   * Puts a checked backup in place of the database: closes it, replaces the file, reopens it through
   * the start-up path, and refreshes these services in place (settings, audit status, no sessions).
   * Resolves with them; a handler's own context still names the old connection.
   */
  replaceDatabase(source: string): Promise<Services>;
}

export interface HandlerContext extends Services {
  call: CallContext;
  /** Null only inside `public` methods. */
  principal: Principal | null;
}

export type Handler<M extends MethodName> = (
  input: ParsedInputOf<M>,
  ctx: HandlerContext,
) => OutputOf<M> | Promise<OutputOf<M>>;

/** A feature's handlers for its own methods: `satisfies HandlerMap<'regions.list' | 'regions.get'>`. */
export type HandlerMap<M extends MethodName> = { [K in M]: Handler<K> };

/** The principal of a method that is not `public` (dispatch guarantees it). */
export function principalOf(ctx: Pick<HandlerContext, 'principal'>): Principal {
  if (!ctx.principal) throw new Error('principal missing in a non-public method');
  return ctx.principal;
}
