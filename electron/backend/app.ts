import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { OutputOf } from '../../shared/contract';
import { AppError, type Result } from '../../shared/errors';
import { createDispatch, type Dispatch } from './api/dispatch';
import { handlers } from './api/handlers';
import { ledgers } from './api/ledgers';
import type { CallContext, Services } from './api/types';
import type { Backend } from './backend';
import { DB_FILE_NAME, openDatabase, type OpenedDatabase } from './db/database';
import { DamagedDatabaseError, damagedBy, refuseIfLost, setAsideDamaged } from './db/damaged';
import { readAllSettings } from './db/settings';
import { Sql } from './db/sql';
import { ExportJobs } from './export/jobs';
import { Workers } from './workers/runner';
import { appendCarried, auditRowsAfter } from './audit/carry';
import { verifyAudit } from './audit/check';
import { HeadAnchor, tableHead } from './audit/head';
import { loadAuditKey } from './audit/key';
import { startAudit } from './audit/startup';
import { appendAudit, type AuditEvent } from './audit/writer';
import { isPasswordHashCost, PASSWORD_HASH_COST } from './auth/password';
import { LoginGuard } from './auth/login-guard';
import { SessionStore } from './auth/sessions';
import { listFolder } from './features/backup/folder';
import { placeBackup } from './features/backup/place';
import { backupDir } from './features/backup/service';
import { checkIntegrity, INTEGRITY_CHECK_DELAY_MS } from './features/backup/integrity-check';
import { scheduleDailyBackups } from './features/backup/schedule';
import { openRecovery } from './recovery';
import { ChangeBus } from './live/bus';
import { FILE_WRAPPER, type KeyWrapper, type Keyring } from './keys/keyring';

export interface BackendOptions {
  /** The clock; tests move it to check lockouts, idle expiry and password age. */
  now?: () => Date;
  /** The daily backup while running (default on); the bench turns it off, as it would skew the timings. */
  dailyBackups?: boolean;
  /**
   * The scrypt cost N of new password hashes: PASSWORD_HASH_COST (2^15) unless set. Only tests set
   * it, lower, so that their many accounts hash quickly through the same code.
   */
  passwordHashCost?: number;
  /** How key files are protected: the desktop's data host passes the OS keystore (via main); a plain owner-only file otherwise. */
  keyWrapper?: KeyWrapper;
  /** When the full integrity check runs after start-up (INTEGRITY_CHECK_DELAY_MS unless set); tests set 0. */
  integrityCheckDelayMs?: number;
  /** Where `serve` notes the centre server it runs; kept across a restore from recovery. */
  centreServer?: Services['centreServer'];
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
  const cost = options.passwordHashCost;
  if (cost !== undefined && !isPasswordHashCost(cost)) {
    throw new Error(`passwordHashCost ${cost}: not a power of two from 2^10 to 2^15`);
  }
  // Every file the backend makes (database, WAL, backups and their sidecars, exports' temp files,
  // keys, attachments) is owner-only, and so is every folder: the process is the backend's.
  process.umask(0o077);
  const keyring: Keyring = { dir: dataDir, wrapper: options.keyWrapper ?? FILE_WRAPPER };
  const open = async () => {
    const opened = await openDatabase(dataDir, keyring);
    try {
      return await openReady(dataDir, options, keyring, opened);
    } catch (error) {
      opened.db.close();
      throw damagedBy(error, dataDir, opened.file);
    }
  };
  const recover = (error: DamagedDatabaseError) => {
    console.error(error.message);
    return openRecovery(dataDir, keyring, error, async () =>
      openReady(dataDir, options, keyring, await openDatabase(dataDir, keyring), true),
    );
  };
  try {
    const backups = listFolder(backupDir(dataDir), 'primary');
    refuseIfLost(dataDir, join(dataDir, DB_FILE_NAME), backups.length > 0);
    return checkedAfterStart(await open(), options.integrityCheckDelayMs ?? INTEGRITY_CHECK_DELAY_MS, recover);
  } catch (error) {
    if (!(error instanceof DamagedDatabaseError)) throw error;
    return recover(error);
  }
}

/**
 * The backend as served while its full integrity check runs in a worker after start-up: every
 * call goes to the ready backend, unless the check finds the file damaged; then, as at start-up,
 * the file is closed and moved aside and the recovery backend answers from the next call on.
 */
