import type { Page } from 'playwright-core';

/** Chooses a workbook in the open import wizard, as the file picker would. */
export async function pickWorkbook(page: Page, name: string, bytes: Buffer): Promise<void> {
  await page.getByTestId('import-file-input').setInputFiles({
    name,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: bytes,
  });
  await page.getByTestId('import-file-name').getByText(name).waitFor();
}
