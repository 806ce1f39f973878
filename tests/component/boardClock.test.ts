import { describe, expect, it } from 'vitest';
import { formatClock } from '@/board/useClock';

describe('board clock', () => {
  it('shows the date, the Chinese weekday and a zero-padded 24-hour time', () => {
    expect(formatClock(new Date(2026, 10, 22, 9, 5, 3))).toEqual({
      date: '2026年11月22日',
      weekday: '星期日',
      time: '09:05:03',
    });
    expect(formatClock(new Date(2026, 10, 23, 21, 0, 0)).time).toBe('21:00:00');
  });
});
