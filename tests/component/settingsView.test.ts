import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_BOARD_SETTINGS, type BoardSettings } from '@shared/domain/board/board-settings';
import { DEFAULT_DISPUTE_TIME_LIMITS } from '@shared/domain/disputes/handling';
import SettingsView from '@/features/settings/views/SettingsView.vue';
import { emptyInfo, meWith, signedInPinia } from './helpers/auth';
import { installBridge, removeBridge } from './helpers/fakeBridge';
import { eventually } from './helpers/eventually';

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
  centreName: '',
  disputeTimeLimits: { ...DEFAULT_DISPUTE_TIME_LIMITS, unit: 10 },
};
const COUNTY_INFO = { ...emptyInfo, county: { code: '410122000000', name: '中牟县' } };

/** 系统设置 mounted for an administrator: the settings it reads, and `answers` for what the test saves. */
async function mountSettings(answers: Parameters<typeof installBridge>[0]) {
  const me = meWith(['sysadmin']);
  const bridge = installBridge({
    'settings.get': () => ({ ok: true, data: current }),
    'settings.getWork': () => ({ ok: true, data: WORK }),
    'system.info': () => ({ ok: true, data: COUNTY_INFO }),
    'settings.getBoard': () => ({ ok: true, data: DEFAULT_BOARD_SETTINGS }),
    'auth.me': () => ({ ok: true, data: me }),
    ...answers,
  });
  const wrapper = mount(SettingsView, {
    global: { plugins: [ElementPlus, signedInPinia(me)] },
    attachTo: document.body,
  });
  await flushPromises();
  return { bridge, wrapper };
}

describe('security settings', () => {
  it('shows the four settings with their labels and saves only after confirmation', async () => {
    const { bridge, wrapper } = await mountSettings({
      'settings.update': (input) => ({ ok: true, data: input }),
      'settings.updateWork': (input) => ({ ok: true, data: input }),
    });

    const form = wrapper.get('[data-testid="settings-form"]');
    expect(form.text()).toContain('连续登录失败锁定次数');
    expect(form.text()).toContain('密码有效期（天，0 为不过期）');
    const idle = wrapper.get<HTMLInputElement>('[data-testid="settings-idleMinutes"] input');
    expect(idle.element.value).toBe('30');
    await idle.setValue('10');

    await wrapper.get('[data-testid="settings-submit"]').trigger('click');
    await flushPromises();
    expect(bridge).not.toHaveBeenCalledWith('settings.update', expect.anything());
    const confirm = await eventually(() => document.querySelector<HTMLElement>('.confirm-ok')!);
    expect(document.body.textContent).toContain('确定保存安全设置吗');
    confirm.click();

    await eventually(() => expect(bridge).toHaveBeenCalledWith('settings.update', { ...current, idleMinutes: 10 }));
    await eventually(() => expect(document.body.textContent).toContain('安全设置已保存'));

    const work = wrapper.get('[data-testid="work-settings-form"]');
    expect(work.text()).toContain('临期提醒天数');
    await wrapper.get<HTMLInputElement>('[data-testid="work-settings-dueSoonDays"] input').setValue('7');
    await wrapper.get('[data-testid="work-settings-submit"]').trigger('click');
    await eventually(() => expect(document.body.textContent).toContain('确定保存业务设置吗'));
    const confirmWork = await eventually(() => {
      const buttons = document.querySelectorAll<HTMLElement>('.confirm-ok');
      return buttons[buttons.length - 1]!;
    });
    confirmWork.click();
    await eventually(() =>
      expect(bridge).toHaveBeenCalledWith('settings.updateWork', { dueSoonDays: 7, reReviewIntervalMonths: 6 }),
    );
    await eventually(() => expect(document.body.textContent).toContain('业务设置已保存'));
  });
});

describe('the conclusion mapping (稳评建议结论对照表)', () => {
  it('marks a mapping that is more lenient for a higher level, and saves a valid one after confirmation', async () => {
    const { bridge, wrapper } = await mountSettings({
      'settings.updateConclusionMapping': (input) => ({ ok: true, data: { ...WORK, conclusionMapping: input } }),
    });
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
    await eventually(() =>
      expect(wrapper.get('[data-testid="conclusion-mapping-page"]').text()).toContain(
        '风险等级越高，建议结论不能越宽松：“中”建议“实施”，而“低”建议“暂缓实施”',
      ),
    );
    expect(bridge).not.toHaveBeenCalledWith('settings.updateConclusionMapping', expect.anything());

    await pick('low', '实施');
    await wrapper.get('[data-testid="conclusion-mapping-submit"]').trigger('click');
    const confirm = await eventually(() => document.querySelector<HTMLElement>('.confirm-ok')!);
    confirm.click();
    await eventually(() =>
      expect(bridge).toHaveBeenCalledWith('settings.updateConclusionMapping', {
        high: 'reject',
        medium: 'implement',
        low: 'implement',
      }),
    );
  });
});

