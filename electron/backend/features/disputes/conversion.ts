import type { z } from 'zod';
import type { conversionInput } from '../../../../shared/contract/disputes';
import type { hazardsCreateInput } from '../../../../shared/contract/hazards';
import type { petitionsCreateInput } from '../../../../shared/contract/petitions';
import type { ConversionTarget } from '../../../../shared/domain/disputes/statuses';
import type { HandlerContext } from '../../api/types';
import { cipherOf } from '../../db/personal-cipher';
import { qb } from '../../db/sql';
import { createLinkedRecord } from '../../ledger/record-links';
import type { DisputeTableRow } from './repo';

type Conversion = z.output<typeof conversionInput>;

/** The parties in clear (inside the backend only): they become the petitioners or the people involved. */
function partiesOf(ctx: HandlerContext, disputeId: string) {
  const cipher = cipherOf(ctx.sql.db);
  return ctx.sql
    .all(
      qb
        .selectFrom('dispute_parties')
        .select(['kind', 'name', 'id_number', 'phone'])
        .where('dispute_id', '=', disputeId)
        .orderBy('sort'),
    )
    .map((p) => ({
      kind: p.kind,
      name: p.name.slice(0, 50),
      idNumber: cipher.open(p.id_number),
      phone: cipher.open(p.phone),
    }));
}

/** 转为信访事项: the dispute's township, summary and parties as petitioners; received the day of 转出. */
function petitionDraft(ctx: HandlerContext, row: DisputeTableRow, on: string, asked: Conversion) {
  return {
    townshipCode: row.township_code,
    summary: row.summary.slice(0, 2000),
    firstPetitionDate: row.received_on,
    receivedDate: on,
    itemType: asked.itemType,
    category: asked.category,
    petitioners: partiesOf(ctx, row.id).map((p) => ({
      name: p.name,
      idNumber: p.kind === 'person' ? p.idNumber : null,
      phone: p.phone,
    })),
  } satisfies z.input<typeof petitionsCreateInput>;
}

/** 转为风险隐患: the dispute's place, summary, people and colour; found the day of 转出. */
function hazardDraft(ctx: HandlerContext, row: DisputeTableRow, on: string, asked: Conversion) {
  return {
    title: asked.title ?? '',
    category: asked.category ?? '',
    source: 'other',
    description: row.summary,
    foundOn: on,
    townshipCode: row.township_code,
    villageCode: row.village_code,
    gridCode: row.grid_code,
    peopleInvolved: row.people_involved,
    people: partiesOf(ctx, row.id)
      .filter((p) => p.kind === 'person')
      .map((p) => ({ name: p.name, phone: p.phone })),
    level: asked.level ?? row.risk_colour,
  } satisfies z.input<typeof hazardsCreateInput>;
}

/**
 * 转出: the petition or hazard made from the dispute in the step's own transaction, linked both
 * ways through the kernel; a refusal names the dialog's fields (`conversion.…`) and undoes the step.
 */
export function convertDispute(
  ctx: HandlerContext,
  row: DisputeTableRow,
  target: ConversionTarget,
  on: string,
  asked: Conversion,
): { id: string; number: string } {
  const draft = target === 'petition' ? petitionDraft(ctx, row, on, asked) : hazardDraft(ctx, row, on, asked);
  return createLinkedRecord(ctx, { ledger: 'dispute', id: row.id }, target, draft, 'conversion');
}
