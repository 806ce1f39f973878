import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportLogEntry, ImportPreview } from '@shared/contract/imports';
import ImportDialog from '@/components/import/ImportDialog.vue';
import { findTestId, meWith, signedInPinia } from './helpers/auth';
import { installBridge, removeBridge } from './helpers/fakeBridge';
import { eventually } from './helpers/eventually';

enableAutoUnmount(afterEach);
afterEach(() => {
  removeBridge();
  document.body.innerHTML = '';
});

const FIELDS = [
  { key: 'code', label: '区划代码', required: true },
  { key: 'name', label: '名称', required: true },
];
const SHA = 'a'.repeat(64);

/** The dry run of a workbook whose name column is headed 叫法: unmapped at first, one bad code. */
const unmapped: ImportPreview = {
  kind: 'regions',
  sheets: ['区划', '说明'],
  sheet: '区划',
  headerRow: 2,
  header: [
    { column: 'A', text: '统计用区划代码', field: 'code' },
    { column: 'B', text: '叫法', field: null },
    { column: 'C', text: '备注', field: null },
  ],
  fields: FIELDS,
  rows: 3,
  creates: 0,
  updates: 0,
  unchanged: 0,
  errors: 2,
  warnings: 1,
  problems: [
    { row: null, column: null, field: null, message: '没有找到“名称”列（必填）。', level: 'error' },
    { row: 4, column: 'A', field: '区划代码', message: '“41012210100”格式不对', level: 'error' },
    { row: 5, column: 'C', field: null, message: '备注过长，已截断', level: 'warning' },
  ],
  sha256: SHA,
};
const mapped: ImportPreview = {
  ...unmapped,
  header: [unmapped.header[0]!, { column: 'B', text: '叫法', field: 'name' }, unmapped.header[2]!],
  creates: 2,
  updates: 1,
  errors: 0,
  warnings: 0,
  problems: [],
};
const entry: ImportLogEntry = {
  id: '0199a0b0-0000-7000-8000-000000000001',
  kind: 'regions',
  fileName: '区划.xlsx',
  sha256: SHA,
  sheet: '区划',
  rows: 3,
  creates: 2,
  updates: 1,
  byName: '系统管理员',
  at: '2026-11-22T02:00:00.000Z',
  undoneAt: null,
  undoable: true,
};

const mountDialog = () =>
  mount(ImportDialog, {
    props: { initialKind: 'regions' },
    global: { plugins: [ElementPlus, signedInPinia(meWith(['sysadmin']))] },
    attachTo: document.body,
  });

const byTestId = <T extends HTMLElement = HTMLElement>(testId: string) =>
  document.querySelector<T>(`[data-testid="${testId}"]`);

/** Puts a file in the dialog's hidden file input, as the browser's file dialog does. */
async function pick(file: File): Promise<void> {
  const input = await findTestId<HTMLInputElement>('import-file-input');
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  input.dispatchEvent(new Event('change'));
  await flushPromises();
}

/** Opens an Element Plus select and clicks the option with this text, in that select's own dropdown. */
async function chooseOption(testId: string, text: string): Promise<void> {
  const select = byTestId(testId)!;
  select.querySelector<HTMLElement>('.el-select__wrapper')!.click();
  await flushPromises();
  const listbox = select.querySelector('input')!.getAttribute('aria-controls');
  const option = await eventually(() => {
    const items = document.querySelectorAll<HTMLElement>(`[id="${listbox}"] .el-select-dropdown__item`);
    const found = [...items].find((item) => item.textContent?.trim() === text);
    if (!found) throw new Error(`未找到选项 ${text}`);
    return found;
  });
  option.click();
  await flushPromises();
}

const commitButton = () => byTestId<HTMLButtonElement>('import-commit')!;

