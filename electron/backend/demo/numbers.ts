/**
 * A ledger's record numbers as the demo gives them (`XF2026-000001`, `WP2026-0001`): counted from 1
 * within each year of the date passed, so records passed in date order are numbered in order.
 */
export function yearlyNumbers(prefix: string, width: number): (date: string) => string {
  const counts = new Map<string, number>();
  return (date) => {
    const year = date.slice(0, 4);
    const count = (counts.get(year) ?? 0) + 1;
    counts.set(year, count);
    return `${prefix}${year}-${String(count).padStart(width, '0')}`;
  };
}
