import { ElMessage } from 'element-plus';
import type { PrintDocument } from '@shared/contract/print';
import { call } from '@/api/client';

/** What is printed, for the audit row (`print.record`) and the PDF's file name. */
export interface PrintJob {
  document: PrintDocument;
  title: string;
  /** The ledger key of the one record shown (petition, hazard, assessment). */
  entity?: string;
  recordId?: string;
  /** A list's rows. */
  rows?: number;
}

/** The desktop app has the bridge; a browser prints the page itself. */
const onDesktop = (): boolean => typeof window !== 'undefined' && !!window.zz;

/** The browser's print of the page (only the preview's document shows on paper), its title as the file name. */
function browserPrint(title: string): void {
  const before = document.title;
  document.title = title;
  try {
    window.print();
  } finally {
    document.title = before;
  }
}

/** 打印: the system's print dialog on the desktop; the browser's elsewhere. Recorded in the audit log either way. */
export async function printOnPaper(job: PrintJob): Promise<void> {
  if (onDesktop()) {
    const { printed } = await call('print.toPrinter', job);
    if (printed) ElMessage.success('已送往打印机');
    return;
  }
  await call('print.record', { ...job, output: 'browser' });
  browserPrint(job.title);
}

/** 保存为 PDF: a file the user picks on the desktop; in a browser, its print dialog's 另存为 PDF. */
export async function saveAsPdf(job: PrintJob): Promise<void> {
  if (onDesktop()) {
    const { saved, fileName } = await call('print.toPdf', job);
    if (saved) ElMessage.success(`已保存为 ${fileName}`);
    return;
  }
  ElMessage.info({ message: '请在打印对话框的“目标打印机”中选择“另存为 PDF”。', duration: 6000 });
  await call('print.record', { ...job, output: 'browser' });
  browserPrint(job.title);
}
