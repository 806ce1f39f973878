import { basename } from 'node:path';
import type { InputOf, MethodName, OutputOf } from '../../shared/contract';
import type { Result } from '../../shared/errors';
import { createDispatch, type Dispatch } from './api/dispatch';
import { handlers } from './api/handlers';
import type { CallContext, Services } from './api/types';
import { openDatabase } from './db/database';
import type { MigrationOutcome } from './db/migrations';
import { Sql } from './db/sql';
import { ExportJobs } from './export/jobs';
import { loadAuditKey } from './features/audit/key';
import { verifyChain } from './features/audit/verify';
import { appendAudit, type AuditEvent } from './features/audit/writer';
import { SessionStore } from './features/auth/sessions';
import { readSettings } from './features/settings/repo';

export interface Backend {
  /** The transports' entry: any method name, any input, checked and validated inside. */
  dispatch: Dispatch;
  /** The same dispatch, typed by the contract: for scripts, the bench and tests. */
  call<M extends MethodName>(method: M, input: InputOf<M>, context: CallContext): Promise<Result<OutputOf<M>>>;
  services: Services;
  dataDir: string;
  dbFile: string;
  migration: MigrationOutcome;
  close(): void;
}

export interface BackendOptions {
  /** The clock; tests move it to check lockouts, idle expiry and password age. */
  now?: () => Date;
}

/** The context of events the backend itself records (start-up checks), not a user's call. */
const SYSTEM_CALL: CallContext = { transport: 'ipc', client: 'system', jar: { get: () => undefined, set: () => {} } };
const SYSTEM_ACTOR = { userId: null, username: 'system', roles: [] };

/**
 * The whole backend for one data folder: the database (opened, checked, migrated), the audit
 * chain (verified at start-up), sessions, and the dispatch every transport calls. The same in the
 * desktop data host, web mode, tests and the bench.
 */
export async function openBackend(dataDir: string, options: BackendOptions = {}): Promise<Backend> {
  const { db, file, migration } = await openDatabase(dataDir);
  const sql = new Sql(db);
  const now = options.now ?? (() => new Date());
  const services: Services = {
    sql,
    dataDir,
    now,
    sessions: new SessionStore(),
    auditKey: loadAuditKey(dataDir),
    auditStatus: { current: null },
    settings: { security: readSettings(sql, 'security'), work: readSettings(sql, 'work') },
    exportJobs: new ExportJobs(now),
  };
  const record = (event: AuditEvent) =>
    appendAudit({ ...services, call: SYSTEM_CALL, principal: null }, event, SYSTEM_ACTOR);
  services.auditStatus.current = verifyChain(sql, services.auditKey, now());
  if (!services.auditStatus.current.ok) {
    const detail = services.auditStatus.current.message;
    record({ action: 'audit.startupVerify', entity: 'audit_log', result: 'failure', detail });
    console.error(detail);
  }
  if (migration.backupFile) {
    record({
      action: 'db.migrate',
      entity: 'database',
      detail: `数据结构 v${migration.from} → v${migration.to}，迁移前备份：${basename(migration.backupFile)}`,
    });
  }
  const dispatch = createDispatch(handlers, services);
  return {
    dispatch,
    call: (method, input, context) => dispatch(method, input, context) as Promise<Result<OutputOf<typeof method>>>,
    services,
    dataDir,
    dbFile: file,
    migration,
    close: () => {
      services.exportJobs.cancelAll();
      db.close();
    },
  };
}