describe('the board settings (态势大屏设置)', () => {
  const TOKEN = 'AbCd0123456789efghijklmnopqrstuvwxyzWXYZ-_';
  const BOARD: BoardSettings = {
    ...DEFAULT_BOARD_SETTINGS,
    web: { enabled: true, address: '192.168.1.20', port: 8787, token: TOKEN },
  };

  it('masks the token until shown, and puts the backend’s field errors on the fields', async () => {
    const { bridge, wrapper } = await mountSettings({
      'settings.getBoard': () => ({ ok: true, data: BOARD }),
      'settings.updateBoard': () => ({
        ok: false,
        error: {
          code: 'VALIDATION',
          message: '输入有误，请检查标红的项目',
          details: [{ path: 'web.port', message: '端口 8787 已被其他程序占用，请换一个' }],
        },
      }),
    });

    const card = wrapper.get('[data-testid="board-settings-page"]');
    expect(card.text()).toContain('红色隐患权重');
    expect(card.text()).toContain('半饱和分');
    const address = wrapper.get('[data-testid="board-wall-address"]');
    expect(address.text()).toMatch(/^http:\/\/192\.168\.1\.20:8787\/wall\?token=AbCd•+YZ-_$/);
    expect(card.text()).not.toContain(TOKEN);
    await wrapper.get('[data-testid="board-wall-show"]').trigger('click');
    expect(address.text()).toBe(`http://192.168.1.20:8787/wall?token=${TOKEN}`);

    await wrapper.get('[data-testid="board-settings-submit"]').trigger('click');
    const confirm = await eventually(() => document.querySelector<HTMLElement>('.confirm-ok')!);
    expect(document.body.textContent).toContain('网页模式将在 192.168.1.20:8787 提供大屏页面');
    confirm.click();
    await eventually(() =>
      expect(bridge).toHaveBeenCalledWith('settings.updateBoard', {
        weights: DEFAULT_BOARD_SETTINGS.weights,
        refreshSeconds: 30,
        web: { enabled: true, address: '192.168.1.20', port: 8787, renewToken: false },
      }),
    );
    await eventually(() => expect(card.text()).toContain('端口 8787 已被其他程序占用，请换一个'));
    expect(card.get('[data-testid="board-settings-error"]').text()).toContain('输入有误');
  });
});

describe('the disputes’ time limits', () => {
  it('shows each handling kind with its default, refuses an empty one naming it, and saves after confirmation', async () => {
    const { bridge, wrapper } = await mountSettings({
      'settings.updateDisputeTimeLimits': (input) => ({ ok: true, data: { ...WORK, disputeTimeLimits: input } }),
    });
    const card = wrapper.get('[data-testid="dispute-limits-form"]');
    expect(card.text()).toContain('人民调解委员会');
    expect(card.text()).toContain('默认 30日');
    expect(card.text()).toContain('默认 15日');
    const unit = wrapper.get<HTMLInputElement>('[data-testid="dispute-limits-unit"] input');
    await eventually(() => expect(unit.element.value).toBe('10'));

    const lawyer = wrapper.get<HTMLInputElement>('[data-testid="dispute-limits-lawyer"] input');
    await lawyer.setValue('');
    await lawyer.trigger('change');
    await wrapper.get('[data-testid="dispute-limits-submit"]').trigger('click');
    await eventually(() => expect(card.text()).toContain('请填写“律师调解”的调处时限'));
    expect(bridge).not.toHaveBeenCalledWith('settings.updateDisputeTimeLimits', expect.anything());

    await lawyer.setValue('45');
    await lawyer.trigger('change');
    await wrapper.get('[data-testid="dispute-limits-submit"]').trigger('click');
    await eventually(() => expect(document.body.textContent).toContain('确定保存调处时限吗'));
    const confirm = await eventually(() => {
      const buttons = document.querySelectorAll<HTMLElement>('.confirm-ok');
      return buttons[buttons.length - 1]!;
    });
    confirm.click();
    await eventually(() =>
      expect(bridge).toHaveBeenCalledWith('settings.updateDisputeTimeLimits', {
        ...DEFAULT_DISPUTE_TIME_LIMITS,
        unit: 10,
        lawyer: 45,
      }),
    );
    await eventually(() => expect(document.body.textContent).toContain('调处时限已保存'));
  });
});

describe('centre name', () => {
  it('offers the county’s default, saves the name typed and says what the reports will issue under', async () => {
    const { bridge, wrapper } = await mountSettings({
      'settings.updateCentreName': (input) => ({ ok: true, data: { ...WORK, ...(input as object) } }),
    });

    const input = wrapper.get<HTMLInputElement>('input[data-testid="centre-name"]');
    expect(input.element.placeholder).toBe('中牟县社会治理综合服务中心');
    expect(wrapper.get('[data-testid="centre-name-page"]').text()).toContain('留空则为“中牟县社会治理综合服务中心”');
    await input.setValue('中牟县综治中心');
    await wrapper.get('[data-testid="centre-name-submit"]').trigger('click');
    await eventually(() =>
      expect(bridge).toHaveBeenCalledWith('settings.updateCentreName', { centreName: '中牟县综治中心' }),
    );
    await eventually(() => expect(document.body.textContent).toContain('中心名称已保存：中牟县综治中心'));
  });
});
