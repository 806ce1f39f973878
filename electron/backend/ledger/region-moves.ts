import type { HandlerContext } from '../api/types';
import type { PlaceLevel, RegionReference } from './registry';

/**
 * Re-points every record, account and unit that names a region when the administrator moves or
 * merges it (features/regions/reorganise.ts), through the columns each feature declared
 * (`ctx.ledgers.regionReferences`). The tally triggers follow each row's new township in the same
 * statement, so the figures stay equal to a recount.
 */

/** Where a region lies: its own code at its level and the code of each level above. */
export type RegionPath = Partial<Record<PlaceLevel, string>>;

/** The levels above one, whose columns follow a moved region. */
const ABOVE: Record<PlaceLevel, readonly PlaceLevel[]> = {
  township: [],
  village: ['township'],
  grid: ['village', 'township'],
};

export interface ReferenceCount {
  noun: string;
  count: number;
}

const naming = (level: PlaceLevel, refs: readonly RegionReference[]) => refs.filter((ref) => ref.columns[level]);

/** How many rows of each declared table name the region at `level`. */
export function countReferences(ctx: HandlerContext, level: PlaceLevel, code: string): ReferenceCount[] {
  return naming(level, ctx.ledgers.regionReferences).map((ref) => ({
    noun: ref.noun,
    count: (
      ctx.sql.prepare(`SELECT count(*) AS n FROM ${ref.table} WHERE ${ref.columns[level]} = ?`).get(code) as {
        n: number;
      }
    ).n,
  }));
}

/**
 * Rows naming `from` at `level` now name `to`: the region there (the merge's target, or `from`
 * itself after a move) and the regions above it. Call inside the audited transaction.
 */
export function repointReferences(ctx: HandlerContext, level: PlaceLevel, from: string, to: RegionPath): void {
  for (const ref of naming(level, ctx.ledgers.regionReferences)) {
    const column = ref.columns[level]!;
    const moved = [level, ...ABOVE[level]].filter((l) => ref.columns[l] && to[l]);
    const sets = moved.map((l) => `${ref.columns[l]} = @${l}`).join(', ');
    const params = Object.fromEntries([['from', from], ...moved.map((l) => [l, to[l]])]);
    ctx.sql
      .prepare(`UPDATE ${ref.link ? 'OR IGNORE ' : ''}${ref.table} SET ${sets} WHERE ${column} = @from`)
      .run(params);
    if (ref.link && to[level] !== from) ctx.sql.prepare(`DELETE FROM ${ref.table} WHERE ${column} = ?`).run(from);
  }
}
