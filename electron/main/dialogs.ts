import { app, BrowserWindow, dialog, webContents } from 'electron';
import { eventChannel, type BridgeEvent } from '../preload/channels';

export function showAbout(): void {
  void dialog.showMessageBox({
    type: 'info',
    title: '关于综治工作台',
    message: `综治工作台 ${app.getVersion()}`,
    detail: `县级综治中心工作台：信访积案、风险台账、态势大屏。数据只保存在本机。\n数据文件夹：${app.getPath('userData')}`,
    buttons: ['确定'],
  });
}

/** Tells every page (event `host-fatal`) and the user (a dialog) that the data cannot be used. */
export function reportHostFatal(message: string): void {
  for (const win of BrowserWindow.getAllWindows()) win.webContents.send(eventChannel('host-fatal'), { message });
  void dialog.showMessageBox({
    type: 'error',
    title: '数据服务出错',
    message: '综治工作台无法使用数据',
    detail: message,
    buttons: ['确定'],
  });
}

function sendTo(window: number, event: BridgeEvent, payload: unknown): void {
  const target = webContents.fromId(window);
  if (target && !target.isDestroyed()) target.send(eventChannel(event), payload);
}

/** A change the data host found for one window's session (event `live`); a closed window is skipped. */
export function relayLive(window: number, change: unknown): void {
  sendTo(window, 'live', change);
}

/** Client mode: the window's change feed lost the centre server or reached it again (event `reach`). */
export function relayReach(window: number, reached: boolean): void {
  sendTo(window, 'reach', { reached });
}
