import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { PetitionDetail, petitionsTransitionInput } from '../../../../shared/contract/petitions';
import { AppError } from '../../../../shared/errors';
import { hasAccess } from '../../../../shared/domain/roles';
import {
  nextStatus,
  transitionProblems,
  TRANSITION_FIELDS,
  type TransitionInput,
} from '../../../../shared/domain/petitions/statuses';
import { principalOf, type HandlerContext } from '../../api/types';
import type { Schema } from '../../db/schema';
import { qb } from '../../db/sql';
import { assertCaseAttachments, linkCloseOutAttachments } from '../attachments/closeout';
import { audited } from '../audit/writer';
import {
  addEvent,
  assertCategory,
  assertPerson,
  assertUnit,
  caseInScope,
  detailOf,
  petitionEntity,
  todayOf,
} from './common';

type Input = z.output<typeof petitionsTransitionInput>;
type Changes = Partial<Schema['petitions']>;

/**
 * One step of the closed loop. The domain's `transitionProblems` decides: a refused state is a
 * CONFLICT with its message, missing or wrong fields a VALIDATION naming them. 销号 needs the
 * petitions.closeOut permission (a leader), every other action petitions.write; the approving
 * leader of a close-out is the signed-in user. The change, its event and its audit row commit together.
 */
export function transitionPetition(ctx: HandlerContext, input: Input): PetitionDetail {
  const principal = principalOf(ctx);
  const needed = input.action === 'closeOut' ? 'petitions.closeOut' : 'petitions.write';
  if (!hasAccess(principal.roles, needed)) {
    throw new AppError(
      'FORBIDDEN',
      input.action === 'closeOut' ? '销号须由带班领导审批，您没有销号权限。' : '您没有办理积案的权限。',
    );
  }
  const row = caseInScope(ctx, input.id);
  const today = todayOf(ctx);
  const fields: TransitionInput = {};
  for (const field of TRANSITION_FIELDS) {
    const value = field === 'approvingLeaderId' ? principal.userId : input[field];
    if (value !== undefined) fields[field] = value;
  }
  const problems = transitionProblems(row.status, input.action, fields, {
    handlingUnitId: row.handling_unit_id,
    today,
  });
  const stateProblem = problems.find((p) => p.path === 'status');
  if (stateProblem) throw new AppError('CONFLICT', stateProblem.message, [stateProblem]);
  if (problems.length) throw new AppError('VALIDATION', problems.map((p) => p.message).join('；'), problems);
  assertCategory(ctx, input.category);
  assertUnit(ctx, input.handlingUnitId);
  assertPerson(ctx, input.responsibleLeaderId, 'leader', 'responsibleLeaderId');
  const evidenceFiles = input.action === 'closeOut' ? (input.attachmentIds ?? []) : [];
  assertCaseAttachments(ctx, row.id, evidenceFiles);

  const to = nextStatus(row.status, input.action)!;
  const changes: Changes = { status: to };
  switch (input.action) {
    case 'classify':
      Object.assign(changes, { item_type: input.itemType, category: input.category });
      break;
    case 'assign':
      Object.assign(changes, {
        handling_unit_id: input.handlingUnitId,
        leader_id: input.responsibleLeaderId,
        due_date: input.dueDate,
        assigned_date: today,
      });
      break;
    case 'transfer':
      Object.assign(changes, { handling_unit_id: input.handlingUnitId, assigned_date: today });
      if (input.dueDate) changes.due_date = input.dueDate;
      break;
    case 'resolve':
      Object.assign(changes, { outcome: input.outcome, resolved_date: today });
      break;
    case 'closeOut':
      changes.closed_date = today;
      break;
    case 'sendBack':
      changes.resolved_date = null;
      break;
    case 'reopen':
      Object.assign(changes, { due_date: input.dueDate, assigned_date: today, resolved_date: null, closed_date: null });
      break;
    case 'startResolving':
      break;
  }
  const changedFields = Object.keys(fields).filter((f) => f !== 'approvingLeaderId' || input.action === 'closeOut');
  if (evidenceFiles.length) changedFields.push('attachmentIds');
  audited(
    ctx,
    { action: `petitions.${input.action}`, ...petitionEntity(row.id), fields: ['status', ...changedFields] },
    () => {
      ctx.sql.run(
        qb
          .updateTable('petitions')
          .set({ ...changes, updated_at: ctx.now().toISOString() })
          .where('id', '=', row.id),
      );
      addEvent(ctx, {
        petition_id: row.id,
        kind: 'transition',
        action: input.action,
        from_status: row.status,
        to_status: to,
        unit_id: input.action === 'assign' || input.action === 'transfer' ? input.handlingUnitId! : null,
        reason: input.reason ?? '',
      });
      if (input.action === 'startResolving') insertProgress(ctx, row.id, today, input.progressNote!);
      if (input.action === 'closeOut') {
        const closeOutId = uuidv7();
        ctx.sql.run(
          qb.insertInto('petition_closeouts').values({
            id: closeOutId,
            petition_id: row.id,
            approved_by: principal.userId,
            evidence: input.evidence!,
            at: ctx.now().toISOString(),
          }),
        );
        linkCloseOutAttachments(ctx, closeOutId, evidenceFiles);
      }
    },
  );
  return detailOf(ctx, row.id);
}

export function insertProgress(ctx: HandlerContext, petitionId: string, date: string, content: string): void {
  ctx.sql.run(
    qb.insertInto('petition_progress').values({
      id: uuidv7(),
      petition_id: petitionId,
      date,
      content,
      by_user: principalOf(ctx).userId,
      at: ctx.now().toISOString(),
    }),
  );
}
