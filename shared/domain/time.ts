/** Time helpers shared by every layer. Stored timestamps are ISO 8601 in UTC (`…Z`). */

export const toIso = (date: Date): string => date.toISOString();

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `2026-11-23 03:32`: a stored timestamp in the viewer's local time, for display. */
export function formatLocal(iso: string, withSeconds = false): string {
  const d = new Date(iso);
  const base = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
  return withSeconds ? `${base}:${pad(d.getSeconds())}` : base;
}

export const minutesLater = (date: Date, minutes: number): Date => new Date(date.getTime() + minutes * 60_000);

/** `20261122-190501` in UTC: sortable and safe in file names on every platform. */
export const fileStamp = (date: Date): string => date.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);

/** The county's clock: China Standard Time, UTC+8 all year (no daylight saving). */
export const COUNTY_UTC_OFFSET_MS = 8 * 3_600_000;
const countyClock = (date: Date) => new Date(date.getTime() + COUNTY_UTC_OFFSET_MS).toISOString();

/** `2026-12-06 15:30`: an instant on the county's clock, whatever the machine's time zone. */
export const countyDateTime = (date: Date): string => countyClock(date).slice(0, 16).replace('T', ' ');

/** `20261206-1530`: an instant on the county's clock for the files people are handed (exports). */
export const countyFileStamp = (date: Date): string =>
  countyClock(date).slice(0, 16).replace(/[-:]/g, '').replace('T', '-');

/** The county's calendar date (`YYYY-MM-DD`, China Standard Time: UTC+8, no daylight saving) of an instant. */
export const countyDate = (date: Date): string => countyClock(date).slice(0, 10);

/** The county's midnight of `date` (YYYY-MM-DD) as a stored timestamp: UTC+8, no daylight saving. */
export const countyMidnight = (date: string): string => new Date(`${date}T00:00:00+08:00`).toISOString();
