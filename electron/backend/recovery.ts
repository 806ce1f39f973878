import { basename, join } from 'node:path';
import { contract } from '../../shared/contract';
import type { BackupInfo, RecoveryStatus } from '../../shared/contract/backup';
import { AppError, fail, ok, type Result } from '../../shared/errors';
import type { Dispatch } from './api/dispatch';
import { validationDetails } from '../../shared/contract/validation';
import type { CallContext } from './api/types';
import type { Backend } from './backend';
import { DB_FILE_NAME } from './db/database';
import type { DamagedDatabaseError } from './db/damaged';
import { appendAudit } from './audit/writer';
import { backupDir } from './features/backup/service';
import { listFolder } from './features/backup/folder';
import { assertRestorable, inspectBackup } from './features/backup/inspect';
import { placeBackup } from './features/backup/place';

const DAMAGED_MESSAGE = '数据文件已损坏，为保护数据已暂停使用。请由管理员在恢复页面用最新的完好备份恢复后再继续。';
const damagedError = () => new AppError('CONFLICT', DAMAGED_MESSAGE, undefined, 'DATABASE_DAMAGED');

/** The newest backup in the data folder's backup folder that passes a full check now. */
function newestGood(dataDir: string): BackupInfo | null {
  const dir = backupDir(dataDir);
  for (const item of listFolder(dir, 'primary')) {
    const info = inspectBackup(join(dir, item.name), 'primary');
    try {
      assertRestorable(info);
      return info;
    } catch {
      // damaged or from a newer version: try the next older one
    }
  }
  return null;
}

/**
 * The backend while the data file, found damaged (or lost) at start-up, lies moved aside: it answers only the
 * recovery methods (what happened, restore the newest good backup) and refuses everything else with
 * DATABASE_DAMAGED, which sends the renderer to the recovery screen. Once restored, it opens the
 * backend as usual and hands every call to it.
 */
export function openRecovery(dataDir: string, damaged: DamagedDatabaseError, reopen: () => Promise<Backend>): Backend {
  let ready: Backend | null = null;

  async function restoreLatest(call: CallContext): Promise<{ restored: BackupInfo }> {
    const good = newestGood(dataDir);
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
        detail: `启动检查发现数据文件无法使用（${damaged.problem}），${damaged.movedTo ? `原文件已移至 ${basename(damaged.movedTo)}` : '没有可移走的原文件'}；已用备份 ${good.name} 恢复`,
      },
      { userId: null, username: 'recovery', roles: [] },
    );
    return { restored: good };
  }

  const answer = async (method: string, input: unknown, call: CallContext): Promise<Result<unknown>> => {
    if (ready) return ready.dispatch(method, input, call);
    try {
      if (method === 'recovery.status') {
        const status: RecoveryStatus = {
          damaged: true,
          movedTo: damaged.movedTo,
          problem: damaged.problem,
          newestGood: newestGood(dataDir),
        };
        return ok(status);
      }
      if (method === 'recovery.restoreLatest') {
        const parsed = contract[method].input.safeParse(input ?? {});
        if (!parsed.success) return fail('VALIDATION', '请确认恢复后重试。', validationDetails(parsed.error));
        return ok(await restoreLatest(call));
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
