import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { afterEach, describe, expect, it } from 'vitest';
import type { DutyDay } from '@shared/contract/duty';
import { addDays } from '@shared/domain/ledger/calendar';
import DutyView from '@/features/duty/views/DutyView.vue';
import { formatDate } from '@/utils/datetime';
import { installBridge, removeBridge } from './helpers/fakeBridge';
import { eventually } from './helpers/eventually';

enableAutoUnmount(afterEach);
afterEach(() => {
  removeBridge();
  document.body.innerHTML = '';
});

const today = formatDate(new Date());
const TODAY: DutyDay = {
  date: today,
  entries: [
    { role: 'leader', name: '陈带班', phone: '13812345678' },
    { role: 'officer', name: '李值班', phone: null },
  ],
};

const dialogText = () => document.querySelector('[data-testid="duty-dialog"]')?.textContent ?? '';

describe('值班表', () => {
  it('lists a week with phones masked, and saves an edited day only when every name is filled', async () => {
    const bridge = installBridge({
      'duty.list': () => ({ ok: true, data: [TODAY] }),
      'duty.save': (input) => ({ ok: true, data: input }),
    });
    const wrapper = mount(DutyView, { global: { plugins: [ElementPlus] }, attachTo: document.body });
    await flushPromises();

    expect(bridge).toHaveBeenCalledWith('duty.list', { from: today, to: addDays(today, 6) });
    const table = wrapper.get('[data-testid="duty-table"]').text();
    expect(table).toContain('陈带班');
    expect(table).toContain('138****5678');
    expect(table).not.toContain('13812345678');
    expect(table.match(/未排班/g)).toHaveLength(12);

    await wrapper.get(`[data-testid="duty-edit-${today}"]`).trigger('click');
    await flushPromises();
    const add = document.querySelector<HTMLElement>('[data-testid="duty-add-officer"]')!;
    add.click();
    await flushPromises();
    // The new row has the cursor.
    expect(document.activeElement).toBe(document.querySelectorAll('[data-testid="duty-officer-name"]')[1]);
    document.querySelector<HTMLElement>('[data-testid="duty-save"]')!.click();
    await eventually(() => expect(dialogText()).toContain('请填写值班人员姓名'));
    expect(bridge).not.toHaveBeenCalledWith('duty.save', expect.anything());

    const name = document.querySelectorAll<HTMLInputElement>('[data-testid="duty-officer-name"]')[1]!;
    name.value = '王守夜';
    name.dispatchEvent(new Event('input'));
    document.querySelector<HTMLElement>('[data-testid="duty-leader-remove"]')!.click();
    await flushPromises();
    document.querySelector<HTMLElement>('[data-testid="duty-save"]')!.click();
    await eventually(() =>
      expect(bridge).toHaveBeenCalledWith('duty.save', {
        date: today,
        entries: [
          { role: 'officer', name: '李值班', phone: null },
          { role: 'officer', name: '王守夜', phone: null },
        ],
      }),
    );
    await eventually(() => expect(wrapper.get('[data-testid="duty-table"]').text()).toContain('王守夜'));
    expect(wrapper.get('[data-testid="duty-table"]').text()).not.toContain('陈带班');
  });
});
