import type { Migration } from './types';

/**
 * The reports' dispute counts by the day a step happened: the 日报's disputes routed (分流) and
 * concluded on its day, the 周点评's and 月通报's overdue at the period's end (concluded only after
 * it). Without these each report read every dispute of the years kept.
 */
export const migration0025: Migration = {
  version: 25,
  name: 'dispute-report-dates',
  up(db) {
    db.exec(`
      CREATE INDEX disputes_routed ON disputes (routed_on, voided_at) WHERE routed_on IS NOT NULL;
      CREATE INDEX disputes_result ON disputes (result_on, voided_at) WHERE result_on IS NOT NULL;
    `);
  },
};
