import { ElMessage } from 'element-plus';
import { ApiError } from '@/api/client';
import { confirmAction } from '@/composables/confirm';

interface Toggle<T> {
  enabled: boolean;
  /** What it is (行政区划, 承办单位 …) and its name, for the question and the message. */
  noun: string;
  name: string;
  /** What else disabling takes along (a region's subtree), said before the rest. */
  alsoDisables?: string;
  change: () => Promise<T>;
}

/**
 * 停用 / 启用 of a reference entry, asked first: nothing is deleted, a disabled entry stays for the
 * records that name it. Resolves with what the change answered, or null when not changed.
 */
export async function setEnabled<T>({ enabled, noun, name, alsoDisables = '', change }: Toggle<T>): Promise<T | null> {
  const message = enabled
    ? `确定重新启用${noun}“${name}”吗？启用后可供新记录选用。`
    : `确定停用${noun}“${name}”吗？${alsoDisables}停用后不再供新记录选用，已有记录不变，可随时重新启用。`;
  if (!(await confirmAction(message, `${enabled ? '启用' : '停用'}${noun}`, enabled ? '启用' : '停用'))) return null;
  try {
    const changed = await change();
    ElMessage.success(`${noun}“${name}”已${enabled ? '启用' : '停用'}`);
    return changed;
  } catch (failure) {
    if (!(failure instanceof ApiError)) throw failure;
    ElMessage.error(failure.message);
    return null;
  }
}
