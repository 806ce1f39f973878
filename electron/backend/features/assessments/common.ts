import { v7 as uuidv7 } from 'uuid';
import type { AssessmentDetail } from '../../../../shared/contract/assessments';
import { inScope, townshipPrefix } from '../../../../shared/domain/scope';
import { AppError } from '../../../../shared/errors';
import { invalidField } from '../../api/problems';
import { principalOf, type HandlerContext } from '../../api/types';
import type { Schema } from '../../db/schema';
import { qb } from '../../db/sql';
import { clockOf } from '../../ledger/clock';
import { findAssessment, findDetail, townshipCodesOf, type AssessmentTableRow } from './repo';

/** Helpers every assessment write shares: scope, reference checks, events, the detail. */

/**
 * An assessment lies in a township user's scope when one of the townships it affects is theirs;
 * outside it, it reads as not found.
 */
export function assessmentInScope(ctx: HandlerContext, id: string): AssessmentTableRow {
  const row = findAssessment(ctx.sql, id);
  const scope = principalOf(ctx).regionCode;
  if (!row || (scope !== null && !townshipCodesOf(ctx.sql, id).some((code) => inScope(scope, code)))) {
    throw new AppError('NOT_FOUND', '未找到该稳评，可能不在您的辖区内，请刷新后重试。');
  }
  return row;
}

/** The settings the suggestion and the clocks are computed with. */
export const assessmentClockOf = (ctx: HandlerContext) => ({
  ...clockOf(ctx),
  mapping: ctx.settings.work.conclusionMapping,
});

export const detailOf = (ctx: HandlerContext, id: string): AssessmentDetail =>
  findDetail(ctx.sql, id, assessmentClockOf(ctx))!;

/** Every township exists; a township user includes their own township among them. */
export function assertTownships(ctx: HandlerContext, codes: readonly string[]): void {
  const unique = [...new Set(codes)];
  if (unique.length !== codes.length) invalidField('townshipCodes', '“涉及乡镇/街道”有重复，请去掉重复的选项。');
  const found = ctx.sql.all(
    qb.selectFrom('regions').select('code').where('code', 'in', unique).where('level', '=', 'township'),
  );
  if (found.length !== unique.length) invalidField('townshipCodes', '所选乡镇/街道有的不存在，请重新选择。');
  const scope = principalOf(ctx).regionCode;
  if (scope !== null && !unique.some((code) => code.startsWith(townshipPrefix(scope)))) {
    throw new AppError('FORBIDDEN', '您只能登记涉及本辖区的稳评，请在“涉及乡镇/街道”中选择本辖区。', [
      { path: 'townshipCodes', message: '未包含您的辖区' },
    ]);
  }
}

export function assertUnit(ctx: HandlerContext, unitId: string): void {
  if (!ctx.sql.get(qb.selectFrom('units').select('id').where('id', '=', unitId))) {
    invalidField('proposingUnitId', '所选提出单位不存在，请重新选择。');
  }
}

type EventFields = Pick<Schema['assessment_events'], 'assessment_id' | 'kind'> &
  Partial<Pick<Schema['assessment_events'], 'action' | 'from_status' | 'to_status' | 'note'>>;

export function addEvent(ctx: HandlerContext, event: EventFields): void {
  ctx.sql.run(
    qb.insertInto('assessment_events').values({
      id: uuidv7(),
      action: null,
      from_status: null,
      to_status: null,
      note: '',
      ...event,
      by_user: principalOf(ctx).userId,
      at: ctx.now().toISOString(),
    }),
  );
}

export const assessmentEntity = (id: string) => ({ entity: 'assessment', entityId: id });
