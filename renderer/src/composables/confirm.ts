import { ElMessageBox } from 'element-plus';

/**
 * Asks before a consequential action; resolves true when confirmed. The confirm button carries the
 * class `confirm-ok` for end-to-end tests.
 */
export async function confirmAction(message: string, title: string, confirmText: string): Promise<boolean> {
  try {
    await ElMessageBox.confirm(message, title, {
      type: 'warning',
      confirmButtonText: confirmText,
      cancelButtonText: '取消',
      confirmButtonClass: 'confirm-ok',
    });
    return true;
  } catch {
    return false;
  }
}
