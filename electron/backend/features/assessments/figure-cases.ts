import { sql as rawSql, type RawBuilder, type SqlBool } from 'kysely';
import type { AssessmentFigureFilter } from '../../../../shared/contract/assessments';

/**
 * The domain's assessment figures (shared/domain/risks/figures.ts) as SQL over `assessments a`:
 * which rows form each figure's denominator, and which of them its numerator (for a breakdown,
 * the row of the named parameter `@figureKey`). A test checks every one against the domain's predicates.
 */
const SUBMITTED = `a.status IN ('pending_decision', 'decided', 'tracking', 'archived') AND a.risk_level_after IS NOT NULL`;
const DECIDED = `a.status IN ('decided', 'tracking', 'archived') AND a.decision IS NOT NULL`;

export const FIGURE_CASES: Record<AssessmentFigureFilter, { denominator: string; numerator: RawBuilder<SqlBool> }> = {
  decision_follows_recommendation: {
    denominator: DECIDED,
    numerator: rawSql<SqlBool>`a.recommended_conclusion IS NOT NULL AND a.decision = a.recommended_conclusion`,
  },
  assessments_by_level: {
    denominator: SUBMITTED,
    numerator: rawSql<SqlBool>`a.risk_level_after = @figureKey`,
  },
  assessments_by_decision: {
    denominator: DECIDED,
    numerator: rawSql<SqlBool>`a.decision = @figureKey`,
  },
};
