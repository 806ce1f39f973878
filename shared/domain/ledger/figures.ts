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

/** `95.74%`, two decimals as the county's reports print it; `—` when there is nothing to divide. */
export const formatRate = (rate: number | null): string =>
  rate === null ? '—' : `${(Math.round(rate * 10_000) / 100).toFixed(2)}%`;