function checkedAfterStart(
  ready: Backend,
  delayMs: number,
  recover: (error: DamagedDatabaseError) => Backend,
): Backend {
  let current = ready;
  let closed = false;
  const run = async () => {
    const checked = ready.services.sql;
    const check = await checkIntegrity(ready.services);
    // A restore meanwhile replaced the file that was checked; a closed backend is left alone.
    if (check === 'ok' || closed || ready.services.sql !== checked) return;
    ready.close();
    current = recover(setAsideDamaged(ready.dataDir, ready.dbFile, check));
  };
  const timer = setTimeout(() => {
    run().catch((error: unknown) => {
      if (!closed) console.error('[integrity] 后台完整性检查未能完成', error);
    });
  }, delayMs);
  timer.unref();
  const dispatch: Dispatch = Object.assign(
    (method: string, input: unknown, call: CallContext) => current.dispatch(method, input, call),
    {
      admits: (method: string, call: CallContext) => current.dispatch.admits(method, call),
    },
  );
  return {
    dispatch,
    call: (method, input, context) => current.call(method, input, context),
    get services() {
      return current.services;
    },
    dataDir: ready.dataDir,
    dbFile: ready.dbFile,
    get migration() {
      return current.migration;
    },
    get recovery() {
      return current.recovery;
    },
    close: () => {
      closed = true;
      clearTimeout(timer);
      current.close();
    },
  };
}

const ANOTHER_PROCESS =
  '另一个程序（例如同时运行的网页模式或另一个综治工作台窗口）正在使用这个数据文件，恢复未执行，数据未改动。' +
  '请先关闭它，再重新恢复。';

async function openReady(
  dataDir: string,
  options: BackendOptions,
  keyring: Keyring,
  opened: OpenedDatabase,
  afterRecovery = false,
): Promise<Backend> {
  const { file, migration } = opened;
  const sql = new Sql(opened.db);
  const now = options.now ?? (() => new Date());
  const { key: auditKey, lost: keyLost } = await loadAuditKey(keyring, tableHead(sql).seq > 0);
  const services: Services = {
    sql,
    dataDir,
    now,
    sessions: new SessionStore(),
    loginGuard: new LoginGuard(),
    passwordHashCost: options.passwordHashCost ?? PASSWORD_HASH_COST,
    auditKey,
    keyring,
    auditHead: new HeadAnchor(dataDir, () => services),
    auditStatus: { current: null },
    settings: readAllSettings(sql),
    exportJobs: new ExportJobs(now),
    workers: new Workers(),
    ledgers,
    live: new ChangeBus(),
    centreServer: options.centreServer ?? { current: null },
    replaceDatabase: async (source) => {
      services.exportJobs.cancelAll();
      // The audit rows written since the backup are carried into it (refused if its chain went another way).
      const later = auditRowsAfter(services.sql, source);
      services.sql.db.close();
      // SQLite removes the WAL when the last connection closes: one left means another process has it open.
      const busy = existsSync(`${file}-wal`);
      if (!busy) placeBackup(source, file);
      const reopened = await openDatabase(dataDir, keyring);
      services.sql = new Sql(reopened.db);
      if (busy) throw new AppError('CONFLICT', ANOTHER_PROCESS);
      appendCarried(services.sql, later);
      services.sessions = new SessionStore();
      services.settings = readAllSettings(services.sql);
      services.auditStatus.current = verifyAudit(services).verification;
      services.auditHead.flush();
      return services;
    },
  };
  const record = (event: AuditEvent) =>
    appendAudit({ ...services, call: SYSTEM_CALL, principal: null }, event, SYSTEM_ACTOR);
  startAudit(services, record, { keyLost, afterRecovery });
  if (migration.backupFile) {
    record({
      action: 'db.migrate',
      entity: 'database',
      detail: `数据结构 v${migration.from} → v${migration.to}，迁移前备份：${basename(migration.backupFile)}`,
    });
  }
  const dispatch = createDispatch(handlers, services);
  const stopSchedule = options.dailyBackups === false ? () => {} : scheduleDailyBackups(services);
  return {
    dispatch,
    call: (method, input, context) => dispatch(method, input, context) as Promise<Result<OutputOf<typeof method>>>,
    services,
    dataDir,
    dbFile: file,
    migration,
    recovery: null,
    close: () => {
      stopSchedule();
      services.exportJobs.cancelAll();
      services.workers.stopAll();
      services.workers.stopAll();
      services.auditHead.flush();
      services.sql.db.close();
    },
  };
}
