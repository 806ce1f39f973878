import { DISPUTE_FIGURE_CODES, DISPUTE_FIGURES } from '@shared/domain/disputes/figures';
import type { FigureDefinition } from '@/composables/useFigureFilter';

/** The figures the dispute list can be opened on, as its filter tag names them. */
export const DISPUTE_LIST_FIGURES: readonly FigureDefinition[] = DISPUTE_FIGURE_CODES.map((code) => {
  const { name, numeratorLabel, denominatorLabel } = DISPUTE_FIGURES[code];
  return { code, name, numeratorLabel, denominatorLabel };
});
