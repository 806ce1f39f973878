/**
 * A voided record (作废) is no record for any count, list, figure or the board: these conditions
 * keep it out. Every index of a ledger ends with voided_at and the partial ones behind live counts
 * carry the same condition (migration 0012), so the condition is answered in the index and a query
 * that forgets it cannot use those.
 */

/** `p.voided_at IS NULL`: the record is not voided. */
export const notVoided = (alias?: string): string => `${alias ? `${alias}.` : ''}voided_at IS NULL`;

/** The ledgers that own risk tasks (measures, assignments) and may be voided: owner kind → table. */
const VOIDABLE_OWNERS = { hazard: 'hazards', assessment: 'assessments' } as const;
const owners = Object.entries(VOIDABLE_OWNERS);

/** A risk task whose owning hazard or assessment is not voided (looked up by key, row by row). */
export const liveTaskOwner = (task: string): string =>
  owners
    .map(
      ([kind, table]) => `NOT EXISTS (SELECT 1 FROM ${table}
        WHERE id = ${task}.owner_id AND ${task}.owner_kind = '${kind}' AND voided_at IS NOT NULL)`,
    )
    .join(' AND ');

/**
 * How many risk tasks `t` meet `where`, those of voided hazards and assessments left out: all of
 * them less the ones voided records own, which are found from the small index of voided rows (CROSS
 * JOIN keeps that order). A count of many tasks (the overdue ones) thus looks up no task's owner,
 * as `liveTaskOwner` does for the few rows of a day.
 */
export const liveTaskCount = (where: string): string =>
  `((SELECT count(*) FROM risk_tasks t WHERE ${where})${owners
    .map(
      ([kind, table]) => `
    - (SELECT count(*) FROM ${table} o CROSS JOIN risk_tasks t ON t.owner_kind = '${kind}' AND t.owner_id = o.id
        WHERE o.voided_at IS NOT NULL AND ${where})`,
    )
    .join('')})`;

/** A list's voided filter: left out by default, only them under 已作废. */
export const voidedCondition = (mode: 'exclude' | 'only' | undefined, alias: string): string =>
  // The index of voided rows (migration 0012) serves IS NOT NULL.
  mode === 'only' ? `${alias}.voided_at IS NOT NULL` : notVoided(alias);
