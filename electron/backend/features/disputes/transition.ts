import type { z } from 'zod';
import type { DisputeDetail, disputesTransitionInput } from '../../../../shared/contract/disputes';
import { disputeDueDate } from '../../../../shared/domain/disputes/handling';
import {
  CONVERSION_TARGET_LABELS,
  DISPUTE_TRANSITION_FIELDS,
  disputeTransitionProblems,
  nextDisputeStatus,
  RESULT_OF_ACTION,
  type DisputeTransitionInput,
} from '../../../../shared/domain/disputes/statuses';
import { hasAccess } from '../../../../shared/domain/roles';
import { AppError } from '../../../../shared/errors';
import { invalidField } from '../../api/problems';
import { principalOf, type HandlerContext } from '../../api/types';
import { qb } from '../../db/sql';
import { todayOf } from '../../ledger/clock';
import { notify } from '../../ledger/notifications/notify';
import { assertUnit } from '../../ledger/references';
import { transitionRecord } from '../../ledger/transition';
import type { ColumnChanges } from '../../ledger/write';
import { detailOf } from './common';
import { convertDispute } from './conversion';
import { routeNotice } from './notices';
import type { DisputeTableRow } from './repo';
import { disputeStore } from './store';

type Input = z.output<typeof disputesTransitionInput>;

/**
 * One step of a dispute's loop. The domain decides what each step needs; 销号 needs
 * disputes.closeOut (a leader), every other step disputes.write. The change, its timeline entry and
 * its audit row commit together, and so does 分流's notice to the unit.
 */
export function transitionDispute(ctx: HandlerContext, input: Input): DisputeDetail {
  const closing = input.action === 'closeOut';
  if (!hasAccess(principalOf(ctx).roles, closing ? 'disputes.closeOut' : 'disputes.write')) {
    throw new AppError('FORBIDDEN', closing ? '销号须由带班领导审批，您没有销号权限。' : '您没有办理矛盾纠纷的权限。');
  }
  const fields: DisputeTransitionInput = {
    coUnitIds: input.coUnitIds,
    preventedCriminal: input.preventedCriminal,
    preventedCriminalPeople: input.preventedCriminalPeople,
  };
  for (const field of DISPUTE_TRANSITION_FIELDS) {
    const value = input[field];
    if (value !== undefined) fields[field] = value;
  }
  const today = todayOf(ctx);
  transitionRecord(ctx, disputeStore, input, (row: DisputeTableRow) => {
    const on = input.happenedOn?.trim() || today;
    const problems = disputeTransitionProblems(row.status, input.action, fields, {
      today,
      receivedOn: row.received_on,
      routedOn: row.routed_on,
      resultOn: row.result_on,
      visitedOn: row.visited_on,
      unitId: row.unit_id,
    });
    let converted = '';
    if (!problems.length) {
      assertUnit(ctx, input.unitId, 'unitId', '归口单位或调解组织');
      input.coUnitIds?.forEach((unitId, index) => assertUnit(ctx, unitId, `coUnitIds.${index}`, '协同单位'));
      if (input.action === 'settle') assertAgreementFile(ctx, row.id, input.agreementAttachmentId);
      if (input.action === 'convert' && input.convertedTo) {
        const made = convertDispute(ctx, row, input.convertedTo, on, input.conversion ?? EMPTY_CONVERSION);
        converted = `已转为${CONVERSION_TARGET_LABELS[input.convertedTo]} ${made.number}`;
      }
    }
    const set = changesOf(ctx, input, row, on);
    return {
      problems,
      to: nextDisputeStatus(row.status, input.action),
      set,
      fields: Object.keys(fields).filter((f) => fields[f as keyof DisputeTransitionInput] !== undefined),
      note: [input.mediator, input.agreement, input.visitNote, input.reason, converted].filter(Boolean).join('\n'),
      unitId: input.action === 'route' ? (input.unitId ?? null) : null,
      afterwards: () => {
        if (input.action === 'route' && input.unitId) {
          notify(ctx, routeNotice(row, input.unitId, (set.due_date as string | null | undefined) ?? null));
        }
        if (input.action !== 'startMediation') return;
        for (const unitId of input.coUnitIds ?? []) {
          ctx.sql.run(qb.insertInto('dispute_units').values({ dispute_id: row.id, unit_id: unitId }));
        }
      },
    };
  });
  return detailOf(ctx, input.id);
}

const EMPTY_CONVERSION = { category: null, itemType: null, title: null, level: null };

/** 调解成功's 调解协议书: a file uploaded to this very dispute as its agreement. */
function assertAgreementFile(ctx: HandlerContext, disputeId: string, attachmentId: string | null | undefined): void {
  if (!attachmentId) return;
  const file = ctx.sql.get(
    qb
      .selectFrom('attachments')
      .select('id')
      .where('id', '=', attachmentId)
      .where('entity', '=', 'dispute')
      .where('entity_id', '=', disputeId)
      .where('purpose', '=', 'agreement'),
  );
  if (!file) invalidField('agreementAttachmentId', '所选调解协议书不是本纠纷上传的协议书文件，请重新上传。');
}

/** The dispute's columns a step writes, beside its new status; `on` is the day it happened. */
function changesOf(ctx: HandlerContext, input: Input, row: DisputeTableRow, on: string): ColumnChanges {
  const result = RESULT_OF_ACTION[input.action];
  const concluded: ColumnChanges = result ? { result, result_on: on } : {};
  switch (input.action) {
    case 'route':
      return {
        handling_kind: input.handlingKind ?? null,
        unit_id: input.unitId ?? null,
        routed_on: on,
        due_date: input.handlingKind
          ? disputeDueDate(on, input.handlingKind, ctx.settings.work.disputeTimeLimits)
          : row.due_date,
      };
    case 'guide':
    case 'fail':
      return { ...concluded, legal_path: input.legalPath ?? null };
    case 'startMediation':
      return { coordination: input.coordination ?? null, mediator: input.mediator ?? null };
    case 'settle':
      return {
        ...concluded,
        agreement: input.agreement || null,
        agreement_attachment_id: input.agreementAttachmentId ?? null,
        judicial_confirmation: input.judicialConfirmation === 'yes' ? 1 : 0,
        prevented_criminal: input.preventedCriminal ? 1 : 0,
        prevented_criminal_people: input.preventedCriminal ? (input.preventedCriminalPeople ?? 0) : 0,
        prevented_collective: input.preventedCollective ? 1 : 0,
      };
    case 'withdraw':
      return concluded;
    case 'convert':
      return { ...concluded, converted_to: input.convertedTo ?? null };
    case 'visit':
      return { satisfaction: input.satisfaction ?? null, visit_note: input.visitNote ?? null, visited_on: on };
    case 'closeOut':
      return { closed_on: on };
  }
}