describe('the import wizard', () => {
  it('previews the workbook, names each problem by row and column, and imports only once the mapping is fixed', async () => {
    const bridge = installBridge({
      'imports.preview': (input) =>
        (input as { mapping: Record<string, string> }).mapping['叫法'] === 'name'
          ? { ok: true, data: mapped }
          : { ok: true, data: unmapped },
      'imports.commit': () => ({ ok: true, data: entry }),
    });
    const wrapper = mountDialog();
    await flushPromises();
    expect(commitButton().disabled).toBe(true);

    await pick(new File(['PK-bytes'], '区划.xlsx'));
    await eventually(() =>
      expect(bridge).toHaveBeenCalledWith('imports.preview', {
        kind: 'regions',
        fileName: '区划.xlsx',
        base64: btoa('PK-bytes'),
        sheet: undefined,
        mapping: {},
      }),
    );
    await findTestId('import-problems');
    expect(byTestId('import-header-row')!.textContent).toContain('表头在第 2 行');
    expect(byTestId('import-counts')!.textContent).toMatch(/新增 0.*更新 0.*错误 2.*提醒 1/s);
    const rows = [...byTestId('import-problems')!.querySelectorAll('tbody tr')].map((row) =>
      [...row.querySelectorAll('td')].map((cell) => cell.textContent!.trim()),
    );
    expect(rows).toEqual([
      ['—', '—', '—', '错误没有找到“名称”列（必填）。'],
      ['4', 'A', '区划代码', '错误“41012210100”格式不对'],
      ['5', 'C', '—', '提醒备注过长，已截断'],
    ]);
    expect(byTestId('import-problems')!.querySelectorAll('tbody tr.problem-error')).toHaveLength(2);
    expect(byTestId('import-mapping-missing')!.textContent).toContain('名称');
    expect(commitButton().disabled).toBe(true);

    await chooseOption('import-map-B', '名称（必填）');
    await eventually(() =>
      expect(bridge).toHaveBeenLastCalledWith(
        'imports.preview',
        expect.objectContaining({ mapping: { 叫法: 'name' } }),
      ),
    );
    await findTestId('import-no-problems');
    expect(commitButton().disabled).toBe(false);

    commitButton().click();
    await eventually(() => expect(document.body.textContent).toContain('将新增 2 条、更新 1 条行政区划'));
    expect(bridge).not.toHaveBeenCalledWith('imports.commit', expect.anything());
    document.querySelector<HTMLElement>('.confirm-ok')!.click();
    await eventually(() =>
      expect(bridge).toHaveBeenCalledWith('imports.commit', {
        kind: 'regions',
        fileName: '区划.xlsx',
        base64: btoa('PK-bytes'),
        sheet: '区划',
        mapping: { 叫法: 'name' },
        sha256: SHA,
      }),
    );
    await findTestId('import-done');
    expect(byTestId('import-done')!.textContent).toContain('新增 2 条、更新 1 条行政区划');
    expect(wrapper.emitted('imported')).toEqual([[entry]]);
  });

  it('previews another sheet when one is chosen, and a column given a field takes it from the one that had it', async () => {
    const bridge = installBridge({ 'imports.preview': () => ({ ok: true, data: unmapped }) });
    mountDialog();
    await pick(new File(['PK'], '区划.xlsx'));
    await findTestId('import-sheet');

    await chooseOption('import-sheet', '说明');
    await eventually(() =>
      expect(bridge).toHaveBeenLastCalledWith('imports.preview', expect.objectContaining({ sheet: '说明' })),
    );
    await chooseOption('import-map-C', '区划代码（必填）');
    await eventually(() =>
      expect(bridge).toHaveBeenLastCalledWith(
        'imports.preview',
        expect.objectContaining({ sheet: '说明', mapping: { 备注: 'code', 统计用区划代码: '' } }),
      ),
    );
  });

  it('says why a file cannot be read, and offers no import', async () => {
    const message = '这不是 Excel 工作簿（.xlsx）。如为旧版 .xls，请在 Excel 中另存为 .xlsx 后再导入。';
    installBridge({ 'imports.preview': () => ({ ok: false, error: { code: 'VALIDATION', message } }) });
    mountDialog();
    await pick(new File(['plain text'], '台账.xls'));
    await eventually(() => expect(byTestId('import-preview-error')!.textContent).toContain(message));
    expect(byTestId('import-preview')).toBeNull();
    expect(commitButton().disabled).toBe(true);
  });

  it('says when only the first problems are listed', async () => {
    // The backend lists the first 500; the counts say how many in all.
    installBridge({ 'imports.preview': () => ({ ok: true, data: { ...unmapped, errors: 700, warnings: 20 } }) });
    mountDialog();
    await pick(new File(['PK'], '大表.xlsx'));
    await eventually(() =>
      expect(byTestId('import-problems-truncated')!.textContent).toContain('共 720 处问题，仅显示前 500 条'),
    );
    expect(document.body.textContent).toContain('有 700 处错误，改正后才能导入');
  });
});
