/**
 * Dates of what already happened (received, assigned, resolved, closed out …), as recorded after
 * the fact: none lies in the future, and none before what it follows. Each problem names the field
 * by its key, so an import names the cell and a form the input.
 */
import { compareDates } from './calendar';

export interface HappenedDate {
  key: string;
  label: string;
  /** `YYYY-MM-DD`, or null when not given (not checked). */
  date: string | null;
  /** Keys of the dates this one may not precede (e.g. resolved after received). */
  notBefore?: readonly string[];
}

export interface DateProblem {
  key: string;
  message: string;
}

export function happenedProblems(dates: readonly HappenedDate[], today: string): DateProblem[] {
  const byKey = new Map(dates.map((d) => [d.key, d]));
  const problems: DateProblem[] = [];
  for (const { key, label, date, notBefore = [] } of dates) {
    if (date === null) continue;
    if (compareDates(date, today) > 0) {
      problems.push({ key, message: `“${label}”${date} 晚于今天（${today}），已发生的日期不能在将来` });
      continue;
    }
    const earlier = notBefore
      .map((other) => byKey.get(other))
      .find((other) => other?.date && compareDates(date, other.date) < 0);
    if (earlier) problems.push({ key, message: `“${label}”${date} 早于“${earlier.label}”${earlier.date}` });
  }
  return problems;
}
