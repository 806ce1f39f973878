import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import { contract } from '../../shared/contract';
import type { BackupInfo, RecoveryStatus } from '../../shared/contract/backup';
import { AppError, fail, ok, type Result } from '../../shared/errors';
import type { Dispatch } from './api/dispatch';
import { validationDetails } from '../../shared/contract/validation';
import type { CallContext } from './api/types';
import type { Backend } from './backend';
import { DB_FILE_NAME, PERSONAL_KEY } from './db/database';
import { PersonalCipher } from './db/personal-cipher';
import { holdsSealedData } from './db/sealed-at-rest';
import type { DamagedDatabaseError } from './db/damaged';
import { appendAudit } from './audit/writer';
import { backupDir } from './features/backup/service';
import { listFolder } from './features/backup/folder';
import { assertRestorable, assertSealedWithKey, inspectBackup } from './features/backup/inspect';
import { placeBackup } from './features/backup/place';
import { AUDIT_KEY_NAME } from './audit/key';
import { openKeyBackup } from './keys/key-backup';
import { keyFileOf, loadKey, storeKey, type Keyring } from './keys/keyring';

const KEYS_NOT_NEEDED = '最新的完好备份用本机的密钥即可打开，无需导入密钥备份。';
const DAMAGED_MESSAGE = '数据文件已损坏，为保护数据已暂停使用。请由管理员在恢复页面用最新的完好备份恢复后再继续。';
const damagedError = () => new AppError('CONFLICT', DAMAGED_MESSAGE, undefined, 'DATABASE_DAMAGED');

/** The data folder's personal key as a cipher, or null where its file is absent (a new computer, a lost key). */
async function personalCipher(keyring: Keyring): Promise<PersonalCipher | null> {
  if (!existsSync(keyFileOf(keyring, PERSONAL_KEY))) return null;
  return new PersonalCipher(await loadKey(keyring, PERSONAL_KEY, { create: false, message: '' }));
}

/** Whether a backup's personal data opens with `cipher` (with none: whether it holds no sealed data). */
function opensWith(file: string, name: string, cipher: PersonalCipher | null): boolean {
  if (!cipher) {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return !holdsSealedData(db);
    } finally {
      db.close();
    }
  }
  try {
    assertSealedWithKey(file, name, cipher);
    return true;
  } catch {
    return false;
  }
}

interface Candidate {
  /** The newest backup that passes a full check now and opens with this computer's keys. */
  good: BackupInfo | null;
  /** The newest backup that passes its check is sealed with keys this computer lacks. */
  needsKeys: boolean;
  /** Its file, to check an imported key against. */
  file: string | null;
}

/**
 * The newest backup of the data folder's backup folder that passes a full check now. It alone is
 * offered: when its personal data is sealed with keys this computer lacks, the keys are asked for
 * (an older backup that happens to open, such as a first set-up on the new computer, would lose the
 * centre's data).
 */
async function newestGood(dataDir: string, keyring: Keyring): Promise<Candidate> {
  const dir = backupDir(dataDir);
  for (const item of listFolder(dir, 'primary')) {
    const file = join(dir, item.name);
    const info = inspectBackup(file, 'primary');
    try {
      assertRestorable(info);
    } catch {
      continue; // damaged or from a newer version: try the next older one
    }
    const opens = opensWith(file, info.name, await personalCipher(keyring));
    return { good: opens ? info : null, needsKeys: !opens, file };
  }
  return { good: null, needsKeys: false, file: null };
}

const NEEDS_KEYS =
  '最新的完好备份中的个人信息由另一把密钥加密（例如在另一台电脑上制作），本机没有该密钥，恢复未执行。' +
  '请先在本页导入该中心导出的密钥备份（.zzkeys）及其口令。';

/**
 * The backend while the data file, found damaged (or lost) at start-up, lies moved aside: it answers only the
 * recovery methods (what happened, restore the newest good backup) and refuses everything else with
 * DATABASE_DAMAGED, which sends the renderer to the recovery screen. Once restored, it opens the
 * backend as usual and hands every call to it.
 */
