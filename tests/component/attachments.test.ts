import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { afterEach, describe, expect, it } from 'vitest';
import type { AttachmentMeta } from '@shared/contract/attachments';
import { ATTACHMENT_MAX_BYTES } from '@shared/domain/attachments';
import AttachmentList from '@/ledger/attachments/AttachmentList.vue';
import AttachmentUpload from '@/ledger/attachments/AttachmentUpload.vue';
import { findTestId, meWith, signedInPinia } from './helpers/auth';
import { installBridge, removeBridge } from './helpers/fakeBridge';
import { eventually } from './helpers/eventually';

enableAutoUnmount(afterEach);
afterEach(() => {
  removeBridge();
  document.body.innerHTML = '';
});

const CASE_ID = '1f2e3d4c-5b6a-4789-8abc-def012345678';

const meta = (over: Partial<AttachmentMeta>): AttachmentMeta => ({
  id: '0193a000-0000-7000-8000-000000000001',
  entity: 'petition',
  entityId: CASE_ID,
  purpose: 'material',
  fileName: '现场照片.png',
  mime: 'image/png',
  size: 2048,
  sha256: 'ab'.repeat(32),
  uploadedByName: '王值班',
  uploadedAt: '2026-11-22T02:00:00.000Z',
  closeOutIds: [],
  ...over,
});

const global = { plugins: [ElementPlus, signedInPinia(meWith(['duty_officer']))] };

/** Picks files in the hidden file input, as the browser's file dialog would. */
async function pick(files: File[]): Promise<void> {
  const input = await findTestId<HTMLInputElement>('attachment-upload-input');
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  input.dispatchEvent(new Event('change'));
  await flushPromises();
}

describe('attachment list', () => {
  it('shows each file with its type, size and uploader, marks close-out evidence, and says why a download is refused', async () => {
    const bridge = installBridge({
      'attachments.list': () => ({
        ok: true,
        data: [
          meta({}),
          meta({
            id: '0193a000-0000-7000-8000-000000000002',
            fileName: '息诉罢访协议.pdf',
            mime: 'application/pdf',
            size: 3 * 1024 * 1024,
            purpose: 'evidence',
            closeOutIds: ['c1'],
          }),
        ],
      }),
      'attachments.read': () => ({
        ok: false,
        error: { code: 'CONFLICT', message: '附件“现场照片.png”的文件与上传时不一致（SHA-256 校验不符）' },
      }),
    });
    mount(AttachmentList, {
      props: { entity: 'petition', entityId: CASE_ID, canUpload: false, version: 0 },
      global,
      attachTo: document.body,
    });
    const table = await findTestId('attachment-table');
    await eventually(() => expect(table.textContent).toContain('息诉罢访协议.pdf'));
    const rows = [...table.querySelectorAll('tbody tr')].map((tr) => tr.textContent);
    expect(rows[0]).toMatch(/现场照片\.png.*PNG 图片.*2 KB.*王值班/);
    expect(rows[1]).toMatch(/息诉罢访协议\.pdf.*销号依据.*PDF.*3\.0 MB/);
    expect(document.querySelector('[data-testid="attachment-upload-button"]')).toBeNull();

    document.querySelector<HTMLElement>('[data-testid="attachment-download"]')!.click();
    await eventually(() => expect(document.body.textContent).toContain('SHA-256 校验不符'));
    expect(bridge).toHaveBeenCalledWith('attachments.read', { id: '0193a000-0000-7000-8000-000000000001' });
  });
});

describe('attachment upload', () => {
  const mountUpload = () =>
    mount(AttachmentUpload, {
      props: { entity: 'petition', entityId: CASE_ID, purpose: 'evidence', label: '上传证据文件' },
      global,
      attachTo: document.body,
    });

  it('refuses a file over the limit before sending it, naming the file', async () => {
    const bridge = installBridge({});
    mountUpload();
    await pick([new File([new Uint8Array(ATTACHMENT_MAX_BYTES + 1)], '扫描件.pdf')]);
    await eventually(() => expect(document.body.textContent).toContain('文件“扫描件.pdf”超过 20 MB 上限'));
    expect(bridge).not.toHaveBeenCalled();
  });

  it('sends the file’s bytes as base64 with its name and hands back what the backend stored', async () => {
    const stored = meta({ purpose: 'evidence' });
    const bridge = installBridge({ 'attachments.upload': () => ({ ok: true, data: stored }) });
    const wrapper = mountUpload();
    await pick([new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], '现场照片.png', { type: 'image/png' })]);
    await eventually(() => expect(wrapper.emitted('uploaded')).toEqual([[stored]]));
    expect(bridge).toHaveBeenCalledWith('attachments.upload', {
      entity: 'petition',
      entityId: CASE_ID,
      purpose: 'evidence',
      fileName: '现场照片.png',
      base64: 'iVBORw==',
    });
  });
});
