/** Small checks the risk ledger's forms share: dates against bounds, counts, enum values. */
import { compareDates, isValidDate } from '../ledger/calendar';
import type { FieldProblem } from '../ledger/state-machine';

export interface DateBound {
  date: string;
  /** How the message names the bound: `今天`, `实施日期` … */
  label: string;
}

/**
 * Null when `value` is a real `YYYY-MM-DD` date within the bounds (both inclusive); otherwise one
 * problem naming the field. A blank value is not checked here (required fields are checked apart).
 */
export function dateProblem(
  path: string,
  label: string,
  value: string | null | undefined,
  bounds: { notBefore?: DateBound; notAfter?: DateBound } = {},
): FieldProblem | null {
  const text = value?.trim();
  if (!text) return null;
  if (!isValidDate(text)) return { path, message: `“${label}”应为 YYYY-MM-DD 格式的真实日期` };
  const { notBefore, notAfter } = bounds;
  if (notBefore && isValidDate(notBefore.date) && compareDates(text, notBefore.date) < 0) {
    return { path, message: `“${label}”不能早于${notBefore.label}（${notBefore.date}）` };
  }
  if (notAfter && isValidDate(notAfter.date) && compareDates(text, notAfter.date) > 0) {
    return { path, message: `“${label}”不能晚于${notAfter.label}（${notAfter.date}）` };
  }
  return null;
}

/** Today as a bound, when known. */
export const todayBound = (today: string | undefined): DateBound | undefined =>
  today ? { date: today, label: '今天' } : undefined;

/** A problem when `value` is given but is not one of `allowed` (whose Chinese labels are listed). */
export function choiceProblem<T extends string>(
  path: string,
  label: string,
  value: string | null | undefined,
  allowed: readonly T[],
  labels: Record<T, string>,
): FieldProblem | null {
  const text = value?.trim();
  if (!text || (allowed as readonly string[]).includes(text)) return null;
  return { path, message: `“${label}”应为${allowed.map((a) => labels[a]).join('、')}之一` };
}

export const isChoice = <T extends string>(allowed: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && (allowed as readonly string[]).includes(value);

/** A count of people, sessions, forms …: a whole number, zero or more. */
export const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0;

export const compact = <T>(items: ReadonlyArray<T | null>): T[] => items.filter((item): item is T => item !== null);
