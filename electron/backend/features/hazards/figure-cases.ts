import type { HazardFigureFilter } from '../../../../shared/contract/hazards';
import { OPEN_HAZARD_SQL, OPEN_TASK_SQL } from '../../db/status-lists';
import type { FigureCases } from '../../ledger/list';

/**
 * The domain's hazard figures (shared/domain/risks/figures.ts) as SQL over `hazards h`: which
 * hazards form each figure's denominator, and which of them its numerator (for a breakdown, the
 * row of the named parameter `@figureKey`). For the overdue measures, the hazards owning at least
 * one of the measures counted, overdue against `@today`. A test checks every one against the
 * figures page.
 */
const ALL = '1 = 1';
const OPEN = `h.status IN ${OPEN_HAZARD_SQL}`;
/** Its own open measures with a deadline (TASK_FIGURES' 超期化解措施), narrowed by `more`. */
const hasMeasure = (more: string) => `EXISTS (SELECT 1 FROM risk_tasks t
  WHERE t.owner_kind = 'hazard' AND t.owner_id = h.id AND t.kind = 'measure'
    AND t.status IN ${OPEN_TASK_SQL} AND t.due_date IS NOT NULL AND ${more})`;

export const FIGURE_CASES: Record<HazardFigureFilter, FigureCases> = {
  open_hazards: { denominator: ALL, numerator: OPEN },
  hazard_resolution_rate: { denominator: ALL, numerator: `NOT (${OPEN})` },
  open_hazards_by_level: { denominator: OPEN, numerator: 'h.level = @figureKey' },
  open_hazards_by_township: { denominator: OPEN, numerator: 'h.township_code = @figureKey' },
  overdue_measures: { denominator: hasMeasure(ALL), numerator: hasMeasure('t.due_date < @today') },
};
