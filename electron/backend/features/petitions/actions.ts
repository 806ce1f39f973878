import { v7 as uuidv7 } from 'uuid';
import type { PetitionDetail, SupervisionKind } from '../../../../shared/contract/petitions';
import { SUPERVISION_KIND_LABELS } from '../../../../shared/contract/petitions';
import { AppError } from '../../../../shared/errors';
import { addDays } from '../../../../shared/domain/ledger/calendar';
import { extensionProblems, hasConclusionClock } from '../../../../shared/domain/petitions/clocks';
import { isOpen, PETITION_STATUS_LABELS, statusAfterProgress } from '../../../../shared/domain/petitions/statuses';
import { owesAnswer } from '../../../../shared/domain/petitions/procedure';
import { principalOf, type HandlerContext } from '../../api/types';
import { qb } from '../../db/sql';
import { audited } from '../../audit/writer';
import { addEvent } from './events';
import { ledgerWrite, workableRecord } from '../../ledger/write';
import { detailOf, petitionEntity } from './common';
import { petitionStore } from './store';
import { todayOf } from '../../ledger/clock';
import { insertProgress } from './transition';
import { notify } from '../../ledger/notifications/notify';
import { petitionNotice } from './notices';

/**
 * Recording progress. On an 已交办 case the first entry moves it to 化解中 (the domain's
 * `statusAfterProgress`), written as a startResolving transition in the timeline and raising the
 * version; an entry that moves nothing leaves the version as it is. The version read, when sent,
 * is checked either way: the status shown decided what the officer recorded.
 */
export function addProgress(
  ctx: HandlerContext,
  input: { id: string; version?: number | undefined; date?: string | undefined; content: string },
): PetitionDetail {
  ledgerWrite(ctx, petitionStore, input, { action: 'petitions.addProgress' }, (row) => {
    const to = statusAfterProgress(row.status);
    if (to === null) {
      throw new AppError(
        'CONFLICT',
        `当前状态为“${PETITION_STATUS_LABELS[row.status]}”，只有已交办或化解中的积案可以记录进展。`,
      );
    }
    insertProgress(ctx, row.id, input.date ?? todayOf(ctx), input.content);
    if (to === row.status) return { fields: ['progress'] };
    addEvent(ctx, {
      petition_id: row.id,
      kind: 'transition',
      action: 'startResolving',
      from_status: row.status,
      to_status: to,
    });
    return { set: { status: to }, fields: ['progress', 'status'] };
  });
  return detailOf(ctx, input.id);
}

/**
 * Art. 34: an open 申诉求决 case with a deadline may be extended once, ≤ 30 days, approved, with a
 * reason; the 办理时限 and Art. 34's date both move to the statutory date plus those days.
 */
export function extendPetition(
  ctx: HandlerContext,
  input: { id: string; version?: number | undefined; days: number; approvedBy: string; reason: string },
): PetitionDetail {
  const fields = ['dueDate', 'extensionDays', 'extensionReason', 'extensionApprovedBy'];
  ledgerWrite(ctx, petitionStore, input, { action: 'petitions.extend', fields }, (row) => {
    if (row.item_type === null || !hasConclusionClock(row.item_type)) {
      throw new AppError('CONFLICT', '只有申诉求决类事项可以延长办理期限。');
    }
    if (!isOpen(row.status) || row.due_date === null) {
      throw new AppError('CONFLICT', '只有已交办、尚未办结的积案可以延长办理期限。');
    }
    const existing =
      row.extension_days !== null
        ? { days: row.extension_days, approvedBy: row.extension_approved_by ?? '', reason: row.extension_reason ?? '' }
        : null;
    const problems = extensionProblems(existing, input);
    if (problems.length) {
      throw new AppError(
        existing ? 'CONFLICT' : 'VALIDATION',
        problems.join('；'),
        problems.map((message) => ({ path: fieldOf(message), message })),
      );
    }
    // The extension runs from the statutory date (Art. 34), not from an earlier internal 办理时限.
    const due = addDays(row.conclusion_due_date ?? row.due_date, input.days);
    addEvent(ctx, {
      petition_id: row.id,
      kind: 'extension',
      reason: `延长 ${input.days} 日至 ${due}：${input.reason}`,
    });
    return {
      set: {
        due_date: due,
        conclusion_due_date: row.conclusion_due_date ? due : null,
        extension_days: input.days,
        extension_reason: input.reason,
        extension_approved_by: input.approvedBy,
      },
    };
  });
  return detailOf(ctx, input.id);
}

/** Which input field an extension problem concerns, for the form. */
function fieldOf(message: string): string {
  if (message.includes('批准')) return 'approvedBy';
  if (message.includes('理由')) return 'reason';
  if (message.includes('延长过')) return 'id';
  return 'days';
}

export function supervisePetition(
  ctx: HandlerContext,
  input: { id: string; kind: SupervisionKind; reason: string },
): PetitionDetail {
  const row = workableRecord(ctx, petitionStore, input.id);
  if (!owesAnswer(row.status)) {
    throw new AppError('CONFLICT', '已办结（不在复查、复核中）或不予受理的积案不再督办。');
  }
  audited(
    ctx,
    {
      action: 'petitions.supervise',
      ...petitionEntity(row.id),
      fields: ['supervision'],
      detail: SUPERVISION_KIND_LABELS[input.kind],
    },
    () => {
      ctx.sql.run(
        qb.insertInto('petition_supervisions').values({
          id: uuidv7(),
          petition_id: row.id,
          kind: input.kind,
          reason: input.reason,
          by_user: principalOf(ctx).userId,
          at: ctx.now().toISOString(),
        }),
      );
      notify(
        ctx,
        petitionNotice(
          row,
          'supervised',
          row.handling_unit_id,
          `${SUPERVISION_KIND_LABELS[input.kind]}：${input.reason}`,
        ),
      );
    },
  );
  return detailOf(ctx, row.id);
}
