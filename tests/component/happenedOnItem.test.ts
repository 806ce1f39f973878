import { mount } from '@vue/test-utils';
import ElementPlus, { ElDatePicker } from 'element-plus';
import { describe, expect, it } from 'vitest';
import { countyDate } from '@shared/domain/time';
import HappenedOnItem from '@/ledger/HappenedOnItem.vue';

/** Local midnight of a `YYYY-MM-DD` day, as the date picker hands days to `disabled-date`. */
const midnight = (day: string) => {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, date);
};

describe('HappenedOnItem', () => {
  it('offers no day after today and none before the previous step', () => {
    const today = countyDate(new Date());
    const wrapper = mount(HappenedOnItem, {
      props: { modelValue: today, label: '化解日期', since: '2026-10-10', testid: 'happened' },
      global: { plugins: [ElementPlus] },
    });
    const disabled = wrapper.getComponent(ElDatePicker).props('disabledDate') as (date: Date) => boolean;
    expect(disabled(midnight(today))).toBe(false);
    expect(disabled(midnight('2026-10-10'))).toBe(false);
    expect(disabled(midnight('2026-10-09'))).toBe(true);
    const tomorrow = new Date(midnight(today).getTime() + 36 * 3600_000);
    expect(disabled(tomorrow)).toBe(true);
    expect(wrapper.text()).toContain('化解日期');
  });
});
