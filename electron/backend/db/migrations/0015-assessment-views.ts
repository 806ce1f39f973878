import type { Migration } from './types';

/**
 * 稳评 views as the 2492 document asks for them: each way of gathering views (问卷, 座谈会, 听证会,
 * 走访 …) records how many were for, against and neutral. Existing rows had only counts: their views
 * stay unknown (NULL), shown as 未填写, never guessed from the count.
 */
export const migration0015: Migration = {
  version: 15,
  name: 'assessment-views',
  up(db) {
    for (const column of ['supporters', 'opponents', 'neutrals']) {
      db.exec(
        `ALTER TABLE assessment_consultations ADD COLUMN ${column} INTEGER CHECK (${column} IS NULL OR ${column} >= 0)`,
      );
    }
  },
};
