import { createFigureTallies } from '../figure-tallies';
import type { Migration } from './types';

/**
 * Figures whose cost does not grow with the backlog (db/figure-tallies.ts): open cases per
 * township × unit × due date (超期 is a sum over the dates before today), 办结 cases per township ×
 * unit (办结率), and cases and hazards per township and day (the 周点评 and 月通报 periods).
 * To be numbered 17 when it joins the petition workflow's 0016.
 */
export const migration0016: Migration = {
  version: 16,
  name: 'figure-tallies',
  up(db) {
    createFigureTallies(db);
  },
};
