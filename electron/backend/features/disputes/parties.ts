import { v7 as uuidv7 } from 'uuid';
import type { DisputePartyMasked } from '../../../../shared/contract/disputes';
import type { PartyKind, PartySide } from '../../../../shared/domain/disputes/intake';
import { maskIdNumber, maskName, maskPhone } from '../../../../shared/domain/masking';
import { cipherOf } from '../../db/personal-cipher';
import { qb, type Sql } from '../../db/sql';

export interface PartyValues {
  kind: PartyKind;
  side: PartySide;
  name: string;
  idNumber: string | null;
  phone: string | null;
}

/** Stores a dispute's parties: ID number and phone sealed, their blind indexes beside them. */
export function insertParties(sql: Sql, disputeId: string, parties: readonly PartyValues[]): void {
  const cipher = cipherOf(sql.db);
  parties.forEach((p, index) =>
    sql.run(
      qb.insertInto('dispute_parties').values({
        id: uuidv7(),
        dispute_id: disputeId,
        kind: p.kind,
        side: p.side,
        name: p.name,
        id_number: cipher.seal(p.idNumber),
        phone: cipher.seal(p.phone),
        id_number_bi: cipher.blind('id', p.idNumber),
        phone_bi: cipher.blind('phone', p.phone),
        sort: index,
      }),
    ),
  );
}

/** A dispute's parties as the drawer shows them: masked, an organisation's name in full. */
export function maskedParties(sql: Sql, disputeId: string): DisputePartyMasked[] {
  const cipher = cipherOf(sql.db);
  return sql
    .all(
      qb
        .selectFrom('dispute_parties')
        .select(['id', 'kind', 'side', 'name', 'id_number', 'phone'])
        .where('dispute_id', '=', disputeId)
        .orderBy('sort'),
    )
    .map((p) => {
      const idNumber = cipher.open(p.id_number);
      const phone = cipher.open(p.phone);
      return {
        id: p.id,
        kind: p.kind,
        side: p.side,
        nameMasked: p.kind === 'organisation' ? p.name : maskName(p.name),
        idNumberMasked: idNumber ? maskIdNumber(idNumber) : null,
        phoneMasked: phone ? maskPhone(phone) : null,
      };
    });
}
