/**
 * What each ledger's task owner provides. Kept apart from the registry of owners (owners.ts),
 * which imports them.
 */
import type { HandlerContext } from '../../api/types';

/** What the task rules need to know of a task's owner (an assessment, a hazard, a meeting). */
export interface TaskOwner {
  /** Townships the owner concerns; empty for a county-wide matter. */
  townshipCodes: readonly string[];
  /** Why the owner takes no new or changed tasks (archived, closed out …), or null. */
  frozenReason: string | null;
}

/** Finds an owner by id; undefined when there is none. */
export type TaskOwnerLookup = (ctx: HandlerContext, id: string) => TaskOwner | undefined;
