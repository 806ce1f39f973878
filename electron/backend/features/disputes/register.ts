import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { DisputeDetail, disputesCreateInput, disputesUpdateInput } from '../../../../shared/contract/disputes';
import { disputeDraftProblems } from '../../../../shared/domain/disputes/intake';
import { checkIdNumber } from '../../../../shared/domain/id-number';
import { assertNoProblems } from '../../api/problems';
import { principalOf, type HandlerContext } from '../../api/types';
import { audited } from '../../audit/writer';
import { qb } from '../../db/sql';
import { todayOf } from '../../ledger/clock';
import { editRecord } from '../../ledger/edit';
import { NEW_RECORD } from '../../ledger/store';
import { assertReferences, detailOf, disputeEntity } from './common';
import { columnsOf, editableFields, editableValues } from './editable';
import { addDisputeEvent } from './events';
import { intakeMatches } from './matches';
import { insertParties } from './parties';
import { nextDisputeNo } from './repo';
import { disputeStore } from './store';

type CreateInput = z.output<typeof disputesCreateInput>;
type UpdateInput = z.output<typeof disputesUpdateInput>;

const DESCRIPTIVE = [
  'channel',
  'category',
  'summary',
  'receivedOn',
  'townshipCode',
  'villageCode',
  'gridCode',
  'peopleInvolved',
  'amountInvolved',
  'urgency',
  'riskColour',
] as const;

/**
 * Takes a dispute in (受理), numbered per year (一案一码), with its parties sealed and its keyword
 * index entry; an earlier dispute of the same person, or an open one of the same matter, is linked.
 */
export function createDispute(ctx: HandlerContext, input: CreateInput): DisputeDetail {
  assertNoProblems(disputeDraftProblems(input, todayOf(ctx)));
  assertReferences(ctx, input);
  const parties = input.parties.map((p) => ({
    ...p,
    idNumber: p.kind === 'person' && p.idNumber ? checkIdNumber(p.idNumber).value : null,
  }));
  const id = uuidv7();
  const now = ctx.now().toISOString();
  const fields = [...DESCRIPTIVE.filter((f) => input[f] !== null && input[f] !== ''), 'level', 'parties'];
  audited(ctx, { action: 'disputes.create', ...disputeEntity(id), fields }, () => {
    const matches = intakeMatches(ctx.sql, {
      townshipCode: input.townshipCode,
      villageCode: input.villageCode,
      category: input.category,
      idNumbers: parties.flatMap((p) => (p.idNumber ? [p.idNumber] : [])),
    });
    ctx.sql.run(
      qb.insertInto('disputes').values({
        ...NEW_RECORD,
        id,
        dispute_no: nextDisputeNo(ctx.sql, todayOf(ctx).slice(0, 4)),
        channel: input.channel,
        category: input.category,
        summary: input.summary,
        received_on: input.receivedOn,
        township_code: input.townshipCode,
        village_code: input.villageCode,
        grid_code: input.gridCode,
        people_involved: input.peopleInvolved,
        amount_involved: input.amountInvolved,
        urgency: input.urgency,
        risk_colour: input.riskColour,
        level: input.level,
        escalated: 0,
        status: 'received',
        prevented_criminal: 0,
        prevented_criminal_people: 0,
        prevented_collective: 0,
        created_by: principalOf(ctx).userId,
        created_at: now,
        updated_at: now,
      }),
    );
    insertParties(ctx.sql, id, parties);
    for (const match of matches) {
      ctx.sql.run(
        qb.insertInto('dispute_links').values({ dispute_id: id, related_id: match.id, reason: match.reason }),
      );
    }
    addDisputeEvent(ctx, {
      dispute_id: id,
      action: 'register',
      from_status: null,
      to_status: 'received',
      note: '',
      unit_id: null,
    });
    disputeStore.search.index(ctx.sql, id);
  });
  return detailOf(ctx, id);
}

/** Corrects the intake's fields, version-checked; the timeline shows each change. */
export function updateDispute(ctx: HandlerContext, input: UpdateInput): DisputeDetail {
  const { id: _id, version: _version, ...after } = input;
  editRecord(ctx, disputeStore, input, {
    fields: editableFields(ctx),
    before: editableValues,
    after,
    check(row) {
      if (row.status === 'closed') {
        assertNoProblems([{ path: 'status', message: '已销号的纠纷不能更正' }]);
      }
      assertNoProblems(disputeDraftProblems(after, todayOf(ctx)));
      assertReferences(ctx, after, row);
    },
    apply: (_row, changed) => columnsOf(after, changed),
  });
  return detailOf(ctx, input.id);
}
