import type { LiveChange } from '../../../shared/contract/live';
import { inScope } from '../../../shared/domain/scope';
import type { Principal } from '../auth/sessions';

/**
 * A committed change as the bus carries it: the change the screens are told, and the townships of
 * the record it concerns (null when it concerns no one record of a ledger, e.g. a setting or a
 * list as a whole).
 */
export interface Published {
  change: LiveChange;
  townships: readonly string[] | null;
}

/**
 * Whether a viewer may learn of a change: a county-wide account of every change, a township-bound
 * one only of records with a township in its region (as `recordInScope` reads them) and of changes
 * that name no record. The change itself carries no content; what it names is the record's id.
 */
export function visibleTo(principal: Pick<Principal, 'regionCode'>, published: Published): boolean {
  const scope = principal.regionCode;
  if (scope === null || published.townships === null) return true;
  return published.townships.some((code) => inScope(scope, code));
}

/** The in-process bus of committed changes: dispatch publishes, each transport's subscribers filter. */
export class ChangeBus {
  private readonly listeners = new Set<(published: Published) => void>();

  listen(listener: (published: Published) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(published: Published): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(published);
      } catch (error) {
        // A broken stream must not fail the write that committed, nor the other subscribers.
        console.error('[live] 推送变更失败', error);
      }
    }
  }

  get size(): number {
    return this.listeners.size;
  }
}
