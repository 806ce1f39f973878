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
import { todayOf } from '../../ledger/clock';
import { assertDictEntry, assertPerson, assertUnit } from '../../ledger/references';
import { transitionRecord } from '../../ledger/transition';
import type { ColumnChanges } from '../../ledger/write';
import { qb } from '../../db/sql';
import { assertCaseAttachments, linkCloseOutAttachments } from '../../ledger/attachments/closeout';
import { detailOf } from './common';
import type { PetitionTableRow } from './repo';
import { petitionStore } from './store';

type Input = z.output<typeof petitionsTransitionInput>;

/** The case's columns a step writes, beside its new status. */
function changesOf(input: Input, today: string): ColumnChanges {
  switch (input.action) {
    case 'classify':
      return { item_type: input.itemType ?? null, category: input.category ?? null };
    case 'assign':
      return {
        handling_unit_id: input.handlingUnitId ?? null,
        leader_id: input.responsibleLeaderId ?? null,
        due_date: input.dueDate ?? null,
        assigned_date: today,
      };
    case 'transfer':
      return {
        handling_unit_id: input.handlingUnitId ?? null,
        assigned_date: today,
        ...(input.dueDate ? { due_date: input.dueDate } : {}),
      };
    case 'resolve':
      return { outcome: input.outcome ?? null, resolved_date: input.happenedOn?.trim() || today };
    case 'closeOut':
      return { closed_date: input.happenedOn?.trim() || today };
    case 'sendBack':
      return { resolved_date: null };
    case 'reopen':
      return { due_date: input.dueDate ?? null, assigned_date: today, resolved_date: null, closed_date: null };
    case 'startResolving':
      return {};
  }
}

/**
 * One step of the closed loop, through the kernel's transition (the status re-checked inside the
 * write). The domain's `transitionProblems` decides: a refused state is a CONFLICT with its
 * message, missing or wrong fields a VALIDATION naming them. 销号 needs the petitions.closeOut
 * permission (a leader), every other action petitions.write; the approving leader of a close-out
 * is the signed-in user.
 */
export function transitionPetition(ctx: HandlerContext, input: Input): PetitionDetail {
  const principal = principalOf(ctx);
  const closing = input.action === 'closeOut';
  if (!hasAccess(principal.roles, closing ? 'petitions.closeOut' : 'petitions.write')) {
    throw new AppError('FORBIDDEN', closing ? '销号须由带班领导审批，您没有销号权限。' : '您没有办理积案的权限。');
  }
  const today = todayOf(ctx);
  const fields: TransitionInput = {};
  for (const field of TRANSITION_FIELDS) {
    const value = field === 'approvingLeaderId' ? principal.userId : input[field];
    if (value !== undefined) fields[field] = value;
  }
  const evidenceFiles = closing ? (input.attachmentIds ?? []) : [];
  transitionRecord(ctx, petitionStore, input, (row: PetitionTableRow) => {
    const problems = transitionProblems(row.status, input.action, fields, {
      handlingUnitId: row.handling_unit_id,
      today,
      dates: { receivedDate: row.received_date, assignedDate: row.assigned_date, resolvedDate: row.resolved_date },
    });
    if (!problems.length) {
      assertDictEntry(ctx, 'petition_category', input.category, 'category', '问题分类');
      assertUnit(ctx, input.handlingUnitId, 'handlingUnitId', '承办单位');
      assertPerson(ctx, input.responsibleLeaderId, 'leader', 'responsibleLeaderId');
      assertCaseAttachments(ctx, row.id, evidenceFiles);
    }
    const recorded = Object.keys(fields).filter((f) => f !== 'approvingLeaderId' || closing);
    return {
      problems,
      to: nextStatus(row.status, input.action),
      set: changesOf(input, today),
      fields: evidenceFiles.length ? [...recorded, 'attachmentIds'] : recorded,
      note: input.reason ?? '',
      unitId: input.action === 'assign' || input.action === 'transfer' ? input.handlingUnitId : null,
      afterwards: () => {
        if (input.action === 'startResolving') insertProgress(ctx, row.id, today, input.progressNote!);
        if (closing) recordCloseOut(ctx, row.id, input.evidence!, evidenceFiles);
      },
    };
  });
  return detailOf(ctx, input.id);
}

function recordCloseOut(ctx: HandlerContext, petitionId: string, evidence: string, files: readonly string[]): void {
  const closeOutId = uuidv7();
  ctx.sql.run(
    qb.insertInto('petition_closeouts').values({
      id: closeOutId,
      petition_id: petitionId,
      approved_by: principalOf(ctx).userId,
      evidence,
      at: ctx.now().toISOString(),
    }),
  );
  linkCloseOutAttachments(ctx, closeOutId, files);
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
