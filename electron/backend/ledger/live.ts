/**
 * A voided record (作废) is no record for any count, list, figure or the board: these conditions
 * keep it out. The partial indexes behind live counts carry the same condition (migration 0012),
 * so a query that forgets it cannot use them.
 */

/** `p.voided_at IS NULL`: the record is not voided. */
export const notVoided = (alias?: string): string => `${alias ? `${alias}.` : ''}voided_at IS NULL`;

/** A risk task (measure, assignment) whose owning hazard or assessment is not voided (looked up by key). */
export const liveTaskOwner = (task: string): string =>
  `NOT EXISTS (SELECT 1 FROM hazards WHERE id = ${task}.owner_id AND ${task}.owner_kind = 'hazard' AND voided_at IS NOT NULL)
    AND NOT EXISTS (SELECT 1 FROM assessments
      WHERE id = ${task}.owner_id AND ${task}.owner_kind = 'assessment' AND voided_at IS NOT NULL)`;

/** A list's voided filter: left out by default, only them under 已作废. */
export const voidedCondition = (mode: 'exclude' | 'only' | undefined, alias: string): string =>
  // The index of voided rows (migration 0012) serves IS NOT NULL.
  mode === 'only' ? `${alias}.voided_at IS NOT NULL` : notVoided(alias);
