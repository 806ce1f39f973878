/** Small checks the risk ledger's forms share: dates against bounds, counts, enum values. */
import type { FieldProblem } from '../ledger/state-machine';

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
