import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { afterEach, describe, expect, it } from 'vitest';
import type { Role } from '@shared/domain/roles';
import type { Result } from '@shared/errors';
import RegionsTab from '@/features/admin/components/RegionsTab.vue';
import { emptyInfo, findTestId, meWith, signedInPinia } from './helpers/auth';
import { installBridge, removeBridge } from './helpers/fakeBridge';
import { eventually } from './helpers/eventually';
import { region } from './helpers/regions';

enableAutoUnmount(afterEach);
afterEach(() => {
  removeBridge();
  document.body.innerHTML = '';
});

const COUNTY = { code: '990101000000', name: '演示县' };
const countyInfo = () => ({ ok: true as const, data: { ...emptyInfo, county: COUNTY } });
const TOWNSHIP = region('990101001000', '城关镇', 'township', COUNTY.code);
const VILLAGE = region('990101001001', '北街社区', 'village', TOWNSHIP.code);
/** The regions directly under a parent, as regions.list answers with parentCode. */
const listed = (input: unknown): Result<unknown> => {
  const { parentCode } = input as { parentCode?: string };
  const items = parentCode === COUNTY.code ? [TOWNSHIP] : parentCode === TOWNSHIP.code ? [VILLAGE] : [];
  return { ok: true, data: { items, total: items.length, page: 1, pageSize: 20 } };
};
const rejectedKeyword: Result<never> = {
  ok: false,
  error: {
    code: 'VALIDATION',
    message: '输入有误：“keyword”关键字含有不允许的字符，请修改后重试。',
    details: [{ path: 'keyword', message: '关键字含有不允许的字符，请修改' }],
  },
};

const mountTab = (roles: Role[] = ['sysadmin']) =>
  mount(RegionsTab, {
    global: { plugins: [ElementPlus, signedInPinia(meWith(roles))] },
    attachTo: document.body,
  });

/** The el-form-item that holds the element with this test id. */
const formItemOf = (testId: string) => document.querySelector(`[data-testid="${testId}"]`)!.closest('.el-form-item')!;

/** The message under a form field; Element Plus shows it after a short debounce. */
const fieldMessage = (testId: string) =>
  eventually(() => {
    const message = formItemOf(testId).querySelector('.el-form-item__error');
    if (!message) throw new Error(`${testId} 下没有提示`);
    return message.textContent!.trim();
  });

