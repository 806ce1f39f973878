import { v7 as uuidv7 } from 'uuid';
import { cipherOf } from '../../db/personal-cipher';
import { qb, type Sql } from '../../db/sql';

/** A hazard's people (涉及人员) in order, their phones opened (they stay in the backend). */
export function hazardPeople(sql: Sql, hazardId: string): Array<{ id: string; name: string; phone: string | null }> {
  const cipher = cipherOf(sql.db);
  return sql
    .all(
      qb.selectFrom('hazard_people').select(['id', 'name', 'phone']).where('hazard_id', '=', hazardId).orderBy('sort'),
    )
    .map((p) => ({ ...p, phone: cipher.open(p.phone) }));
}

/** Puts these people in place of the hazard's, their phones sealed. */
export function replaceHazardPeople(
  sql: Sql,
  hazardId: string,
  people: readonly { name: string; phone: string | null }[],
): void {
  const cipher = cipherOf(sql.db);
  sql.run(qb.deleteFrom('hazard_people').where('hazard_id', '=', hazardId));
  people.forEach((p, sort) =>
    sql.run(
      qb
        .insertInto('hazard_people')
        .values({ id: uuidv7(), hazard_id: hazardId, name: p.name, phone: cipher.seal(p.phone), sort }),
    ),
  );
}
