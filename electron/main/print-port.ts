import { writeFile } from 'node:fs/promises';
import { BrowserWindow, dialog, webContents } from 'electron';
import type { Result } from '../../shared/errors';
import type { PrintPort } from './print-methods';

/** Office paper: the page's own `@page` rules (A4, margins, page numbers) decide the layout. */
const PDF_OPTIONS = { pageSize: 'A4', printBackground: true, preferCSSPageSize: true } as const;

/**
 * The print port of one window (`window`: its webContents' id, as the relay names the caller):
 * Electron's printToPDF, print and save dialog on that window, and the audit call relayed to the
 * window's backend (`record`).
 */
export function printPortOf(window: number, record: (input: unknown) => Promise<Result<unknown>>): PrintPort {
  const contents = () => {
    const target = webContents.fromId(window);
    if (!target || target.isDestroyed()) throw new Error('窗口已关闭');
    return target;
  };
  return {
    printToPdf: () => contents().printToPDF(PDF_OPTIONS),
    print: () =>
      new Promise((resolve) => {
        contents().print({ silent: false, printBackground: true }, (success, failureReason) =>
          resolve({ success, failureReason }),
        );
      }),
    async askPath(suggestedName) {
      const owner = BrowserWindow.fromWebContents(contents());
      const options = {
        title: '保存为 PDF',
        defaultPath: suggestedName,
        buttonLabel: '保存',
        filters: [{ name: 'PDF 文件', extensions: ['pdf'] }],
      };
      const answer = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
      return answer.canceled || !answer.filePath ? null : answer.filePath;
    },
    writeFile: (path, bytes) => writeFile(path, bytes),
    record,
  };
}
