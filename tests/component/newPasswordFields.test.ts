import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { afterEach, describe, expect, it } from 'vitest';
import { defineComponent, reactive } from 'vue';
import NewPasswordFields from '@/components/NewPasswordFields.vue';
import { typeInto } from './helpers/auth';

enableAutoUnmount(afterEach);

/** The fields in a form, as the pages use them; `confirm` left out when the page asks only once. */
function mountFields(options: { confirm: boolean; required?: boolean }) {
  const model = reactive({ password: '', confirm: '' });
  const Page = defineComponent({
    components: { NewPasswordFields },
    setup: () => ({ model, options }),
    template: `
      <el-form>
        <NewPasswordFields
          v-if="options.confirm"
          v-model:password="model.password"
          v-model:confirm="model.confirm"
          label="新密码"
          username="liuyang"
          :required="options.required"
          confirm-error="两次输入的密码不一致"
          test-id="page-new"
          confirm-test-id="page-confirm"
        />
        <NewPasswordFields v-else v-model:password="model.password" label="初始密码" test-id="page-new">
          <div data-testid="page-hint">提示</div>
        </NewPasswordFields>
      </el-form>`,
  });
  return { model, wrapper: mount(Page, { global: { plugins: [ElementPlus] } }) };
}

const input = (wrapper: ReturnType<typeof mount>, testId: string) =>
  wrapper.find<HTMLInputElement>(`[data-testid="${testId}"]`);

describe('new password fields', () => {
  it('binds both fields to the form under the test ids given, the second labelled 确认 + the label', async () => {
    const { model, wrapper } = mountFields({ confirm: true, required: true });
    typeInto(input(wrapper, 'page-new').element, 'liuyang1');
    typeInto(input(wrapper, 'page-confirm').element, 'other');
    await flushPromises();

    expect(model).toEqual({ password: 'liuyang1', confirm: 'other' });
    const labels = wrapper.findAll('.el-form-item__label').map((label) => label.text());
    expect(labels).toEqual(['新密码', '确认新密码']);
    expect(wrapper.findAll('.el-form-item.is-required')).toHaveLength(2);
    expect(wrapper.find('[data-testid="password-problems"]').text()).toContain('密码不能包含用户名');
    const confirmItem = wrapper.findAll('.el-form-item')[1];
    expect(confirmItem?.classes()).toContain('is-error');
  });

  it('asks once when no confirmation is bound, with the slot under the policy and no required mark', () => {
    const { wrapper } = mountFields({ confirm: false });
    expect(wrapper.findAll('input')).toHaveLength(1);
    expect(input(wrapper, 'page-new').exists()).toBe(true);
    expect(wrapper.find('[data-testid="page-hint"]').exists()).toBe(true);
    expect(wrapper.find('.el-form-item.is-required').exists()).toBe(false);
  });
});
