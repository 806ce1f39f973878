/**
 * Dates of what already happened (received, assigned, resolved, closed out …), as recorded after
 * the fact, checked together as an imported row holds them: each as a live step's date is
 * (`checkHappenedOn`: none in the future, none before what it follows). Each problem names the
 * field by its key, so an import names the cell and a form the input.
 */
import { checkHappenedOn, latestBound } from './happened-on';

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
  return dates.flatMap(({ key, label, date, notBefore = [] }) => {
    const since = latestBound(
      ...notBefore.map((other) => {
        const bound = byKey.get(other);
        return bound?.date ? { date: bound.date, label: bound.label } : null;
      }),
    );
    const problem = checkHappenedOn(key, label, date, { today, since });
    return problem ? [{ key, message: problem.message }] : [];
  });
}

/** A date a status is reached on: from status `from` on the record must hold it, before it must not. */
export interface StatusDate<S extends string> {
  from: S;
  key: string;
  label: string;
  date: string | null;
}

/**
 * A status read from a ledger kept elsewhere, against the dates it implies: from 已化解 on a record
 * has a 化解日期, before it none. `order` is the workflow's statuses, first to last.
 */
export function statusDateProblems<S extends string>(
  order: readonly S[],
  labels: Readonly<Record<S, string>>,
  status: S,
  dates: readonly StatusDate<S>[],
): DateProblem[] {
  const reached = (from: S) => order.indexOf(status) >= order.indexOf(from);
  return dates.flatMap(({ from, key, label, date }) => {
    if (reached(from) && !date) return [{ key, message: `状态为“${labels[status]}”须填写${label}` }];
    if (!reached(from) && date) return [{ key, message: `状态为“${labels[status]}”不应有${label}` }];
    return [];
  });
}

/** The furthest status whose date is given, or `fallback`: the status a ledger without one implies. */
export function statusOfDates<S extends string>(order: readonly S[], dates: readonly StatusDate<S>[], fallback: S): S {
  return dates
    .filter((d) => d.date)
    .map((d) => d.from)
    .reduce((furthest, from) => (order.indexOf(from) > order.indexOf(furthest) ? from : furthest), fallback);
}
