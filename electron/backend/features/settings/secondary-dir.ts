import { accessSync, constants, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { AppError } from '../../../../shared/errors';

/**
 * The second location must be an existing, writable folder outside the data folder (a copy on the
 * same disk as the data protects against little): checked when the administrator saves it.
 */
export function assertWritableFolder(dir: string, dataDir: string): void {
  const inside = relative(resolve(dataDir), resolve(dir));
  if (inside === '' || (!inside.startsWith('..') && !inside.includes(':'))) {
    throw new AppError('VALIDATION', '第二备份位置不能在数据文件夹之内，请选择移动硬盘或网络共享上的文件夹。', [
      { path: 'secondaryDir', message: '不能在数据文件夹之内' },
    ]);
  }
  try {
    if (!statSync(dir).isDirectory()) throw new Error('not a folder');
    accessSync(dir, constants.W_OK);
  } catch {
    throw new AppError('VALIDATION', `文件夹“${dir}”不存在或不可写入，请确认移动硬盘或网络共享已连接。`, [
      { path: 'secondaryDir', message: '文件夹不存在或不可写入' },
    ]);
  }
}
