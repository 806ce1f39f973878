import type { AssessmentFigures } from '../../../../shared/contract/assessments';
import {
  ASSESSMENT_BREAKDOWNS,
  ASSESSMENT_FIGURES,
  type AssessmentFigureRecord,
} from '../../../../shared/domain/risks/figures';
import { principalOf, type HandlerContext } from '../../api/types';
import { clockOf, todayOf } from '../../ledger/clock';
import { assessmentsInScope } from './repo';

/**
 * The assessments' figures in the user's scope, counted by the domain's own definitions over the
 * four columns they read (a county holds dozens of assessments a year, thousands over decades).
 */
export function assessmentFigures(ctx: HandlerContext): AssessmentFigures {
  const scope = principalOf(ctx).regionCode;
  const { assessments, params } = assessmentsInScope(scope, clockOf(ctx));
  const records: AssessmentFigureRecord[] = ctx.sql
    .all(
      assessments.select(['a.id', 'a.status', 'a.risk_level_after', 'a.recommended_conclusion', 'a.decision']),
      params,
    )
    .map((r) => ({
      id: r.id,
      status: r.status,
      riskLevelAfter: r.risk_level_after,
      recommendedConclusion: r.recommended_conclusion,
      decision: r.decision,
    }));
  const context = { today: todayOf(ctx) };
  /** What the page shows of a definition: its names, not its predicates. */
  const named = <C extends string>(def: {
    code: C;
    name: string;
    numeratorLabel: string;
    denominatorLabel: string;
  }) => ({
    code: def.code,
    name: def.name,
    numeratorLabel: def.numeratorLabel,
    denominatorLabel: def.denominatorLabel,
  });
  return {
    figures: ASSESSMENT_FIGURES.map((def) => ({ ...named(def), result: def.compute(records, context) })),
    breakdowns: ASSESSMENT_BREAKDOWNS.map((def) => ({ ...named(def), rows: def.compute(records, context) })),
  };
}
