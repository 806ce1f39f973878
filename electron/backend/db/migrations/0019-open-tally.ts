import { OPEN_LIST_0017, PETITION_TALLIES as TALLIES_0017, petitionTallySql } from './0017-petition-procedure';
import type { Migration } from './types';

/**
 * The tallies from this migration on: 0017's, plus the open cases (the written reply owed; refused
 * items are neither open nor concluded), so the board's 在办 count per township is read, not taken
 * as "all less concluded" (which counted 不予受理 and 不再受理 items as open). Frozen with it.
 */
export const PETITION_TALLIES = {
  ...TALLIES_0017,
  open: (row: string) => `${row}.status IN ${OPEN_LIST_0017}`,
} as const;

export const migration0019: Migration = {
  version: 19,
  name: 'open-tally',
  up(db) {
    db.exec(`ALTER TABLE petition_tallies ADD COLUMN open INTEGER NOT NULL DEFAULT 0;
      ${petitionTallySql(PETITION_TALLIES)}`);
  },
};
