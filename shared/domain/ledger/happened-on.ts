import { compareDates, isValidDate } from './calendar';
import { dateProblem, type DateBound } from './dates';
import type { FieldProblem } from './state-machine';

/**
 * The date a live step that completes something happened on (a case resolved or closed out, a
 * hazard resolved or closed out, a task completed): recorded as it happened, so a late entry keeps
 * its true date and the on-time rates stay true. (An imported row's dates are checked together,
 * against one another, by `happened.ts`.)
 */

export interface HappenedOnBounds {
  /** The county's today: nothing happened later. */
  today: string;
  /** When the record began or its previous step happened: nothing happened earlier. */
  since?: DateBound | null;
}

/**
 * Null when `value` is a real date neither after today nor before `since`; otherwise one problem
 * naming the field (e.g. 「“化解日期”不能早于交办日期（2026-11-03）」). A blank value is the caller's
 * to default (today) or to require.
 */
export const checkHappenedOn = (
  path: string,
  label: string,
  value: string | null | undefined,
  { today, since }: HappenedOnBounds,
): FieldProblem | null =>
  dateProblem(path, label, value, { notBefore: since ?? undefined, notAfter: { date: today, label: '今天' } });

/** The latest of the dates a step may not precede (its record's start, the previous step), or null. */
export function latestBound(...bounds: ReadonlyArray<DateBound | null | undefined>): DateBound | null {
  let latest: DateBound | null = null;
  for (const bound of bounds) {
    if (bound && isValidDate(bound.date) && (!latest || compareDates(bound.date, latest.date) > 0)) latest = bound;
  }
  return latest;
}

/**
 * A workflow step's `happenedOn`: refused on a step that records no date (`label` undefined),
 * otherwise `checkHappenedOn` once today is known. Path `happenedOn`.
 */
export function stepDateProblem(
  value: string | null | undefined,
  step: { action: string; label: string | undefined },
  bounds: { today?: string; since?: DateBound | null },
): FieldProblem | null {
  if (!value?.trim()) return null;
  if (!step.label) return { path: 'happenedOn', message: `“${step.action}”不记日期，请不要填写日期` };
  if (!bounds.today) return null;
  return checkHappenedOn('happenedOn', step.label, value, { today: bounds.today, since: bounds.since });
}
