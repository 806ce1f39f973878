import { sql as rawSql, type RawBuilder } from 'kysely';

/** The display name of the account whose id is in `column` (who recorded, approved, uploaded). */
export const displayNameOf = (column: string): RawBuilder<string> =>
  rawSql<string>`(SELECT display_name FROM users WHERE id = ${rawSql.ref(column)})`;
