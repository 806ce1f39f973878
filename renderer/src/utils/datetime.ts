const pad = (value: number) => String(value).padStart(2, '0');

/** `2026-11-22 09:05` (or with `:03` seconds) in this machine's local time. */
export function formatDateTime(date: Date, seconds = false): string {
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  const time = `${pad(date.getHours())}:${pad(date.getMinutes())}${seconds ? `:${pad(date.getSeconds())}` : ''}`;
  return `${day} ${time}`;
}

/** `2026-11-22`: this machine's local calendar date. */
export const formatDate = (date: Date): string => formatDateTime(date).slice(0, 10);
