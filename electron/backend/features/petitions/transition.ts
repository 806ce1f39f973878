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
import { workingDayLimitOn } from '../../ledger/calendar';
import { compareDates } from '../../../../shared/domain/ledger/calendar';
import { STATUTORY_LIMITS } from '../../../../shared/domain/petitions/clocks';
import {
  conclusionDueOf,
  dueDateLimit,
  procedureProblems,
  REPLY_KIND_LABELS,
} from '../../../../shared/domain/petitions/procedure';
import { factsOf } from './limits';
import { notify } from '../../ledger/notifications/notify';
import { stepNotice } from './notices';
import { assertDictEntry, assertPerson, assertUnit } from '../../ledger/references';
import { transitionRecord } from '../../ledger/transition';
import type { ColumnChanges } from '../../ledger/write';
import { qb } from '../../db/sql';
import { assertCaseAttachments, linkCloseOutAttachments } from '../../ledger/attachments/closeout';
import { detailOf } from './common';
import type { PetitionTableRow } from './repo';
import { petitionStore } from './store';

type Input = z.output<typeof petitionsTransitionInput>;

/** Art. 34's date for a case accepted on `acceptedOn` (null for items without that clock). */
const conclusionDue = (row: PetitionTableRow, acceptedOn: string) =>
  conclusionDueOf({ itemType: row.item_type, acceptedDate: acceptedOn, extensionDays: row.extension_days });

/** The case's columns a step writes, beside its new status; `on` is the day the step happened. */
function changesOf(input: Input, row: PetitionTableRow, today: string): ColumnChanges {
  const on = input.happenedOn?.trim() || today;
  switch (input.action) {
    case 'classify':
      return { item_type: input.itemType ?? null, category: input.category ?? null };
    case 'accept':
      return { accepted_date: on, conclusion_due_date: conclusionDue(row, on) };
    case 'refuse':
    case 'refuseAgain':
      return { refused_date: on };
    case 'assign':
      return {
        handling_unit_id: input.handlingUnitId ?? null,
        leader_id: input.responsibleLeaderId ?? null,
        due_date: input.dueDate ?? null,
        assigned_date: today,
        // Assigned straight from 梳理分类: accepted and assigned on the same day.
        ...(row.accepted_date ? {} : { accepted_date: today, conclusion_due_date: conclusionDue(row, today) }),
      };
    case 'transfer':
      return {
        handling_unit_id: input.handlingUnitId ?? null,
        assigned_date: today,
        ...(input.dueDate ? { due_date: input.dueDate } : {}),
      };
    case 'object':
      return { objection_date: on, handling_unit_id: null, due_date: null };
    case 'reply':
      return { reply_date: on, reply_kind: input.replyKind ?? null };
    case 'requestReview':
      return { review_requested_date: on };
    case 'decideReview':
      return { review_decided_date: on };
    case 'requestReReview':
      return { re_review_requested_date: on };
    case 'decideReReview':
      return { re_review_decided_date: on, re_review_hearing_days: Number(input.hearingDays?.trim() || 0) };
    case 'resolve':
      return { outcome: input.outcome ?? null, resolved_date: on };
    case 'closeOut':
      return { closed_date: on };
    case 'sendBack':
      return { resolved_date: null };
    case 'reopen':
      return { due_date: input.dueDate ?? null, assigned_date: today, resolved_date: null, closed_date: null };
    case 'startResolving':
      return {};
  }
}

/** The timeline's note of a step: its reason, the reply's kind, a late objection said so. */
function noteOf(ctx: HandlerContext, input: Input, row: PetitionTableRow, today: string): string {
  const reason = input.reason ?? '';
  if (input.action === 'reply' && input.replyKind) return `处理意见：${REPLY_KIND_LABELS[input.replyKind]}`;
  if (input.action !== 'object' || !row.assigned_date) return reason;
  const window = workingDayLimitOn(ctx.sql, row.assigned_date, STATUTORY_LIMITS.objection.days);
  const on = input.happenedOn?.trim() || today;
  return compareDates(on, window.due) > 0
    ? `${reason}（逾期异议：已超过第二十三条规定的 5 个工作日，期限至 ${window.due}）`
    : reason;
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
      dates: {
        receivedDate: row.received_date,
        acceptedDate: row.accepted_date,
        assignedDate: row.assigned_date,
        replyDate: row.reply_date,
        reviewRequestedDate: row.review_requested_date,
        reviewDecidedDate: row.review_decided_date,
        reReviewRequestedDate: row.re_review_requested_date,
        resolvedDate: row.resolved_date,
      },
      statutoryDue: dueDateLimit(input.action, factsOf(row), today),
    });
    if (!problems.length) {
      problems.push(
        ...procedureProblems(
          input.action,
          fields,
          {
            replyDate: row.reply_date,
            reviewDecidedDate: row.review_decided_date,
            reReviewDecidedDate: row.re_review_decided_date,
          },
          today,
        ),
      );
    }
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
      set: changesOf(input, row, today),
      fields: evidenceFiles.length ? [...recorded, 'attachmentIds'] : recorded,
      note: noteOf(ctx, input, row, today),
      unitId: input.action === 'assign' || input.action === 'transfer' ? input.handlingUnitId : null,
      afterwards: () => {
        if (input.action === 'startResolving') insertProgress(ctx, row.id, today, input.progressNote!);
        if (closing) recordCloseOut(ctx, row.id, input.evidence!, evidenceFiles);
        const notice = stepNotice(input, row);
        if (notice) notify(ctx, notice);
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
