import type { z } from 'zod';
import type { HazardDetail, hazardsTransitionInput } from '../../../../shared/contract/hazards';
import {
  HAZARD_TRANSITION_FIELDS,
  hazardTransitionProblems,
  nextHazardStatus,
  type HazardTransitionInput,
} from '../../../../shared/domain/risks/hazard-statuses';
import { hasAccess } from '../../../../shared/domain/roles';
import { AppError } from '../../../../shared/errors';
import { principalOf, type HandlerContext } from '../../api/types';
import { transitionRecord } from '../../ledger/transition';
import { notify, type NotificationDraft } from '../../ledger/notifications/notify';
import { qb } from '../../db/sql';
import type { ColumnChanges } from '../../ledger/write';
import { assertPerson } from '../../ledger/references';
import { todayOf } from '../../ledger/clock';
import { openMeasureCount } from '../../ledger/tasks/repo';
import { detailOf } from './common';
import type { HazardTableRow } from './repo';
import { hazardStore } from './store';

type Input = z.output<typeof hazardsTransitionInput>;

/**
 * One step of a hazard's life. The domain decides (a red hazard needs its own plan, none is resolved
 * while measures are open); 销号 needs risks.closeOut (a leader, who is the approving leader), every
 * other step risks.write. The change, its event and its audit row commit together.
 */
export function transitionHazard(ctx: HandlerContext, input: Input): HazardDetail {
  const principal = principalOf(ctx);
  const closing = input.action === 'closeOut';
  if (!hasAccess(principal.roles, closing ? 'risks.closeOut' : 'risks.write')) {
    throw new AppError('FORBIDDEN', closing ? '销号须由带班领导审批，您没有销号权限。' : '您没有办理风险隐患的权限。');
  }
  const fields: HazardTransitionInput = {};
  for (const field of HAZARD_TRANSITION_FIELDS) {
    const value = field === 'approvingLeaderId' ? principal.userId : input[field];
    if (value !== undefined) fields[field] = value;
  }
  const today = todayOf(ctx);
  transitionRecord(ctx, hazardStore, input, (row: HazardTableRow) => {
    const problems = hazardTransitionProblems(row.status, input.action, fields, {
      level: row.level,
      today,
      foundOn: row.found_on,
      resolvedOn: row.resolved_on,
      hasPlan: row.plan.trim() !== '',
      openMeasureCount: openMeasureCount(ctx.sql, 'hazard', row.id),
    });
    if (!problems.length) {
      assertPerson(ctx, input.responsibleLeaderId, 'leader', 'responsibleLeaderId');
      assertPerson(ctx, input.responsiblePersonId, 'responsible', 'responsiblePersonId');
    }
    return {
      problems,
      to: nextHazardStatus(row.status, input.action),
      set: changesOf(input, today),
      fields: Object.keys(fields).filter((f) => f !== 'approvingLeaderId' || closing),
      note: [input.measures, input.plan, input.outcome, input.evidence, input.reason].filter(Boolean).join('\n'),
      afterwards: () => {
        if (input.action === 'sendBack') notify(ctx, hazardReturned(ctx, row, input.reason ?? ''));
      },
    };
  });
  return detailOf(ctx, input.id);
}

/** The hazard's columns a step writes, beside its new status. */
function changesOf(input: Input, today: string): ColumnChanges {
  switch (input.action) {
    case 'startResolving':
      return {
        leader_id: input.responsibleLeaderId ?? null,
        responsible_id: input.responsiblePersonId ?? null,
        measures: input.measures ?? '',
        ...(input.plan ? { plan: input.plan } : {}),
      };
    case 'resolve':
      return { outcome: input.outcome ?? null, resolved_on: input.happenedOn?.trim() || today };
    case 'closeOut':
      return { closed_on: input.happenedOn?.trim() || today };
    case 'sendBack':
      return { resolved_on: null };
    case 'reopen':
      return { resolved_on: null, closed_on: null };
  }
}

/** 退回化解中: told to the officer who registered the hazard and to its 责任人's unit. */
function hazardReturned(ctx: HandlerContext, row: HazardTableRow, reason: string): NotificationDraft {
  const unit = row.responsible_id
    ? ctx.sql.get(qb.selectFrom('people').select('unit_id').where('id', '=', row.responsible_id))?.unit_id
    : null;
  return {
    kind: 'returned',
    ledger: 'hazard',
    recordId: row.id,
    recordNo: row.hazard_no,
    townshipCode: row.township_code,
    userId: row.created_by,
    unitId: unit ?? null,
    text: `风险隐患 ${row.hazard_no}「${row.title}」退回化解中：${reason}`,
  };
}
