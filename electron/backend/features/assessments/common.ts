import type { AssessmentDetail } from '../../../../shared/contract/assessments';
import { townshipPrefix } from '../../../../shared/domain/scope';
import { AppError } from '../../../../shared/errors';
import { invalidField } from '../../api/problems';
import { principalOf, type HandlerContext } from '../../api/types';
import { qb } from '../../db/sql';
import { clockOf } from '../../ledger/clock';
import { recordInScope } from '../../ledger/write';
import { findDetail, type AssessmentTableRow } from './repo';
import { assessmentStore } from './store';

/** Helpers every assessment write shares: scope, reference checks, events, the detail. */

/**
 * An assessment lies in a township user's scope when one of the townships it affects is theirs;
 * outside it, it reads as not found.
 */
export const assessmentInScope = (ctx: HandlerContext, id: string): AssessmentTableRow =>
  recordInScope(ctx, assessmentStore, id);

/** The settings the suggestion and the clocks are computed with. */
export const assessmentClockOf = (ctx: Pick<HandlerContext, 'now' | 'settings'>) => ({
  ...clockOf(ctx),
  mapping: ctx.settings.work.conclusionMapping,
});

export const detailOf = (ctx: HandlerContext, id: string): AssessmentDetail =>
  findDetail(ctx.sql, id, assessmentClockOf(ctx))!;

/**
 * Every township exists and is in use unless the assessment already names it (`kept`); a township
 * user includes their own township among them.
 */
export function assertTownships(ctx: HandlerContext, codes: readonly string[], kept: readonly string[] = []): void {
  const unique = [...new Set(codes)];
  if (unique.length !== codes.length) invalidField('townshipCodes', '“涉及乡镇/街道”有重复，请去掉重复的选项。');
  const found = ctx.sql.all(
    qb
      .selectFrom('regions')
      .select(['code', 'name', 'disabled_at'])
      .where('code', 'in', unique)
      .where('level', '=', 'township'),
  );
  if (found.length !== unique.length) invalidField('townshipCodes', '所选乡镇/街道有的不存在，请重新选择。');
  const disabled = found.find((t) => t.disabled_at !== null && !kept.includes(t.code));
  if (disabled) invalidField('townshipCodes', `乡镇/街道“${disabled.name}”已停用，请选择在用的乡镇/街道。`);
  const scope = principalOf(ctx).regionCode;
  if (scope !== null && !unique.some((code) => code.startsWith(townshipPrefix(scope)))) {
    throw new AppError('FORBIDDEN', '您只能登记涉及本辖区的稳评，请在“涉及乡镇/街道”中选择本辖区。', [
      { path: 'townshipCodes', message: '未包含您的辖区' },
    ]);
  }
}

export const assessmentEntity = (id: string) => ({ entity: 'assessment', entityId: id });
