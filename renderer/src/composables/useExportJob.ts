import { onScopeDispose, ref, shallowRef } from 'vue';
import type { ExportProgress } from '@shared/contract/exports';
import { call } from '@/api/client';
import { downloadBase64, XLSX_TYPE } from '@/utils/download';

/** How often a running export is asked for its progress. */
export const EXPORT_POLL_MS = 300;

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One export of a ledger: start the job (the ledger's own `<ledger>.exportStart`), poll its
 * progress until it has finished, fetch the file and hand it to the browser's download. Polling
 * stops when the dialog goes. Failures reject with the backend's `ApiError` (its Chinese message),
 * for `useSubmit` to show.
 */
export function useExportJob() {
  const progress = shallowRef<ExportProgress | null>(null);
  const fileName = ref('');
  let disposed = false;
  onScopeDispose(() => (disposed = true));

  async function run(start: () => Promise<ExportProgress>): Promise<void> {
    fileName.value = '';
    progress.value = await start();
    const jobId = progress.value.jobId;
    while (progress.value.state === 'running') {
      await wait(EXPORT_POLL_MS);
      if (disposed) return;
      progress.value = await call('exports.progress', { jobId });
    }
    // A failed job's message comes back from the fetch as the error.
    const file = await call('exports.fetch', { jobId });
    downloadBase64(file.fileName, file.base64, XLSX_TYPE);
    fileName.value = file.fileName;
  }

  return { progress, fileName, run };
}
