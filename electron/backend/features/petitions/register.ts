import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { PetitionDetail, petitionsCreateInput, petitionsUpdateInput } from '../../../../shared/contract/petitions';
import { higherLevel } from '../../../../shared/domain/petitions/classification';
import { conclusionDueOf } from '../../../../shared/domain/petitions/procedure';
import { registrationDateProblems } from '../../../../shared/domain/petitions/registration-dates';
import { assertNoProblems } from '../../api/problems';
import { principalOf, type HandlerContext } from '../../api/types';
import { qb } from '../../db/sql';
import { todayOf } from '../../ledger/clock';
import { editRecord } from '../../ledger/edit';
import { NEW_RECORD } from '../../ledger/store';
import { assertDictEntry, assertPerson, assertTownship } from '../../ledger/references';
import { ledgerWrite } from '../../ledger/write';
import { audited } from '../../audit/writer';
import { detailOf, petitionEntity } from './common';
import { columnsOf, editableFields, editableValues } from './editable';
import { addEvent } from './events';
import { findFinalCase, findRepeatCase, insertPetitioners, nextCaseNo } from './repo';
import { petitionStore } from './store';

type CreateInput = z.output<typeof petitionsCreateInput>;
type UpdateInput = z.output<typeof petitionsUpdateInput>;

/**
 * Registering a case. Repeat petitions are linked, not duplicated: when a petitioner of the new
 * registration already has a case in the user's scope (same ID number; without one, same name and
 * phone), that case — the most recent — gets petition_count + 1, its highest level raised to the
 * new one if higher, and a `repeat` event; nothing new is created. A closed case stays closed:
 * the officer reopens it if the demand is back. `separateCase: true` registers a new case anyway
 * (the same person with a different demand). Matching stays inside the user's scope, so a
 * township officer never changes another township's case. A petition on the facts of a case
 * already final after 复核 (same petitioner ID number, same category) is registered as 不再受理,
 * linked to that case (Art. 36), whatever `separateCase` says.
 */
export function createPetition(ctx: HandlerContext, input: CreateInput): { petition: PetitionDetail; linked: boolean } {
  assertTownship(ctx, input.townshipCode, '积案');
  assertDictEntry(ctx, 'petition_category', input.category, 'category', '问题分类');
  assertNoProblems(registrationDateProblems(input, todayOf(ctx)));
  const scope = principalOf(ctx).regionCode;
  const finalCase = finalCaseOf(ctx, input);
  const repeatOf =
    input.separateCase || finalCase
      ? undefined
      : input.petitioners.map((p) => findRepeatCase(ctx.sql, p, scope)).find((row) => row !== undefined);
  if (repeatOf) {
    // Through the kernel: a repeat raises the case's version, so an edit based on the old count is refused.
    ledgerWrite(ctx, petitionStore, { id: repeatOf.id }, { action: 'petitions.repeat' }, (row) => {
      const level = higherLevel(row.highest_level, input.highestLevel);
      addEvent(ctx, {
        petition_id: row.id,
        kind: 'repeat',
        reason: `${input.receivedDate} 再次信访（${input.highestLevel === 'county' ? '县级' : '越级'}）`,
      });
      return {
        set: { petition_count: row.petition_count + input.petitionCount, highest_level: level },
        fields: ['petitionCount', ...(level !== row.highest_level ? ['highestLevel'] : [])],
      };
    });
    return { petition: detailOf(ctx, repeatOf.id), linked: true };
  }

  const id = uuidv7();
  const now = ctx.now().toISOString();
  const fields = [
    'townshipCode',
    'summary',
    'firstPetitionDate',
    'receivedDate',
    'petitionCount',
    'highestLevel',
    ...(input.itemType ? ['itemType'] : []),
    ...(input.category ? ['category'] : []),
    'petitioners',
  ];
  audited(ctx, { action: 'petitions.create', ...petitionEntity(id), fields }, () => {
    ctx.sql.run(
      qb.insertInto('petitions').values({
        ...NEW_RECORD,
        id,
        case_no: nextCaseNo(ctx.sql, todayOf(ctx).slice(0, 4)),
        item_type: input.itemType,
        category: input.category,
        township_code: input.townshipCode,
        summary: input.summary,
        first_petition_date: input.firstPetitionDate,
        received_date: input.receivedDate,
        petition_count: input.petitionCount,
        highest_level: input.highestLevel,
        status: finalCase ? 'not_again' : 'found',
        final_case_id: finalCase?.id ?? null,
        refused_date: finalCase ? todayOf(ctx) : null,
        handling_unit_id: null,
        leader_id: null,
        responsible_id: null,
        assigned_date: null,
        due_date: null,
        extension_days: null,
        extension_reason: null,
        extension_approved_by: null,
        resolution_plan: '',
        stability_measures: '',
        outcome: null,
        resolved_date: null,
        closed_date: null,
        created_by: principalOf(ctx).userId,
        created_at: now,
        updated_at: now,
      }),
    );
    insertPetitioners(ctx.sql, id, input.petitioners);
    petitionStore.search.index(ctx.sql, id);
    addEvent(ctx, {
      petition_id: id,
      kind: 'register',
      to_status: finalCase ? 'not_again' : 'found',
      reason: finalCase ? `同一事实和理由已于 ${finalCase.case_no} 复核终结，不再受理（第三十六条）` : '',
    });
  });
  return { petition: detailOf(ctx, id), linked: false };
}

