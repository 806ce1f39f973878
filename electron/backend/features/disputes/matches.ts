import { cipherOf } from '../../db/personal-cipher';
import { qb, type Sql } from '../../db/sql';
import { OPEN_DISPUTE_STATUSES } from '../../../../shared/domain/disputes/statuses';

export interface IntakeMatch {
  id: string;
  reason: 'same_party' | 'same_matter';
}

/**
 * The disputes a new one is linked to at intake: any earlier dispute of the same person (by the ID
 * number's blind index), and any open one of the same matter (same township, village and category).
 * Voided records are left out; a dispute found both ways is linked once, as the same party.
 */
export function intakeMatches(
  sql: Sql,
  draft: { townshipCode: string; villageCode: string | null; category: string; idNumbers: readonly string[] },
): IntakeMatch[] {
  const cipher = cipherOf(sql.db);
  const blinds = draft.idNumbers.map((n) => cipher.blind('id', n)).filter((b): b is string => b !== null);
  const sameParty = blinds.length
    ? sql.all(
        qb
          .selectFrom('dispute_parties as p')
          .innerJoin('disputes as d', 'd.id', 'p.dispute_id')
          .select('d.id')
          .distinct()
          .where('p.id_number_bi', 'in', blinds)
          .where('d.voided_at', 'is', null),
      )
    : [];
  const sameMatter = sql.all(
    qb
      .selectFrom('disputes')
      .select('id')
      .where('township_code', '=', draft.townshipCode)
      .where('category', '=', draft.category)
      .where('village_code', draft.villageCode === null ? 'is' : '=', draft.villageCode)
      .where('status', 'in', OPEN_DISPUTE_STATUSES)
      .where('voided_at', 'is', null),
  );
  const found = new Map<string, IntakeMatch['reason']>();
  for (const { id } of sameParty) found.set(id, 'same_party');
  for (const { id } of sameMatter) if (!found.has(id)) found.set(id, 'same_matter');
  return [...found].map(([id, reason]) => ({ id, reason }));
}
