import { qb } from '../../db/sql';
import type { TaskOwnerLookup } from '../../ledger/registry';

/**
 * A meeting as the owner of its assigned decisions: a township or village meeting concerns its
 * township, a county or city meeting the whole county (county-wide users only).
 */
export const meetingTaskOwner: TaskOwnerLookup = (sql, id) => {
  const row = sql.get(qb.selectFrom('meetings').select('township_code').where('id', '=', id));
  if (!row) return undefined;
  return { townshipCodes: row.township_code ? [row.township_code] : [], frozenReason: null };
};
