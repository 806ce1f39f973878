import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { PetitionDetail, petitionsCreateInput, petitionsUpdateInput } from '../../../../shared/contract/petitions';
import { higherLevel } from '../../../../shared/domain/petitions/classification';
import { principalOf, type HandlerContext } from '../../api/types';
import { qb } from '../../db/sql';
import { audited } from '../audit/writer';
import {
  addEvent,
  assertCategory,
  assertPerson,
  assertTownship,
  caseInScope,
  detailOf,
  petitionEntity,
  todayOf,
} from './common';
import { findRepeatCase, nextCaseNo } from './repo';
import { indexPetition } from './search-index';

type CreateInput = z.output<typeof petitionsCreateInput>;
type UpdateInput = z.output<typeof petitionsUpdateInput>;

/**
 * Registering a case. Repeat petitions are linked, not duplicated: when a petitioner of the new
 * registration already has a case in the user's scope (same ID number; without one, same name and
 * phone), that case — the most recent — gets petition_count + 1, its highest level raised to the
 * new one if higher, and a `repeat` event; nothing new is created. A closed case stays closed:
 * the officer reopens it if the demand is back. `separateCase: true` registers a new case anyway
 * (the same person with a different demand). Matching stays inside the user's scope, so a
 * township officer never changes another township's case.
 */
export function createPetition(ctx: HandlerContext, input: CreateInput): { petition: PetitionDetail; linked: boolean } {
  assertTownship(ctx, input.townshipCode);
  assertCategory(ctx, input.category);
  const scope = principalOf(ctx).regionCode;
  const repeatOf = input.separateCase
    ? undefined
    : input.petitioners.map((p) => findRepeatCase(ctx.sql, p, scope)).find((row) => row !== undefined);
  if (repeatOf) {
    const level = higherLevel(repeatOf.highest_level, input.highestLevel);
    const fields = ['petitionCount', ...(level !== repeatOf.highest_level ? ['highestLevel'] : [])];
    audited(ctx, { action: 'petitions.repeat', ...petitionEntity(repeatOf.id), fields }, () => {
      ctx.sql.run(
        qb
          .updateTable('petitions')
          .set({
            petition_count: repeatOf.petition_count + input.petitionCount,
            highest_level: level,
            updated_at: ctx.now().toISOString(),
          })
          .where('id', '=', repeatOf.id),
      );
      addEvent(ctx, {
        petition_id: repeatOf.id,
        kind: 'repeat',
        reason: `${input.receivedDate} 再次信访（${input.highestLevel === 'county' ? '县级' : '越级'}）`,
      });
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
        status: 'found',
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
    input.petitioners.forEach((p, index) =>
      ctx.sql.run(
        qb.insertInto('petitioners').values({
          id: uuidv7(),
          petition_id: id,
          name: p.name,
          id_number: p.idNumber,
          phone: p.phone,
          address: p.address,
          is_primary: index === 0 ? 1 : 0,
          sort: index,
        }),
      ),
    );
    indexPetition(ctx.sql, id);
    addEvent(ctx, { petition_id: id, kind: 'register', to_status: 'found' });
  });
  return { petition: detailOf(ctx, id), linked: false };
}

/** Edits the descriptive fields; the audit row names the fields that changed. */
export function updatePetition(ctx: HandlerContext, input: UpdateInput): PetitionDetail {
  const row = caseInScope(ctx, input.id);
  assertTownship(ctx, input.townshipCode);
  assertCategory(ctx, input.category);
  assertPerson(ctx, input.responsibleId, 'responsible', 'responsibleId');
  const next = {
    township_code: input.townshipCode,
    summary: input.summary,
    first_petition_date: input.firstPetitionDate,
    received_date: input.receivedDate,
    highest_level: input.highestLevel,
    item_type: input.itemType,
    category: input.category,
    responsible_id: input.responsibleId,
    resolution_plan: input.resolutionPlan,
    stability_measures: input.stabilityMeasures,
  };
  const names: Record<keyof typeof next, string> = {
    township_code: 'townshipCode',
    summary: 'summary',
    first_petition_date: 'firstPetitionDate',
    received_date: 'receivedDate',
    highest_level: 'highestLevel',
    item_type: 'itemType',
    category: 'category',
    responsible_id: 'responsibleId',
    resolution_plan: 'resolutionPlan',
    stability_measures: 'stabilityMeasures',
  };
  const changed = (Object.keys(next) as Array<keyof typeof next>).filter((key) => next[key] !== row[key]);
  if (changed.length === 0) return detailOf(ctx, row.id);
  const fields = changed.map((key) => names[key]);
  audited(ctx, { action: 'petitions.update', ...petitionEntity(row.id), fields }, () => {
    ctx.sql.run(
      qb
        .updateTable('petitions')
        .set({ ...next, updated_at: ctx.now().toISOString() })
        .where('id', '=', row.id),
    );
    if (changed.includes('summary')) indexPetition(ctx.sql, row.id);
    addEvent(ctx, { petition_id: row.id, kind: 'update', reason: `修改：${fields.join('、')}` });
  });
  return detailOf(ctx, row.id);
}
