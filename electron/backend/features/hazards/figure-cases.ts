import { sql as rawSql, type RawBuilder, type SqlBool } from 'kysely';
import type { HazardFigureFilter } from '../../../../shared/contract/hazards';
import { OPEN_HAZARD_SQL, OPEN_TASK_SQL } from '../../db/status-lists';

/**
 * The domain's hazard figures (shared/domain/risks/figures.ts) as SQL over `hazards h`: which
 * hazards form each figure's denominator, and which of them its numerator (for a breakdown, the
 * row of the named parameter `@figureKey`). For the overdue measures, the hazards owning at least
 * one of the measures counted, overdue against `@today`. A test checks every one against the
 * figures page.
 */
const OPEN = `h.status IN ${OPEN_HAZARD_SQL}`;
/** Its own open measures with a deadline (TASK_FIGURES' 超期化解措施), narrowed by `more`. */
const hasMeasure = (more: RawBuilder<SqlBool>) => rawSql<SqlBool>`EXISTS (SELECT 1 FROM risk_tasks t
  WHERE t.owner_kind = 'hazard' AND t.owner_id = h.id AND t.kind = 'measure'
    AND t.status IN ${rawSql.raw(OPEN_TASK_SQL)} AND t.due_date IS NOT NULL AND ${more})`;

interface FigureCase {
  denominator: RawBuilder<SqlBool>;
  numerator: RawBuilder<SqlBool>;
}

const all = rawSql<SqlBool>`1 = 1`;
const open = rawSql<SqlBool>`${rawSql.raw(OPEN)}`;

export const FIGURE_CASES: Record<HazardFigureFilter, FigureCase> = {
  open_hazards: { denominator: all, numerator: open },
  hazard_resolution_rate: { denominator: all, numerator: rawSql<SqlBool>`NOT (${rawSql.raw(OPEN)})` },
  open_hazards_by_level: { denominator: open, numerator: rawSql<SqlBool>`h.level = @figureKey` },
  open_hazards_by_township: { denominator: open, numerator: rawSql<SqlBool>`h.township_code = @figureKey` },
  overdue_measures: {
    denominator: hasMeasure(all),
    numerator: hasMeasure(rawSql<SqlBool>`t.due_date < @today`),
  },
};

/** The hazards behind one figure's numerator or denominator. */
export function figureFilter(figure: HazardFigureFilter, part: 'numerator' | 'denominator'): RawBuilder<SqlBool> {
  const { denominator, numerator } = FIGURE_CASES[figure];
  return part === 'denominator' ? denominator : rawSql<SqlBool>`(${denominator}) AND (${numerator})`;
}
