import type { AssessmentFigureFilter } from '../../../../shared/contract/assessments';
import type { FigureCases } from '../../ledger/list';

/**
 * The domain's assessment figures (shared/domain/risks/figures.ts) as SQL over `assessments a`:
 * which rows form each figure's denominator, and which of them its numerator (for a breakdown,
 * the row of the named parameter `@figureKey`). A test checks every one against the domain's predicates.
 */
const SUBMITTED = `a.status IN ('pending_decision', 'decided', 'tracking', 'archived') AND a.risk_level_after IS NOT NULL`;
const DECIDED = `a.status IN ('decided', 'tracking', 'archived') AND a.decision IS NOT NULL`;

export const FIGURE_CASES: Record<AssessmentFigureFilter, FigureCases> = {
  decision_follows_recommendation: {
    denominator: DECIDED,
    numerator: 'a.recommended_conclusion IS NOT NULL AND a.decision = a.recommended_conclusion',
  },
  assessments_by_level: {
    denominator: SUBMITTED,
    numerator: 'a.risk_level_after = @figureKey',
  },
  assessments_by_decision: {
    denominator: DECIDED,
    numerator: 'a.decision = @figureKey',
  },
};