describe('行政区划', () => {
  it('marks the keyword field with the backend VALIDATION detail for keyword', async () => {
    const bridge = installBridge({
      'system.info': countyInfo,
      'regions.list': (input) => ((input as { keyword?: string }).keyword ? rejectedKeyword : listed(input)),
    });
    const wrapper = mountTab();
    await flushPromises();

    await wrapper.find('input[data-testid="regions-keyword"]').setValue('城关<script>');
    await wrapper.find('form').trigger('submit');
    await flushPromises();

    expect(bridge).toHaveBeenLastCalledWith(
      'regions.list',
      expect.objectContaining({ keyword: '城关<script>', parentCode: COUNTY.code }),
    );
    expect(formItemOf('regions-keyword').classList).toContain('is-error');
    expect(await fieldMessage('regions-keyword')).toBe('关键字含有不允许的字符，请修改');
  });

  it('walks from the county into a township and adds a village there, the code prefilled and checked by the backend', async () => {
    const message = '村/社区代码应为 12 位：乡镇代码前 9 位 + 村/社区 3 位（不为 000），且须在上级 990101001000 之下';
    const bridge = installBridge({
      'system.info': countyInfo,
      'regions.list': listed,
      'regions.create': () => ({
        ok: false,
        error: { code: 'VALIDATION', message, details: [{ path: 'code', message }] },
      }),
    });
    const wrapper = mountTab();
    await flushPromises();
    expect(wrapper.get('[data-testid="regions-path"]').text()).toContain('演示县（县/区）');
    expect(wrapper.get('[data-testid="regions-create"]').text()).toBe('新增乡镇/街道');

    await wrapper.get(`[data-testid="region-open-${TOWNSHIP.code}"]`).trigger('click');
    await flushPromises();
    expect(bridge).toHaveBeenLastCalledWith('regions.list', expect.objectContaining({ parentCode: TOWNSHIP.code }));
    expect(wrapper.get('[data-testid="regions-path"]').text()).toMatch(/演示县\s*›\s*城关镇（乡镇\/街道）/);
    expect(wrapper.get('[data-testid="regions-table"]').text()).toContain('北街社区');

    await wrapper.get('[data-testid="regions-create"]').trigger('click');
    const code = await findTestId<HTMLInputElement>('region-form-code');
    expect(code.value).toBe('990101001');
    code.value = '990101002001';
    code.dispatchEvent(new Event('input'));
    const name = await findTestId<HTMLInputElement>('region-form-name');
    name.value = '新村';
    name.dispatchEvent(new Event('input'));
    (await findTestId('region-form-submit')).click();

    await eventually(() =>
      expect(bridge).toHaveBeenCalledWith('regions.create', {
        parentCode: TOWNSHIP.code,
        code: '990101002001',
        name: '新村',
      }),
    );
    expect(await fieldMessage('region-form-code')).toBe(message);
  });

  it('asks before disabling a township and says its villages and grids go with it', async () => {
    const bridge = installBridge({
      'system.info': countyInfo,
      'regions.list': listed,
      'regions.setEnabled': () => ({ ok: true, data: { ...TOWNSHIP, enabled: false } }),
    });
    const wrapper = mountTab();
    await flushPromises();

    await wrapper.get(`[data-testid="region-${TOWNSHIP.code}-toggle"]`).trigger('click');
    await eventually(() => expect(document.body.textContent).toContain('其下的全部村/社区和网格也将一并停用'));
    expect(bridge).not.toHaveBeenCalledWith('regions.setEnabled', expect.anything());
    document.querySelector<HTMLElement>('.confirm-ok')!.click();
    await eventually(() =>
      expect(bridge).toHaveBeenCalledWith('regions.setEnabled', { code: TOWNSHIP.code, enabled: false }),
    );
    await eventually(() => expect(document.body.textContent).toContain('乡镇/街道“城关镇”已停用'));
  });

  it('counts what a merge takes along, then merges into the township picked, refusals shown on the field', async () => {
    const OTHER = region('990101002000', '南关镇', 'township', COUNTY.code);
    const message = '乡镇/街道“南关镇”已停用，请选择在用的乡镇/街道作为“并入目标”。';
    const bridge = installBridge({
      'system.info': countyInfo,
      'regions.list': (input) =>
        (input as { level?: string }).level
          ? { ok: true, data: { items: [TOWNSHIP, OTHER], total: 2, page: 1, pageSize: 50 } }
          : listed(input),
      'regions.impact': () => ({
        ok: true,
        data: {
          region: TOWNSHIP,
          references: [
            { noun: '下级区划', count: 1 },
            { noun: '信访积案', count: 12 },
            { noun: '风险隐患', count: 0 },
          ],
        },
      }),
      'regions.merge': () => ({
        ok: false,
        error: { code: 'VALIDATION', message, details: [{ path: 'targetCode', message }] },
      }),
    });
    const wrapper = mountTab();
    await flushPromises();

    await wrapper.get(`[data-testid="region-${TOWNSHIP.code}-merge"]`).trigger('click');
    const impact = await findTestId('region-merge-impact');
    await eventually(() => expect(impact.textContent).toMatch(/下级区划 1\s*信访积案 12/));
    expect(impact.textContent).not.toContain('风险隐患');
    expect(document.body.textContent).toContain('随后停用，保留备查，不会删除');

    (await findTestId('region-merge-target')).click();
    const option = await eventually(() => {
      const found = [...document.querySelectorAll<HTMLElement>('.el-select-dropdown__item')].find((item) =>
        item.textContent?.includes('南关镇'),
      );
      if (!found) throw new Error('没有“南关镇”选项');
      return found;
    });
    const offered = [...document.querySelectorAll('.el-select-dropdown__item')].map((item) => item.textContent);
    expect(offered.filter((text) => text?.includes('镇'))).toEqual([`南关镇（${OTHER.code}）`]);
    option.click();
    (await findTestId('region-merge-submit')).click();
    await eventually(() =>
      expect(bridge).toHaveBeenCalledWith('regions.merge', { code: TOWNSHIP.code, targetCode: OTHER.code }),
    );
    expect(await fieldMessage('region-merge-target')).toBe(message);
  });

  it('shows the regions read-only to a user who does not keep the reference data', async () => {
    installBridge({ 'system.info': countyInfo, 'regions.list': listed });
    const wrapper = mountTab(['leader']);
    await flushPromises();

    expect(wrapper.get('[data-testid="regions-table"]').text()).toContain('城关镇');
    expect(wrapper.find('[data-testid="regions-create"]').exists()).toBe(false);
    expect(wrapper.find(`[data-testid="region-${TOWNSHIP.code}-toggle"]`).exists()).toBe(false);
    expect(wrapper.get('[data-testid="regions-table"]').text()).not.toContain('操作');
  });
});
