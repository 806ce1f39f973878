import { computed } from 'vue';
import { useNow } from '@/composables/useNow';

const dateFormat = new Intl.DateTimeFormat('zh-CN', { year: 'numeric', month: 'long', day: 'numeric' });
const weekdayFormat = new Intl.DateTimeFormat('zh-CN', { weekday: 'long' });
const timeFormat = new Intl.DateTimeFormat('zh-CN', {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** Date, weekday and time in the machine's local time, e.g. 2026年11月22日 / 星期日 / 09:05:03. */
export const formatClock = (now: Date) => ({
  date: dateFormat.format(now),
  weekday: weekdayFormat.format(now),
  time: timeFormat.format(now),
});

/** A clock that ticks every second while the component is mounted. */
export function useClock() {
  const now = useNow(1000);
  return computed(() => formatClock(now.value));
}
