/**
 * Dates as centres write them in their workbooks: Excel date cells, Excel serial numbers, and text
 * in every common form (2024-03-05, 2024/3/5, 2024.3.5, 2024年3月5日, 20240305, with or without a
 * time after the date). The result is a calendar date `YYYY-MM-DD`, or the reason it is not one.
 */
export type DateReading = { date: string } | { problem: string };

const pad = (n: number) => String(n).padStart(2, '0');

function calendarDate(year: number, month: number, day: number): DateReading {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || year > 2199 || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) {
    return { problem: `${year}年${month}月${day}日不是有效日期` };
  }
  return { date: `${year}-${pad(month)}-${pad(day)}` };
}

/** Excel's 1900 date system counts days from 1899-12-30 (its phantom 1900-02-29 included). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
/** 1900-03-01 (past the phantom leap day) … 2199-12-31: a number outside is not a date someone typed as one. */
const SERIAL_RANGE = [61, 109_574] as const;

export function dateFromSerial(serial: number): DateReading {
  if (!Number.isFinite(serial) || serial < SERIAL_RANGE[0] || serial > SERIAL_RANGE[1]) {
    return { problem: `数字 ${serial} 不是 Excel 日期` };
  }
  const d = new Date(EXCEL_EPOCH_MS + Math.floor(serial) * DAY_MS);
  return calendarDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

const TEXT_FORMS: RegExp[] = [
  /^(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})(?:日)?(?:[\sT].*)?$/,
  /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?(?:\s*.*)?$/,
  /^(\d{4})(\d{2})(\d{2})$/,
];

export function dateFromText(text: string): DateReading {
  const value = text.trim();
  for (const form of TEXT_FORMS) {
    const m = form.exec(value);
    if (m) return calendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
  }
  if (/^\d+(\.\d+)?$/.test(value)) return dateFromSerial(Number(value));
  return { problem: `“${value}”不是可识别的日期，请写成 2024-03-05 或 2024年3月5日` };
}

/**
 * A cell's value as a date. A date cell arrives as a Date at UTC midnight of the day shown (the
 * workbook stores no zone), so its UTC fields are the date the user sees.
 */
export function readDate(value: unknown): DateReading {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { problem: '日期单元格无效' };
    return calendarDate(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
  }
  if (typeof value === 'number') return dateFromSerial(value);
  if (typeof value === 'string') return dateFromText(value);
  return { problem: '不是日期' };
}
