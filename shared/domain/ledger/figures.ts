/**
 * What every ledger's figures share: a result with its numerator and denominator (a rate is never
 * shown without both), and the way a rate is printed.
 */

export interface MetricContext {
  /** The county's date today, `YYYY-MM-DD`. */
  today: string;
}

export interface MetricResult {
  numerator: number;
  denominator: number;
  /** numerator ÷ denominator, unrounded; null when the denominator is 0. */
  rate: number | null;
}

export const resultOf = (numerator: number, denominator: number): MetricResult => ({
  numerator,
  denominator,
  rate: denominator === 0 ? null : numerator / denominator,
});

/**
 * `95.74%`: a rate as every screen and report prints it, two decimals rounded half up. Computed in
 * integers from the numerator and denominator, never through a binary fraction, so an exact half
 * rounds up (57/800 = 7.125% prints `7.13%`); `—` when there is nothing to divide.
 */
export function formatRate({ numerator, denominator }: Pick<MetricResult, 'numerator' | 'denominator'>): string {
  if (denominator === 0) return '—';
  // Hundredths of a percent, half up: ⌊(numerator × 10,000 + denominator ÷ 2) ÷ denominator⌋, doubled to stay whole.
  const dividend = 20_000 * numerator + denominator;
  const divisor = 2 * denominator;
  const hundredths = (dividend - (dividend % divisor)) / divisor;
  return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}%`;
}
