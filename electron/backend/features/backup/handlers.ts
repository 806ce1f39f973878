import type { HandlerMap } from '../../api/types';
import { AppError } from '../../../../shared/errors';
import { runDrill } from './drill';
import { exportKeys } from './keys';
import { inspectBackup, locate } from './inspect';
import { restoreBackup } from './restore';
import { folderOf, overview, runBackup } from './service';

const NOT_DAMAGED = '数据文件完好，无需从损坏中恢复。如需恢复历史数据，请在“系统管理 › 数据备份”中操作。';

export const backupHandlers = {
  'backup.list': (_input, ctx) => overview(ctx),
  'backup.run': (_input, ctx) => runBackup(ctx, 'manual'),
  'backup.inspect': ({ name, location }, ctx) => inspectBackup(locate(folderOf(ctx, location), name), location),
  'backup.restore': (input, ctx) => restoreBackup(ctx, input),
  'backup.drill': (_input, ctx) => runDrill(ctx),
  'backup.exportKeys': (input, ctx) => exportKeys(ctx, input),
  // In the recovery state the backend answers these itself (recovery.ts); here the file is fine.
  'recovery.status': () => ({ damaged: false, movedTo: null, problem: null, newestGood: null, needsKeys: false }),
  'recovery.restoreLatest': () => {
    throw new AppError('CONFLICT', NOT_DAMAGED);
  },
  'recovery.importKeys': () => {
    throw new AppError('CONFLICT', NOT_DAMAGED);
  },
} satisfies HandlerMap<
  | 'backup.list'
  | 'backup.run'
  | 'backup.inspect'
  | 'backup.restore'
  | 'backup.drill'
  | 'backup.exportKeys'
  | 'recovery.status'
  | 'recovery.restoreLatest'
  | 'recovery.importKeys'
>;
