import { qb } from '../../db/sql';
import type { TaskOwnerLookup } from '../../ledger/registry';

/** A hazard as the owner of measures: its township; a closed-out hazard takes no more changes. */
export const hazardTaskOwner: TaskOwnerLookup = (sql, id) => {
  const row = sql.get(qb.selectFrom('hazards').select(['township_code', 'status']).where('id', '=', id));
  if (!row) return undefined;
  return {
    townshipCodes: [row.township_code],
    frozenReason: row.status === 'closed' ? '该隐患已销号，不能再制定或办理措施，如有新情况请先重新化解' : null,
  };
};
