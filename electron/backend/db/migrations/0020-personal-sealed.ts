import type { Migration } from './types';

/**
 * Personal data encrypted at rest (issue 15 item 7): the petitioners' ID numbers, phones and
 * addresses, the phones of a hazard's people and of the people (leaders, responsible persons)
 * are sealed in place with `zz_seal` (AES-256-GCM, see db/personal-cipher.ts), and the
 * petitioners get blind indexes (`zz_blind`) for the repeat-petitioner and final-case matches.
 * The indexes that held clear ID numbers and phones are dropped. The connection must carry the
 * cipher (`installCipher`); the runner took a backup first, which openDatabase then seals too.
 */
export const migration0020: Migration = {
  version: 20,
  name: 'personal-sealed',
  up(db) {
    db.exec(`
      DROP INDEX petitioners_id_number;
      DROP INDEX petitioners_phone;
      DROP INDEX petitioners_name;
      ALTER TABLE petitioners ADD COLUMN id_number_bi TEXT;
      ALTER TABLE petitioners ADD COLUMN phone_bi TEXT;
      UPDATE petitioners SET
        id_number_bi = zz_blind('id', id_number),
        phone_bi = zz_blind('phone', phone),
        id_number = zz_seal(id_number),
        phone = zz_seal(phone),
        address = zz_seal(address);
      CREATE INDEX petitioners_id_number_bi ON petitioners (id_number_bi) WHERE id_number_bi IS NOT NULL;
      CREATE INDEX petitioners_phone_bi ON petitioners (phone_bi, name) WHERE phone_bi IS NOT NULL;
      UPDATE hazard_people SET phone = zz_seal(phone) WHERE phone IS NOT NULL AND phone <> '';
      UPDATE people SET phone = zz_seal(phone) WHERE phone <> '';
    `);
  },
};
