import { basename } from 'node:path';
import type { MethodName } from '../../shared/contract';
import { printDocumentInput, type PdfSaved, type Printed } from '../../shared/contract/print';
import { validationDetails, validationMessage } from '../../shared/contract/validation';
import { fail, ok, type Result } from '../../shared/errors';

export const PRINT_METHODS: ReadonlySet<MethodName> = new Set(['print.toPdf', 'print.toPrinter']);

/** What main needs to print one window's page: Electron's parts, stubbed in the unit test. */
export interface PrintPort {
  /** The calling window's `webContents.printToPDF`: the page as its print stylesheet shows it. */
  printToPdf(): Promise<Uint8Array>;
  /** The calling window's `webContents.print` with the system's dialog: whether it printed, or why not. */
  print(): Promise<{ success: boolean; failureReason: string }>;
  /** The save dialog for a PDF; null when the user closed it. */
  askPath(suggestedName: string): Promise<string | null>;
  writeFile(path: string, bytes: Uint8Array): Promise<void>;
  /** `print.record` relayed to the backend with the window's session: the audit row. */
  record(input: unknown): Promise<Result<unknown>>;
}

/** A file name from the document's title: no characters a file system refuses. */
export const pdfNameOf = (title: string): string => `${title.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 80)}.pdf`;

/**
 * `print.toPdf` and `print.toPrinter`, which main answers itself: the page's print stylesheet shows
 * only the document of the open preview, so printing the window prints the document. A PDF is
 * written only after its audit row was (a document leaving the system, as an export's hand-over is);
 * paper is recorded once the printer took it. A closed dialog changes nothing.
 */
export async function answerPrintMethod(method: MethodName, input: unknown, port: PrintPort): Promise<Result<unknown>> {
  const parsed = printDocumentInput.safeParse(input ?? {});
  if (!parsed.success) {
    const details = validationDetails(parsed.error);
    return fail('VALIDATION', validationMessage(details), details);
  }
  try {
    if (method === 'print.toPdf') {
      const path = await port.askPath(pdfNameOf(parsed.data.title));
      if (!path) return ok<PdfSaved>({ saved: false, fileName: null });
      const bytes = await port.printToPdf();
      const recorded = await port.record({ ...parsed.data, output: 'pdf' });
      if (!recorded.ok) return recorded;
      await port.writeFile(path, bytes);
      return ok<PdfSaved>({ saved: true, fileName: basename(path) });
    }
    const printed = await port.print();
    if (!printed.success) {
      if (printed.failureReason === 'cancelled') return ok<Printed>({ printed: false });
      return fail('INTERNAL', `打印未完成（${printed.failureReason}），请检查打印机后重试。`);
    }
    const recorded = await port.record({ ...parsed.data, output: 'printer' });
    return recorded.ok ? ok<Printed>({ printed: true }) : recorded;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return fail('INTERNAL', `文书未能输出：${message}。请检查保存位置是否可写后重试，未写入任何文件。`);
  }
}
