import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { afterEach, describe, expect, it } from 'vitest';
import type { Result } from '@shared/errors';
import RegionsTab from '@/features/admin/components/RegionsTab.vue';
import { installBridge, removeBridge } from './helpers/fakeBridge';
import { eventually } from './helpers/eventually';

const emptyPage = { ok: true, data: { items: [], total: 0, page: 1, pageSize: 20 } } as const;
const rejectedKeyword: Result<never> = {
  ok: false,
  error: {
    code: 'VALIDATION',
    message: '输入有误：“keyword”关键字含有不允许的字符，请修改后重试。',
    details: [{ path: 'keyword', message: '关键字含有不允许的字符，请修改' }],
  },
};

afterEach(() => {
  removeBridge();
  document.body.innerHTML = '';
});

const mountTab = () => mount(RegionsTab, { global: { plugins: [ElementPlus] }, attachTo: document.body });

/** The el-form-item that holds the element with this test id. */
const formItemOf = (wrapper: ReturnType<typeof mountTab>, testId: string) =>
  wrapper.findAll('.el-form-item').find((item) => item.find(`[data-testid="${testId}"]`).exists())!;

/** The message under a form field; Element Plus shows it after a short debounce. */
const fieldMessage = (wrapper: ReturnType<typeof mountTab>, testId: string) =>
  eventually(() => formItemOf(wrapper, testId).get('.el-form-item__error').text());

describe('region search form', () => {
  it('marks the keyword field with the backend VALIDATION detail for keyword', async () => {
    const bridge = installBridge({
      'regions.list': (input) => ((input as { keyword?: string }).keyword ? rejectedKeyword : emptyPage),
    });
    const wrapper = mountTab();
    await flushPromises();

    await wrapper.find('input[data-testid="regions-keyword"]').setValue('城关<script>');
    await wrapper.find('form').trigger('submit');
    await flushPromises();

    expect(bridge).toHaveBeenLastCalledWith('regions.list', expect.objectContaining({ keyword: '城关<script>' }));
    const keywordItem = formItemOf(wrapper, 'regions-keyword');
    expect(keywordItem.classes()).toContain('is-error');
    expect(await fieldMessage(wrapper, 'regions-keyword')).toBe('关键字含有不允许的字符，请修改');
    expect(formItemOf(wrapper, 'regions-parent').classes()).not.toContain('is-error');
  });

  it('stops a search the shared schema rejects and says why on the field', async () => {
    const bridge = installBridge({ 'regions.list': () => emptyPage });
    const wrapper = mountTab();
    await flushPromises();
    const callsAfterMount = bridge.mock.calls.length;

    await wrapper.find('input[data-testid="regions-parent"]').setValue('4101');
    await wrapper.find('form').trigger('submit');
    await flushPromises();

    expect(bridge.mock.calls.length).toBe(callsAfterMount);
    expect(await fieldMessage(wrapper, 'regions-parent')).toBe('区划代码应为 12 位数字（网格为 15 位），请检查');
  });
});
