import { applyPragmas, openRaw } from './connection';
import { installCipher, type PersonalCipher } from './personal-cipher';
import { Sql } from './sql';

/**
 * A worker's own write connection to the live database file, with the pragmas and the personal
 * data cipher of the main one. WAL lets the main connection's readers go on while it writes; its
 * transactions are `BEGIN IMMEDIATE` like every other (`Sql.transaction`).
 */
export function openWriter(file: string, cipher: PersonalCipher): Sql {
  const db = openRaw(file);
  try {
    installCipher(db, cipher);
    applyPragmas(db);
    return new Sql(db);
  } catch (error) {
    db.close();
    throw error;
  }
}
