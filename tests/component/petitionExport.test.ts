import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ExportProgress } from '@shared/contract/exports';
import type { Role } from '@shared/domain/roles';
import PetitionExportDialog from '@/features/petitions/components/PetitionExportDialog.vue';
import { EXPORT_POLL_MS } from '@/composables/useExportJob';
import { findTestId, meWith, signedInPinia, typeInto } from './helpers/auth';
import { installBridge, removeBridge } from './helpers/fakeBridge';

enableAutoUnmount(afterEach);
afterEach(() => {
  vi.restoreAllMocks();
  removeBridge();
  document.body.innerHTML = '';
});

const JOB = '01900000-0000-7000-8000-00000000e001';
const at = (state: ExportProgress['state'], done: number): ExportProgress => ({
  jobId: JOB,
  state,
  done,
  total: 3,
  message: '',
});
const FILE = { fileName: '积案台账-20261122-010000.xlsx', base64: btoa('xlsx'), rows: 3 };

/** The filters the list applied: its paging is not part of an export. */
const FILTERS = { status: 'resolving', sort: 'receivedDate', direction: 'desc', page: 2, pageSize: 20 };

function mountDialog(roles: Role[]) {
  const createUrl = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:export');
  return {
    wrapper: mount(PetitionExportDialog, {
      props: { filters: FILTERS, total: 3 },
      global: { plugins: [ElementPlus, signedInPinia(meWith(roles))] },
      attachTo: document.body,
    }),
    createUrl,
  };
}

const click = async (testId: string) => {
  (await findTestId(testId)).click();
  await flushPromises();
};

describe('petition export dialog', () => {
  it('exports masked by default, follows the progress and downloads the file', async () => {
    const bridge = installBridge({
      'petitions.exportStart': () => ({ ok: true, data: at('running', 0) }),
      'exports.progress': () => ({ ok: true, data: at('done', 3) }),
      'exports.fetch': () => ({ ok: true, data: FILE }),
    });
    const { createUrl } = mountDialog(['duty_officer']);
    await click('petition-export-start');
    expect((await findTestId('petition-export-progress')).textContent).toContain('已写入 0 / 3 行');
    await vi.waitFor(() => expect(createUrl).toHaveBeenCalledOnce(), { timeout: EXPORT_POLL_MS * 5 });
    await flushPromises();

    expect(bridge.mock.calls.map(([method, input]) => [method, input])).toEqual([
      [
        'petitions.exportStart',
        { status: 'resolving', sort: 'receivedDate', direction: 'desc', unmasked: false, reason: undefined },
      ],
      ['exports.progress', { jobId: JOB }],
      ['exports.fetch', { jobId: JOB }],
    ]);
    expect((await findTestId('petition-export-progress')).textContent).toContain('已写入 3 / 3 行');
    expect((await findTestId('petition-export-done')).textContent).toContain(FILE.fileName);
  });

  it('offers the unmasked export only with personal.reveal, and asks for a reason first', async () => {
    installBridge({});
    mountDialog(['auditor']);
    await findTestId('petition-export-masked');
    expect(document.querySelector('[data-testid="petition-export-unmasked"]')).toBeNull();
    document.body.innerHTML = '';

    const bridge = installBridge({ 'petitions.exportStart': () => ({ ok: true, data: at('done', 3) }) });
    mountDialog(['leader']);
    await click('petition-export-unmasked');
    await click('petition-export-start');
    const reason = await findTestId('petition-export-reason');
    expect(reason.closest('.el-form-item')!.classList).toContain('is-error');
    expect(bridge).not.toHaveBeenCalled();

    typeInto(await findTestId<HTMLInputElement>('petition-export-reason'), '报送县委政法委核对');
    await click('petition-export-start');
    expect(bridge.mock.calls[0]).toEqual([
      'petitions.exportStart',
      expect.objectContaining({ unmasked: true, reason: '报送县委政法委核对' }),
    ]);
  });

  it('shows a failure in Chinese and keeps the choices for another try', async () => {
    const message = '当前筛选没有积案可导出，请调整筛选条件后再试。';
    installBridge({ 'petitions.exportStart': () => ({ ok: false, error: { code: 'NOT_FOUND', message } }) });
    mountDialog(['duty_officer']);
    await click('petition-export-unmasked');
    typeInto(await findTestId<HTMLInputElement>('petition-export-reason'), '核对数据来源');
    await click('petition-export-start');

    expect((await findTestId('petition-export-error')).textContent).toContain(message);
    expect((await findTestId<HTMLInputElement>('petition-export-reason')).value).toBe('核对数据来源');
    expect((await findTestId('petition-export-start')).textContent).toContain('重新导出');
  });
});