/** The final case a registration's petitioners and category repeat, if any. */
function finalCaseOf(ctx: HandlerContext, input: CreateInput) {
  const category = input.category;
  if (!category) return undefined;
  const scope = principalOf(ctx).regionCode;
  return input.petitioners
    .map((p) => (p.idNumber ? findFinalCase(ctx.sql, { idNumber: p.idNumber, category }, scope) : undefined))
    .find((row) => row !== undefined);
}

/** 登记's hint: the final case a petitioner's new petition on this category would repeat. */
export function finalMatch(ctx: HandlerContext, input: { idNumber: string; category: string }) {
  const row = findFinalCase(ctx.sql, input, principalOf(ctx).regionCode);
  return row ? { id: row.id, caseNo: row.case_no } : null;
}

/**
 * Corrects the case's descriptive fields (everything shown in the drawer that is not a workflow
 * result), version-checked; the timeline shows each changed field's old and new value.
 */
export function updatePetition(ctx: HandlerContext, input: UpdateInput): PetitionDetail {
  editRecord(ctx, petitionStore, input, {
    fields: editableFields(ctx),
    before: editableValues,
    after: {
      townshipCode: input.townshipCode,
      summary: input.summary,
      firstPetitionDate: input.firstPetitionDate,
      receivedDate: input.receivedDate,
      highestLevel: input.highestLevel,
      itemType: input.itemType,
      category: input.category,
      responsibleId: input.responsibleId,
      resolutionPlan: input.resolutionPlan,
      stabilityMeasures: input.stabilityMeasures,
    },
    check(row, changed) {
      if (changed.has('townshipCode')) assertTownship(ctx, input.townshipCode, '积案');
      // Only a changed date is checked, so a case keeps taking corrections of its other fields.
      if (changed.has('firstPetitionDate') || changed.has('receivedDate')) {
        assertNoProblems(registrationDateProblems(input, todayOf(ctx)));
      }
      assertDictEntry(ctx, 'petition_category', input.category, 'category', '问题分类', row.category);
      assertPerson(ctx, input.responsibleId, 'responsible', 'responsibleId', row.responsible_id);
    },
    apply: (row, changed) => ({
      ...columnsOf(input, changed),
      // A corrected item type changes whether Art. 34's clock runs from the acceptance.
      ...(changed.has('itemType') && row.accepted_date
        ? {
            conclusion_due_date: conclusionDueOf({
              itemType: input.itemType,
              acceptedDate: row.accepted_date,
              extensionDays: row.extension_days,
            }),
          }
        : {}),
    }),
  });
  return detailOf(ctx, input.id);
}
