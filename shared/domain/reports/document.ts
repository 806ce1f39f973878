/**
 * A report laid out as an official document (公文): masthead, issue number, issuing unit and date,
 * title, numbered sections, a table of the day's figures, and the signer and drafter. The same
 * model drives the preview in the app and the Word file, so what the officer edits is what prints.
 */
export const REPORT_KINDS = ['daily', 'weekly', 'monthly'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const REPORT_KIND_LABELS: Record<ReportKind, string> = {
  daily: '日报',
  weekly: '周点评',
  monthly: '月通报',
};

export interface ReportTable {
  caption: string;
  columns: string[];
  rows: string[][];
}

export interface ReportSection {
  /** Without its number: the layout numbers sections 一、二、三…. */
  heading: string;
  paragraphs: string[];
  /** Tables printed after the paragraphs, as the ledgers gave them (the 月通报's disputes). */
  tables?: ReportTable[];
}

export interface ReportDocument {
  kind: ReportKind;
  /** The masthead (发文机关标志), e.g. 综治工作日报. */
  masthead: string;
  /** 第 12 期. */
  issueNo: string;
  issuer: string;
  /** The report's date, YYYY-MM-DD. */
  date: string;
  title: string;
  sections: ReportSection[];
  figures: ReportTable;
  signer: string;
  drafter: string;
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九: section numbers of a document. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`序号应为 1–99 的整数：${n}`);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  if (tens === 0) return DIGITS[ones]!;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones ? DIGITS[ones] : ''}`;
}

/** 2026-11-22 → 2026年11月22日, as an official document writes its date. */
export function documentDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}
