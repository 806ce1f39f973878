import type { Migration } from './types';

/**
 * A list filtered by status alone (the officers' 化解中, 已化解 …) picked its page by sorting every
 * case of that status (27,000 化解中 at 100,000 cases: 65–90 ms a page on the 2-core machine of
 * `npm run load`, 0.1 ms with these): these indexes hand the page over in the list's own order.
 * One per sort the lists offer besides the case count (received date, case number; the due date
 * undated last in either direction, as petitions_due_first/_last), and the hazards' found date.
 */
export const migration0021: Migration = {
  version: 21,
  name: 'status-list-order',
  up(db) {
    db.exec(`
      CREATE INDEX petitions_status_received ON petitions (status, received_date, id, voided_at);
      CREATE INDEX petitions_status_case_no ON petitions (status, case_no, id, voided_at);
      CREATE INDEX petitions_status_due_first ON petitions (status, due_date IS NULL, due_date, id, voided_at);
      CREATE INDEX petitions_status_due_last ON petitions (status, due_date IS NOT NULL, due_date, id, voided_at);
      CREATE INDEX hazards_status_found ON hazards (status, found_on, id, voided_at);
    `);
  },
};
