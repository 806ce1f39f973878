/** A date as official documents write it: `2026-12-06` → 2026年12月6日. */
export function chineseDate(date: string): string {
  const [year, month, day] = date.slice(0, 10).split('-');
  return `${year}年${Number(month)}月${Number(day)}日`;
}
