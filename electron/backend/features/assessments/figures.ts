import type { AssessmentFigures } from '../../../../shared/contract/assessments';
import { monthsOf, recentMonths, type FigurePeriod } from '../../../../shared/domain/ledger/figure-period';
import type { MetricResult } from '../../../../shared/domain/ledger/figures';
import {
  type AssessmentFigureCode,
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
export function assessmentFigures(ctx: HandlerContext, period: FigurePeriod | null = null): AssessmentFigures {
  const scope = principalOf(ctx).regionCode;
  const today = todayOf(ctx);
  const months = period ?? recentMonths(today, 12);
  // The period's assessments (every one without a period: the months charted are among them).
  const reach = period ?? { from: '0000-01-01', to: '9999-12-31' };
  const { assessments, params } = assessmentsInScope(scope, clockOf(ctx), {
    registeredFrom: reach.from,
    registeredTo: reach.to,
  });
  const all = ctx.sql
    .all(
      assessments.select([
        'a.id',
        'a.status',
        'a.risk_level_after',
        'a.recommended_conclusion',
        'a.decision',
        'a.registered_on',
      ]),
      params,
    )
    .map((r) => ({
      id: r.id,
      status: r.status,
      riskLevelAfter: r.risk_level_after,
      recommendedConclusion: r.recommended_conclusion,
      decision: r.decision,
      registeredOn: r.registered_on,
    }));
  const context = { today };
  const records: AssessmentFigureRecord[] = all;
  const monthly = monthsOf(months).map((m) => {
    const inMonth = all.filter((r) => r.registeredOn >= m.from && r.registeredOn <= m.to);
    return {
      ...m,
      registered: inMonth.length,
      results: Object.fromEntries(ASSESSMENT_FIGURES.map((def) => [def.code, def.compute(inMonth, context)])) as Record<
        AssessmentFigureCode,
        MetricResult
      >,
    };
  });
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
    today,
    period,
    monthly,
    figures: ASSESSMENT_FIGURES.map((def) => ({ ...named(def), result: def.compute(records, context) })),
    breakdowns: ASSESSMENT_BREAKDOWNS.map((def) => ({ ...named(def), rows: def.compute(records, context) })),
  };
}
