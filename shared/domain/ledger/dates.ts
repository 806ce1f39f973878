/** A date field checked against bounds, naming the field: the ledgers' forms and the backend share it. */
import { compareDates, isValidDate } from './calendar';
import type { FieldProblem } from './state-machine';

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
