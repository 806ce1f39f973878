import type { MetricResult } from '@shared/domain/ledger/figures';

/**
 * What a statistics page shows of a figure and of a breakdown: the names and counts, never the
 * predicates (those stay in shared/domain, the counting in the backend).
 */
export type FigurePart = 'numerator' | 'denominator';

export interface FigureCardData {
  code: string;
  name: string;
  /** The figure as shown large: 63.25%, 111 处, 6 项 … */
  value: string;
  numerator: number;
  denominator: number;
  numeratorLabel: string;
  denominatorLabel: string;
}

export interface FigureBreakdownRow extends MetricResult {
  key: string;
  label: string;
}

export interface FigureBreakdownData {
  code: string;
  name: string;
  numeratorLabel: string;
  denominatorLabel: string;
  rows: readonly FigureBreakdownRow[];
}
