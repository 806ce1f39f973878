import { createFigureTallies } from '../figure-tallies';
import type { Migration } from './types';

/**
 * Figures whose cost does not grow with the backlog (db/figure-tallies.ts), on the procedure's
 * meanings of 0017: open cases per due date (超期 = petition_tallies' open_due less those due from
 * today on), and cases (received, 化解, 办结 = the reply) and hazards per day (the 周点评 and 月通报
 * periods: totals less what happened since). `petitions_replied` finds the cases replied after a
 * period's end, to count those overdue at it.
 */
export const migration0018: Migration = {
  version: 18,
  name: 'figure-tallies',
  up(db) {
    createFigureTallies(db);
    db.exec(`CREATE INDEX petitions_replied ON petitions (reply_date, voided_at)
      WHERE reply_date IS NOT NULL AND voided_at IS NULL`);
  },
};