export function openRecovery(
  dataDir: string,
  keyring: Keyring,
  damaged: DamagedDatabaseError,
  reopen: () => Promise<Backend>,
): Backend {
  let ready: Backend | null = null;
  /** A key backup imported on this page, told in the restore's audit row. */
  let imported: { county: string; createdAt: string } | null = null;

  async function restoreLatest(call: CallContext): Promise<{ restored: BackupInfo }> {
    const { good, needsKeys } = await newestGood(dataDir, keyring);
    if (needsKeys) throw new AppError('CONFLICT', NEEDS_KEYS);
    if (!good) {
      throw new AppError(
        'NOT_FOUND',
        `备份文件夹 ${backupDir(dataDir)} 中没有可用的完好备份。若第二备份位置（移动硬盘、网络共享）有备份，` +
          '请把其中的 zongzhi-….db 与同名 .json 文件复制到该文件夹后重试，或联系技术支持。',
      );
    }
    placeBackup(join(backupDir(dataDir), good.name), join(dataDir, DB_FILE_NAME));
    ready = await reopen();
    appendAudit(
      { ...ready.services, call, principal: null },
      {
        action: 'recovery.restoreLatest',
        entity: 'database',
        detail:
          `启动检查发现数据文件无法使用（${damaged.problem}），${damaged.movedTo ? `原文件已移至 ${basename(damaged.movedTo)}` : '没有可移走的原文件'}；` +
          (imported
            ? `导入了 ${imported.createdAt.slice(0, 10)} 导出的密钥备份（${imported.county || '未注明县名'}）；`
            : '') +
          `已用备份 ${good.name} 恢复`,
      },
      { userId: null, username: 'recovery', roles: [] },
    );
    return { restored: good };
  }

  /** Puts the keys of a key backup in place, once they are shown to open the backup to restore. */
  async function importKeys(text: string, passphrase: string): Promise<{ county: string; createdAt: string }> {
    const { needsKeys, file } = await newestGood(dataDir, keyring);
    if (!needsKeys || !file) throw new AppError('CONFLICT', KEYS_NOT_NEEDED);
    const keys = await openKeyBackup(text, passphrase);
    if (!opensWith(file, basename(file), new PersonalCipher(keys.personal))) {
      const message = `这份密钥备份（${keys.county || '未注明县名'}，${keys.createdAt.slice(0, 10)} 导出）打不开最新的完好备份，没有导入。请选择制作该备份的那台电脑导出的密钥备份。`;
      throw new AppError('VALIDATION', message, [{ path: 'file', message: '与最新的完好备份不匹配' }]);
    }
    const at = new Date();
    await storeKey(keyring, PERSONAL_KEY, keys.personal, at);
    await storeKey(keyring, AUDIT_KEY_NAME, keys.audit, at);
    imported = { county: keys.county, createdAt: keys.createdAt };
    return imported;
  }

  const answer = async (method: string, input: unknown, call: CallContext): Promise<Result<unknown>> => {
    if (ready) return ready.dispatch(method, input, call);
    try {
      if (method === 'recovery.status') {
        const { good, needsKeys } = await newestGood(dataDir, keyring);
        const status: RecoveryStatus = {
          damaged: true,
          movedTo: damaged.movedTo,
          problem: damaged.problem,
          newestGood: good,
          needsKeys,
        };
        return ok(status);
      }
      if (method === 'recovery.restoreLatest') {
        const parsed = contract[method].input.safeParse(input ?? {});
        if (!parsed.success) return fail('VALIDATION', '请确认恢复后重试。', validationDetails(parsed.error));
        return ok(await restoreLatest(call));
      }
      if (method === 'recovery.importKeys') {
        const parsed = contract[method].input.safeParse(input ?? {});
        if (!parsed.success)
          return fail('VALIDATION', '请选择密钥备份文件并输入口令。', validationDetails(parsed.error));
        return ok(await importKeys(parsed.data.text, parsed.data.passphrase));
      }
      return { ok: false, error: damagedError().toBody() };
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: error.toBody() } as Result<never>;
      console.error('[recovery] 恢复失败', error);
      const kept = damaged.movedTo ? `损坏的原文件仍保存在 ${damaged.movedTo}。` : '';
      return fail('INTERNAL', `恢复未完成，${kept}请联系技术支持。`);
    }
  };
  // Until restored, only the two recovery methods answer, and neither carries a file.
  const dispatch: Dispatch = Object.assign(answer, {
    admits: (method: string, call: CallContext): Result<null> =>
      ready ? ready.dispatch.admits(method, call) : { ok: false, error: damagedError().toBody() },
  });

  return {
    dispatch,
    call: (method, input, context) => dispatch(method, input, context) as never,
    get services() {
      if (!ready) throw damagedError();
      return ready.services;
    },
    dataDir,
    dbFile: join(dataDir, DB_FILE_NAME),
    get migration() {
      return ready?.migration ?? { from: 0, to: 0, backupFile: null };
    },
    get recovery() {
      return ready ? null : { movedTo: damaged.movedTo, problem: damaged.problem };
    },
    close: () => ready?.close(),
  };
}
