import { readDate } from '../../../shared/domain/import/dates';
import type { ImportRow, ProblemLog } from './kind';
import type { CellValue } from './workbook';

/**
 * Reading one cell as the field wants it, logging what is wrong with it. A number typed into a
 * text field (a code, a phone) is read as its digits; a formula is already its value.
 */
export function cellText(value: CellValue): string {
  if (value === null) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'number') return String(value);
  return String(value).replace(/\s+/g, ' ').trim();
}

export interface TextRule {
  required?: boolean;
  max?: number;
  pattern?: RegExp;
  /** What the pattern means, for the message. */
  shape?: string;
}

export function readText(row: ImportRow, key: string, problems: ProblemLog, rule: TextRule = {}): string {
  const text = cellText(row.cell(key));
  if (!text) {
    if (rule.required) problems.error(row, key, '不能为空');
    return '';
  }
  if (rule.max && Array.from(text).length > rule.max) problems.error(row, key, `不能超过 ${rule.max} 个字`);
  else if (rule.pattern && !rule.pattern.test(text)) problems.error(row, key, `“${text}”格式不对：${rule.shape}`);
  return text;
}

/** A calendar date, or null when empty (an error when required). */
export function readDateCell(row: ImportRow, key: string, problems: ProblemLog, required = false): string | null {
  const value = row.cell(key);
  if (value === null || cellText(value) === '') {
    if (required) problems.error(row, key, '不能为空');
    return null;
  }
  const reading = readDate(value);
  if ('problem' in reading) {
    problems.error(row, key, reading.problem);
    return null;
  }
  return reading.date;
}

/** A closed list's labels (and other words centres use) → its codes, for `readChoice`. */
export const choicesOf = <C extends string>(
  labels: Readonly<Record<C, string>>,
  more: Readonly<Record<string, C>> = {},
): Record<string, C> => ({
  ...Object.fromEntries(Object.entries(labels).map(([code, label]) => [label, code as C])),
  ...more,
});

/** One of a closed list, by its label (or code); the message lists what is allowed. */
export function readChoice<C extends string>(
  row: ImportRow,
  key: string,
  problems: ProblemLog,
  choices: Readonly<Record<string, C>>,
  required = false,
): C | null {
  const text = cellText(row.cell(key));
  if (!text) {
    if (required) problems.error(row, key, '不能为空');
    return null;
  }
  const code = choices[text];
  if (code === undefined) problems.error(row, key, `“${text}”不是可选值，应为：${Object.keys(choices).join('、')}`);
  return code ?? null;
}

/** A whole number within bounds, or `fallback` when empty. */
export function readCount(
  row: ImportRow,
  key: string,
  problems: ProblemLog,
  bounds: { min: number; max: number },
  fallback: number | null = null,
): number | null {
  const text = cellText(row.cell(key));
  if (!text) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < bounds.min || n > bounds.max) {
    problems.error(row, key, `“${text}”应为 ${bounds.min}–${bounds.max} 的整数`);
    return null;
  }
  return n;
}

/** Several values in one cell (several petitioners), split at 、，,;； or spaces and line breaks. */
export const cellList = (row: ImportRow, key: string): string[] =>
  cellText(row.cell(key))
    .split(/[、，,;；\s]+/)
    .filter(Boolean);
