import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { afterEach, describe, expect, it } from 'vitest';
import type { BoundaryImportReport } from '@shared/contract/board';
import { BOUNDARY_MAX_BYTES, BOUNDARY_SIZE_MESSAGE } from '@shared/domain/board/boundary';
import BoundaryView from '@/features/boundary/views/BoundaryView.vue';
import { installBridge, removeBridge } from './helpers/fakeBridge';
import { eventually } from './helpers/eventually';

enableAutoUnmount(afterEach);
afterEach(() => {
  removeBridge();
  document.body.innerHTML = '';
});

const FILE = JSON.stringify({
  type: 'FeatureCollection',
  features: [{ type: 'Feature', properties: { XZQDM: '999901001000', XZQMC: '东镇' }, geometry: null }],
});
const REPORT: BoundaryImportReport = {
  featureCount: 1,
  matched: [{ code: '999901001000', name: '东镇', featureValue: '999901001000' }],
  unmatchedFeatures: [],
  townshipsWithoutFeature: [{ code: '999901002000', name: '西街道' }],
};

/** Puts a file in the page's hidden file input, as the browser's file dialog does. */
async function pick(wrapper: ReturnType<typeof mount>, file: File): Promise<void> {
  const input = wrapper.get<HTMLInputElement>('[data-testid="boundary-file-input"]');
  Object.defineProperty(input.element, 'files', { value: [file], configurable: true });
  await input.trigger('change');
}

describe('乡镇边界', () => {
  it('refuses a file over the limit before reading or sending it', async () => {
    const bridge = installBridge({ 'board.boundary': () => ({ ok: true, data: null }) });
    const wrapper = mount(BoundaryView, { global: { plugins: [ElementPlus] }, attachTo: document.body });
    await flushPromises();
    expect(wrapper.get('[data-testid="boundary-current"]').text()).toContain('尚未导入乡镇边界');

    const huge = new File([new Uint8Array(BOUNDARY_MAX_BYTES + 1)], '全省边界.geojson');
    await pick(wrapper, huge);
    await eventually(() => expect(document.querySelector('.el-message')?.textContent).toContain(BOUNDARY_SIZE_MESSAGE));
    expect(wrapper.find('[data-testid="boundary-file-name"]').exists()).toBe(false);
    expect(bridge).toHaveBeenCalledTimes(1);
  });

  it('takes the code property from the file’s own names, checks by code and shows the match report', async () => {
    const bridge = installBridge({
      'board.boundary': () => ({ ok: true, data: null }),
      'board.importBoundaryPreview': () => ({ ok: true, data: REPORT }),
    });
    const wrapper = mount(BoundaryView, { global: { plugins: [ElementPlus] }, attachTo: document.body });
    await flushPromises();

    await wrapper.get('[data-testid="boundary-match-by"]').findAll('input')[1]!.setValue(true);
    await pick(wrapper, new File([FILE], '乡镇.geojson'));
    await eventually(() =>
      expect(wrapper.get('[data-testid="boundary-file-name"]').text()).toMatch(/乡镇\.geojson（\d+ B）/),
    );
    await wrapper.get('[data-testid="boundary-file-form"]').trigger('submit');
    await eventually(() =>
      expect(bridge).toHaveBeenCalledWith('board.importBoundaryPreview', {
        geojson: FILE,
        property: 'XZQDM',
        matchBy: 'code',
        assignments: {},
      }),
    );
    await eventually(() => wrapper.get('[data-testid="boundary-report"]'));
    expect(wrapper.get('[data-testid="boundary-report-matched"]').text()).toContain('东镇');
    expect(wrapper.get('[data-testid="boundary-report-missing"]').text()).toContain('西街道');
    expect(wrapper.get('[data-testid="boundary-crs"]').element).toHaveProperty('value', 'CGCS2000');
  });

  it('lists every problem the backend found in the file, and switches the property with what it holds', async () => {
    const problems = ['第 1 个要素（东镇）的边界环没有闭合', '第 2 个要素（西街道）的坐标为空'];
    installBridge({
      'board.boundary': () => ({ ok: true, data: null }),
      'board.importBoundaryPreview': () => ({
        ok: false,
        error: {
          code: 'VALIDATION',
          message: `边界文件有误：${problems[0]}（另有 1 处问题）。`,
          details: problems.map((message) => ({ path: 'geojson', message })),
        },
      }),
    });
    const wrapper = mount(BoundaryView, { global: { plugins: [ElementPlus] }, attachTo: document.body });
    await flushPromises();
    await pick(wrapper, new File([FILE], '乡镇.geojson'));
    await eventually(() => wrapper.get('[data-testid="boundary-file-name"]'));
    expect(wrapper.get('[data-testid="boundary-property"]').text()).toContain('XZQMC');
    await wrapper.get('[data-testid="boundary-match-by"]').findAll('input')[1]!.setValue(true);
    await flushPromises();
    expect(wrapper.get('[data-testid="boundary-property"]').text()).toContain('XZQDM');

    await wrapper.get('[data-testid="boundary-file-form"]').trigger('submit');
    const shown = await eventually(() => wrapper.get('[data-testid="boundary-check-error"] ol'));
    expect(shown.findAll('li').map((li) => li.text())).toEqual(problems);
    expect(wrapper.get('[data-testid="boundary-check-error"]').text()).toContain('另有 1 处问题');
  });
});
