import { HAZARDS_OF_OVERDUE_MEASURES, RISK_FIGURE_DEFINITIONS } from '@shared/domain/risks/figures';
import type { FigureDefinition } from '@/composables/useFigureFilter';

/**
 * The figures the hazard ledger can be opened on, as its filter tag names them: the domain's, with
 * 超期化解措施 counted in the hazards that own the measures (what the list shows).
 */
export const HAZARD_LIST_FIGURES: readonly FigureDefinition[] = RISK_FIGURE_DEFINITIONS.map((d) =>
  d.code === 'overdue_measures' ? { ...d, ...HAZARDS_OF_OVERDUE_MEASURES } : d,
);
