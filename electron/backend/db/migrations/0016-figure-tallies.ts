import { createFigureTallies } from '../figure-tallies';
import type { Migration } from './types';

/**
 * Figures whose cost does not grow with the backlog (db/figure-tallies.ts): totals per township ×
 * unit (办结, open with a 办理时限, …), open cases per due date (超期 = the open ones less those due
 * from today on), and cases and hazards per day (the 周点评 and 月通报 periods: totals less what
 * happened since).
 * To be numbered 17 when it joins the petition workflow's 0016.
 */
export const migration0016: Migration = {
  version: 16,
  name: 'figure-tallies',
  up(db) {
    createFigureTallies(db);
  },
};
