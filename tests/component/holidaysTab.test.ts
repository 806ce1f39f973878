import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryHistory } from 'vue-router';
import type { HolidayEntry } from '@shared/contract/holidays';
import type { Role } from '@shared/domain/roles';
import { createAppRouter } from '@/app/router';
import HolidaysTab from '@/features/admin/components/HolidaysTab.vue';
import { meWith, signedInPinia } from './helpers/auth';
import { installBridge, removeBridge } from './helpers/fakeBridge';

enableAutoUnmount(afterEach);
afterEach(() => {
  removeBridge();
  document.body.innerHTML = '';
});

const NATIONAL_DAY: HolidayEntry[] = [
  { date: '2026-10-01', kind: 'holiday', name: '国庆节' },
  { date: '2026-10-10', kind: 'workday', name: '国庆节调休上班' },
];

function mountTab(roles: Role[]) {
  const invoke = installBridge({
    'holidays.status': () => ({ ok: true, data: { today: '2026-11-22', missingYears: [2027] } }),
    'holidays.list': () => ({ ok: true, data: NATIONAL_DAY }),
    'holidays.workingDayLimit': () => ({
      ok: true,
      data: { due: '2027-01-04', weekendsOnly: true, unenteredYears: [2027] },
    }),
  });
  const wrapper = mount(HolidaysTab, {
    // The app's routes: the alert links to 基础数据 by route name.
    global: { plugins: [ElementPlus, signedInPinia(meWith(roles)), createAppRouter(createMemoryHistory())] },
    attachTo: document.body,
  });
  return { wrapper, invoke };
}

describe('the holiday calendar tab', () => {
  it('lists the year’s days with weekday and kind, warns that next year is missing, and edits for the administrator', async () => {
    const { wrapper } = mountTab(['sysadmin']);
    await flushPromises();
    expect(wrapper.get('[data-testid="calendar-alert"]').text()).toContain('2027 年的节假日安排尚未录入');
    expect(wrapper.get('[data-testid="calendar-alert-open"]').text()).toBe('去录入节假日');
    const rows = wrapper.findAll('[data-testid="holidays-table"] tbody tr').map((row) => row.text());
    expect(rows[0]).toContain('2026-10-01');
    expect(rows[0]).toContain('周四');
    expect(rows[0]).toContain('放假');
    expect(rows[1]).toContain('周六');
    expect(rows[1]).toContain('调休上班');
    expect(wrapper.get('[data-testid="holidays-summary"]').text()).toBe('放假 1 天，调休上班 1 天');
    expect(wrapper.find('[data-testid="holiday-create"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="holiday-edit-2026-10-01"]').exists()).toBe(true);
  });

  it('is read-only without settings.manage, and a trial limit into an unentered year says it counted weekends only', async () => {
    const { wrapper, invoke } = mountTab(['duty_officer']);
    await flushPromises();
    expect(wrapper.find('[data-testid="holiday-create"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="holiday-edit-2026-10-01"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="calendar-alert"]').text()).toContain('请联系系统管理员');
    await wrapper.get('[data-testid="holiday-trial"] input').setValue('2026-12-28');
    await flushPromises();
    await wrapper.get('[data-testid="holiday-trial-submit"]').trigger('click');
    await flushPromises();
    expect(invoke).toHaveBeenCalledWith('holidays.workingDayLimit', { from: '2026-12-28', days: 5 });
    expect(wrapper.get('[data-testid="working-day-due"]').text()).toContain('2027-01-04');
    expect(wrapper.get('[data-testid="weekends-only"]').text()).toBe('2027 年节假日未录入，仅按周末计算');
  });
});
