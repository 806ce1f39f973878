import { fromDayNumber } from '../../../shared/domain/ledger/calendar';
import type { Random } from './random';

/**
 * The demo's dates from day numbers: `day` the `YYYY-MM-DD` text (cached: the same few hundred
 * days come up again and again), `at` a moment in office hours that day, 08:30–17:30 Beijing time,
 * as UTC.
 */
export function demoDays(random: Random): { day: (n: number) => string; at: (n: number) => string } {
  const texts = new Map<number, string>();
  const day = (n: number): string => {
    let text = texts.get(n);
    if (text === undefined) texts.set(n, (text = fromDayNumber(n)));
    return text;
  };
  const at = (n: number): string => {
    const minutes = 30 + random.int(0, 539);
    const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
    const mm = String(minutes % 60).padStart(2, '0');
    const ss = String(random.int(0, 59)).padStart(2, '0');
    return `${day(n)}T${hh}:${mm}:${ss}.000Z`;
  };
  return { day, at };
}
