import { PRINT_DOCUMENT_LABELS, PRINT_OUTPUT_LABELS, type printRecordInput } from '../../../../shared/contract/print';
import { AppError } from '../../../../shared/errors';
import type { z } from 'zod';
import type { HandlerMap } from '../../api/types';
import { appendAudit } from '../../audit/writer';

type PrintRecord = z.output<typeof printRecordInput>;

/** The audit row of a document leaving the system on paper or as a PDF, as an export's hand-over is. */
export const printDetail = (input: PrintRecord): string =>
  [
    `${PRINT_DOCUMENT_LABELS[input.document]}《${input.title}》`,
    PRINT_OUTPUT_LABELS[input.output],
    input.rows === undefined ? '' : `${input.rows} 行`,
  ]
    .filter(Boolean)
    .join('，');

const DESKTOP_ONLY = '网页模式请在打印预览中点“打印”，由浏览器打印或另存为 PDF。';

export const printingHandlers = {
  'print.record': (input, ctx) => {
    appendAudit(ctx, {
      action: `print.${input.output}`,
      entity: input.entity ?? input.document,
      entityId: input.recordId,
      detail: printDetail(input),
    });
    return { recorded: true as const };
  },
  // The desktop's main answers these itself (it holds the window to print); a browser prints on its own.
  'print.toPdf': () => {
    throw new AppError('FORBIDDEN', DESKTOP_ONLY);
  },
  'print.toPrinter': () => {
    throw new AppError('FORBIDDEN', DESKTOP_ONLY);
  },
} satisfies HandlerMap<'print.record' | 'print.toPdf' | 'print.toPrinter'>;
