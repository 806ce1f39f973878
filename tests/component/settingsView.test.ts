import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { afterEach, describe, expect, it, vi } from 'vitest';
import SettingsView from '@/features/settings/views/SettingsView.vue';
import { meWith, signedInPinia } from './helpers/auth';
import { installBridge, removeBridge } from './helpers/fakeBridge';

enableAutoUnmount(afterEach);
afterEach(() => {
  removeBridge();
  document.body.innerHTML = '';
});

const current = { lockoutThreshold: 5, lockoutMinutes: 15, idleMinutes: 30, passwordExpiryDays: 90 };
const WORK = {
  dueSoonDays: 3,
  reReviewIntervalMonths: 6,
  conclusionMapping: { high: 'reject', medium: 'postpone', low: 'implement' },
};

describe('security settings', () => {
  it('shows the four settings with their labels and saves only after confirmation', async () => {
    const me = meWith(['sysadmin']);
    const bridge = installBridge({
      'settings.get': () => ({ ok: true, data: current }),
      'settings.update': (input) => ({ ok: true, data: input }),
      'settings.getWork': () => ({ ok: true, data: WORK }),
      'settings.updateWork': (input) => ({ ok: true, data: input }),
      'auth.me': () => ({ ok: true, data: me }),
    });
    const wrapper = mount(SettingsView, {
      global: { plugins: [ElementPlus, signedInPinia(me)] },
      attachTo: document.body,
    });
    await flushPromises();

    const form = wrapper.get('[data-testid="settings-form"]');
    expect(form.text()).toContain('连续登录失败锁定次数');
    expect(form.text()).toContain('密码有效期（天，0 为不过期）');
    const idle = wrapper.get<HTMLInputElement>('[data-testid="settings-idleMinutes"] input');
    expect(idle.element.value).toBe('30');
    await idle.setValue('10');

    await wrapper.get('[data-testid="settings-submit"]').trigger('click');
    await flushPromises();
    expect(bridge).not.toHaveBeenCalledWith('settings.update', expect.anything());
    const confirm = await vi.waitFor(() => document.querySelector<HTMLElement>('.confirm-ok')!);
    expect(document.body.textContent).toContain('确定保存安全设置吗');
    confirm.click();

    await vi.waitFor(() => expect(bridge).toHaveBeenCalledWith('settings.update', { ...current, idleMinutes: 10 }));
    await vi.waitFor(() => expect(document.body.textContent).toContain('安全设置已保存'));

    const work = wrapper.get('[data-testid="work-settings-form"]');
    expect(work.text()).toContain('临期提醒天数');
    await wrapper.get<HTMLInputElement>('[data-testid="work-settings-dueSoonDays"] input').setValue('7');
    await wrapper.get('[data-testid="work-settings-submit"]').trigger('click');
    await vi.waitFor(() => expect(document.body.textContent).toContain('确定保存业务设置吗'));
    const confirmWork = await vi.waitFor(() => {
      const buttons = document.querySelectorAll<HTMLElement>('.confirm-ok');
      return buttons[buttons.length - 1]!;
    });
    confirmWork.click();
    await vi.waitFor(() =>
      expect(bridge).toHaveBeenCalledWith('settings.updateWork', { dueSoonDays: 7, reReviewIntervalMonths: 6 }),
    );
    await vi.waitFor(() => expect(document.body.textContent).toContain('业务设置已保存'));
  });
});

describe('the conclusion mapping (稳评建议结论对照表)', () => {
  it('marks a mapping that is more lenient for a higher level, and saves a valid one after confirmation', async () => {
    const me = meWith(['sysadmin']);
    const bridge = installBridge({
      'settings.get': () => ({ ok: true, data: current }),
      'settings.getWork': () => ({ ok: true, data: WORK }),
      'settings.updateConclusionMapping': (input) => ({ ok: true, data: { ...WORK, conclusionMapping: input } }),
      'auth.me': () => ({ ok: true, data: me }),
    });
    const wrapper = mount(SettingsView, {
      global: { plugins: [ElementPlus, signedInPinia(me)] },
      attachTo: document.body,
    });
    await flushPromises();
    const pick = async (level: string, label: string) => {
      const option = wrapper
        .get(`[data-testid="conclusion-mapping-${level}"]`)
        .findAll('label')
        .find((l) => l.text() === label)!;
      await option.get('input').setValue(true);
      await flushPromises();
    };
    await pick('medium', '实施');
    await pick('low', '暂缓实施');
    await wrapper.get('[data-testid="conclusion-mapping-submit"]').trigger('click');
    await flushPromises();
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="conclusion-mapping-page"]').text()).toContain(
        '风险等级越高，建议结论不能越宽松：“中”建议“实施”，而“低”建议“暂缓实施”',
      ),
    );
    expect(bridge).not.toHaveBeenCalledWith('settings.updateConclusionMapping', expect.anything());

    await pick('low', '实施');
    await wrapper.get('[data-testid="conclusion-mapping-submit"]').trigger('click');
    const confirm = await vi.waitFor(() => document.querySelector<HTMLElement>('.confirm-ok')!);
    confirm.click();
    await vi.waitFor(() =>
      expect(bridge).toHaveBeenCalledWith('settings.updateConclusionMapping', {
        high: 'reject',
        medium: 'implement',
        low: 'implement',
      }),
    );
  });
});
