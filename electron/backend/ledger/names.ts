import { qb, type Sql } from '../db/sql';

/**
 * Reference values as a person reads them (a township's name, not its code), for the timeline's
 * old and new values. A value no longer in the reference data shows as it was stored.
 */
export const referenceNames = (sql: Sql) => ({
  region: (code: string) => sql.get(qb.selectFrom('regions').select('name').where('code', '=', code))?.name ?? code,
  unit: (id: string) => sql.get(qb.selectFrom('units').select('name').where('id', '=', id))?.name ?? id,
  person: (id: string) => sql.get(qb.selectFrom('people').select('name').where('id', '=', id))?.name ?? id,
  dictEntry: (dict: string, code: string) =>
    sql.get(qb.selectFrom('dict_entries').select('label').where('dict_code', '=', dict).where('code', '=', code))
      ?.label ?? code,
});
