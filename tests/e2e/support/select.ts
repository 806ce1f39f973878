import type { Page } from 'playwright-core';

/**
 * Picks an option of an Element Plus select by its text (the first option when none is given), in
 * that select's own dropdown: the listbox its input controls, as another dropdown that just closed
 * may still be fading out. For a remote select, types `search` first. A click that lands while a
 * dialog is still opening leaves the dropdown shut, or shuts it again: then the select is opened
 * anew, up to three times.
 */
export async function choose(page: Page, testId: string, option?: string, search?: string): Promise<void> {
  const select = page.getByTestId(testId);
  const input = select.locator('input').first();
  for (let attempt = 1; ; attempt += 1) {
    await select.click();
    if (search) await input.fill(search);
    const listbox = await input.getAttribute('aria-controls');
    const items = page.locator(`[id="${listbox}"] .el-select-dropdown__item`, option ? { hasText: option } : {});
    const picked = await items
      .first()
      .click({ timeout: 5000 })
      .then(
        () => true,
        () => false,
      );
    if (picked) return;
    if (attempt === 3) throw new Error(`未能在“${testId}”中选中“${option ?? '第一项'}”`);
  }
}
