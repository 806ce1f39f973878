import { ElMessageBox } from 'element-plus';

/**
 * Asks before a consequential action; resolves true when confirmed. The confirm button carries the
 * class `confirm-ok` for end-to-end tests, the cancel button `confirm-cancel`.
 */
export async function confirmAction(
  message: string,
  title: string,
  confirmText: string,
  cancelText = '取消',
): Promise<boolean> {
  try {
    await ElMessageBox.confirm(message, title, {
      type: 'warning',
      confirmButtonText: confirmText,
      cancelButtonText: cancelText,
      confirmButtonClass: 'confirm-ok',
      cancelButtonClass: 'confirm-cancel',
    });
    return true;
  } catch {
    return false;
  }
}
