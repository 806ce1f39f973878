import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ok, fail, type Result } from '../../shared/errors';
import { signInAs, signInAdmin, testBackend } from '../helpers/backend';
import { tempDir } from '../helpers/temp-dir';

// Electron's parts as small fakes: one window whose page prints to a known PDF, and a save dialog.
const fakes = vi.hoisted(() => {
  const calls: string[] = [];
  const state = { savePath: null as string | null, printResult: { success: true, failureReason: '' } };
  const contents = {
    isDestroyed: () => false,
    printToPDF: (options: unknown) => {
      calls.push(`printToPDF ${JSON.stringify(options)}`);
      return Promise.resolve(Buffer.from('%PDF-1.7 文书'));
    },
    print: (options: unknown, done: (success: boolean, reason: string) => void) => {
      calls.push(`print ${JSON.stringify(options)}`);
      done(state.printResult.success, state.printResult.failureReason);
    },
  };
  const owner = { id: 'owner' };
  return { calls, state, contents, owner };
});

vi.mock('electron', () => ({
  webContents: { fromId: (id: number) => (id === 7 ? fakes.contents : undefined) },
  BrowserWindow: { fromWebContents: () => fakes.owner },
  dialog: {
    showSaveDialog: (owner: unknown, options: { defaultPath: string }) => {
      fakes.calls.push(`save ${options.defaultPath} ${owner === fakes.owner ? 'owned' : 'free'}`);
      return Promise.resolve({ canceled: fakes.state.savePath === null, filePath: fakes.state.savePath ?? '' });
    },
  },
}));

const { answerPrintMethod, pdfNameOf } = await import('../../electron/main/print-methods');
const { printPortOf } = await import('../../electron/main/print-port');

const DOCUMENT = { document: 'assignment', title: '交办单 XF2026-000001', entity: 'petition' } as const;

beforeEach(() => {
  fakes.calls.length = 0;
  fakes.state.savePath = null;
  fakes.state.printResult = { success: true, failureReason: '' };
});

describe('main prints the calling window', () => {
  it('saves the page as an A4 PDF where the user chose, after the audit row', async () => {
    const dir = tempDir();
    fakes.state.savePath = join(dir, '交办单.pdf');
    const records: unknown[] = [];
    const record = (input: unknown): Promise<Result<unknown>> => {
      records.push(input);
      // The file is not written before the audit row is.
      expect(existsSync(fakes.state.savePath!)).toBe(false);
      return Promise.resolve(ok({ recorded: true }));
    };
    const answer = await answerPrintMethod('print.toPdf', DOCUMENT, printPortOf(7, record));
    expect(answer).toEqual({ ok: true, data: { saved: true, fileName: '交办单.pdf' } });
    expect(readFileSync(fakes.state.savePath, 'utf8')).toBe('%PDF-1.7 文书');
    expect(records).toEqual([{ ...DOCUMENT, output: 'pdf' }]);
    expect(fakes.calls).toEqual([
      'save 交办单_XF2026-000001.pdf owned',
      'printToPDF {"pageSize":"A4","printBackground":true,"preferCSSPageSize":true}',
    ]);
  });

  it('writes and records nothing when the save dialog is closed', async () => {
    const record = vi.fn();
    const answer = await answerPrintMethod('print.toPdf', DOCUMENT, printPortOf(7, record));
    expect(answer).toEqual({ ok: true, data: { saved: false, fileName: null } });
    expect(record).not.toHaveBeenCalled();
    expect(fakes.calls.some((line) => line.startsWith('printToPDF'))).toBe(false);
  });

  it('writes no file when the backend refuses the audit row', async () => {
    const dir = tempDir();
    fakes.state.savePath = join(dir, 'refused.pdf');
    const refused = fail('UNAUTHENTICATED', '登录已过期，请重新登录。');
    const answer = await answerPrintMethod(
      'print.toPdf',
      DOCUMENT,
      printPortOf(7, () => Promise.resolve(refused)),
    );
    expect(answer).toEqual(refused);
    expect(existsSync(fakes.state.savePath)).toBe(false);
  });

  it('prints with the system dialog and records paper only once printed', async () => {
    const record = vi.fn(() => Promise.resolve(ok({ recorded: true })));
    expect(await answerPrintMethod('print.toPrinter', DOCUMENT, printPortOf(7, record))).toEqual({
      ok: true,
      data: { printed: true },
    });
    expect(record).toHaveBeenCalledWith({ ...DOCUMENT, output: 'printer' });
    expect(fakes.calls).toEqual(['print {"silent":false,"printBackground":true}']);

    record.mockClear();
    fakes.state.printResult = { success: false, failureReason: 'cancelled' };
    expect(await answerPrintMethod('print.toPrinter', DOCUMENT, printPortOf(7, record))).toEqual({
      ok: true,
      data: { printed: false },
    });
    fakes.state.printResult = { success: false, failureReason: 'Print job failed' };
    const failed = await answerPrintMethod('print.toPrinter', DOCUMENT, printPortOf(7, record));
    expect(failed).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL', message: expect.stringContaining('打印未完成') },
    });
    expect(record).not.toHaveBeenCalled();
  });

  it('refuses a malformed document naming the field, touching nothing', async () => {
    const record = vi.fn();
    const answer = await answerPrintMethod('print.toPdf', { document: 'letter', title: '' }, printPortOf(7, record));
    expect(answer).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const paths = !answer.ok ? (answer.error.details ?? []).map((d) => d.path) : [];
    expect(paths).toEqual(expect.arrayContaining(['document', 'title']));
    expect(fakes.calls).toEqual([]);
    expect(record).not.toHaveBeenCalled();
  });

  it('reports a window already closed as nothing written', async () => {
    fakes.state.savePath = join(tempDir(), 'gone.pdf');
    const answer = await answerPrintMethod('print.toPdf', DOCUMENT, printPortOf(8, vi.fn()));
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL', message: expect.stringContaining('窗口已关闭') },
    });
  });

  it('names the file after the title without characters a file system refuses', () => {
    expect(pdfNameOf('值班表 2026年12月 / 综治中心')).toBe('值班表_2026年12月_综治中心.pdf');
  });
});

describe('the audit row of a printed document', () => {
  it('is written by print.record for any signed-in user, and the desktop-only methods are refused in web mode', async () => {
    const backend = await testBackend();
    const admin = await signInAdmin(backend);
    const officer = await signInAs(backend, admin, ['duty_officer']);
    const recorded = await backend.call(
      'print.record',
      { document: 'ledger', title: '信访积案台账', output: 'browser', rows: 42 },
      officer.client,
    );
    expect(recorded).toEqual({ ok: true, data: { recorded: true } });
    const rows = backend.services.sql.db
      .prepare("SELECT action, entity, detail, result FROM audit_log WHERE action LIKE 'print.%'")
      .all();
    expect(rows).toEqual([
      {
        action: 'print.browser',
        entity: 'ledger',
        detail: '台账列表《信访积案台账》，浏览器打印，42 行',
        result: 'success',
      },
    ]);
    const web = await backend.call('print.toPdf', { document: 'duty', title: '值班表' }, officer.client);
    expect(web).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('浏览器') } });
  });
});
