import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import {
  ASSESSMENT_FIELD_LABELS,
  type AssessmentDetail,
  type assessmentsCreateInput,
  type assessmentsUpdateInput,
} from '../../../../shared/contract/assessments';
import { dateProblem, todayBound } from '../../../../shared/domain/risks/fields';
import { ASSESSMENT_STATUS_LABELS } from '../../../../shared/domain/risks/assessment-statuses';
import { AppError } from '../../../../shared/errors';
import { invalidField } from '../../api/problems';
import { principalOf, type HandlerContext } from '../../api/types';
import { NEW_RECORD } from '../../ledger/store';
import { qb } from '../../db/sql';
import { audited } from '../audit/writer';
import { todayOf } from '../../ledger/clock';
import { addEvent, assertTownships, assertUnit, assessmentEntity, assessmentInScope, detailOf } from './common';
import { contentOf, nextAssessmentNo, townshipCodesOf } from './repo';
import { indexAssessment } from './search-index';

type CreateInput = z.output<typeof assessmentsCreateInput>;

/** The scalar columns a form edits, by their contract names. */
const COLUMNS = {
  matter: 'matter',
  matterType: 'matter_type',
  description: 'description',
  proposingUnitId: 'proposing_unit_id',
  assessingBody: 'assessing_body',
  peopleAffected: 'people_affected',
  registeredOn: 'registered_on',
  riskLevelBefore: 'risk_level_before',
  riskLevelAfter: 'risk_level_after',
  recommendedConclusion: 'recommended_conclusion',
  recommendationReason: 'recommendation_reason',
  hasEmergencyPlan: 'has_emergency_plan',
} as const;

function columnsOf(input: CreateInput) {
  return {
    matter: input.matter,
    matter_type: input.matterType,
    description: input.description,
    proposing_unit_id: input.proposingUnitId,
    assessing_body: input.assessingBody || null,
    people_affected: input.peopleAffected,
    registered_on: input.registeredOn,
    risk_level_before: input.riskLevelBefore,
    risk_level_after: input.riskLevelAfter,
    recommended_conclusion: input.recommendedConclusion,
    recommendation_reason: input.recommendationReason,
    has_emergency_plan: input.hasEmergencyPlan ? (1 as const) : (0 as const),
  };
}

/** The lists a form edits, as stored (blank findings are not kept). */
const listsOf = (input: CreateInput) => ({
  townshipCodes: input.townshipCodes,
  dimensions: input.dimensions.filter((d) => d.finding !== ''),
  consultations: input.consultations,
  risksFound: input.risksFound,
});

function check(ctx: HandlerContext, input: CreateInput): void {
  assertTownships(ctx, input.townshipCodes);
  assertUnit(ctx, input.proposingUnitId);
  const registered = dateProblem('registeredOn', '立项日期', input.registeredOn, {
    notAfter: todayBound(todayOf(ctx)),
  });
  if (registered) invalidField(registered.path, registered.message);
}

/** Replaces the townships, findings, consultations and risks of an assessment. */
function writeLists(ctx: HandlerContext, id: string, lists: ReturnType<typeof listsOf>): void {
  for (const table of [
    'assessment_townships',
    'assessment_findings',
    'assessment_consultations',
    'assessment_risks',
  ] as const) {
    ctx.sql.run(qb.deleteFrom(table).where('assessment_id', '=', id));
  }
  lists.townshipCodes.forEach((code, sort) =>
    ctx.sql.run(qb.insertInto('assessment_townships').values({ assessment_id: id, township_code: code, sort })),
  );
  for (const d of lists.dimensions) {
    ctx.sql.run(qb.insertInto('assessment_findings').values({ assessment_id: id, ...d }));
  }
  for (const c of lists.consultations) {
    ctx.sql.run(qb.insertInto('assessment_consultations').values({ assessment_id: id, ...c }));
  }
  lists.risksFound.forEach((r, sort) =>
    ctx.sql.run(qb.insertInto('assessment_risks').values({ assessment_id: id, sort, ...r })),
  );
}

/** 立项: a new assessment in status 立项, numbered `WP<year>-NNNN`. */
export function createAssessment(ctx: HandlerContext, input: CreateInput): AssessmentDetail {
  check(ctx, input);
  const id = uuidv7();
  const now = ctx.now().toISOString();
  const lists = listsOf(input);
  const fields = [
    ...Object.keys(COLUMNS).filter((key) => {
      const value = input[key as keyof typeof COLUMNS];
      return value !== null && value !== '' && value !== false;
    }),
    ...Object.entries(lists)
      .filter(([, list]) => list.length > 0)
      .map(([key]) => key),
  ];
  audited(ctx, { action: 'assessments.create', ...assessmentEntity(id), fields }, () => {
    ctx.sql.run(
      qb.insertInto('assessments').values({
        ...NEW_RECORD,
        id,
        assessment_no: nextAssessmentNo(ctx.sql, todayOf(ctx).slice(0, 4)),
        ...columnsOf(input),
        status: 'registered',
        decision: null,
        decided_by: null,
        decided_on: null,
        decision_reason: null,
        implemented_on: null,
        last_reviewed_on: null,
        next_re_review_on: null,
        archive_note: null,
        archived_on: null,
        created_by: principalOf(ctx).userId,
        created_at: now,
        updated_at: now,
      }),
    );
    writeLists(ctx, id, lists);
    indexAssessment(ctx.sql, id);
    addEvent(ctx, { assessment_id: id, kind: 'register', to_status: 'registered' });
  });
  return detailOf(ctx, id);
}

/** Statuses whose content may still be edited: what went to the leadership stays as it was sent. */
const EDITABLE = ['registered', 'assessing'] as const;

/** Edits the content (立项, 评估中); the audit row and the timeline name the fields that changed. */
export function updateAssessment(
  ctx: HandlerContext,
  input: z.output<typeof assessmentsUpdateInput>,
): AssessmentDetail {
  const row = assessmentInScope(ctx, input.id);
  if (!(EDITABLE as readonly string[]).includes(row.status)) {
    throw new AppError(
      'CONFLICT',
      `当前状态为“${ASSESSMENT_STATUS_LABELS[row.status]}”，评估内容已提请决策，不能修改。` +
        '如需补充，请由决策前“退回补充评估”或决定暂缓后“重新评估”。',
    );
  }
  check(ctx, input);
  const next = columnsOf(input);
  const lists = listsOf(input);
  const stored = { townshipCodes: townshipCodesOf(ctx.sql, row.id), ...contentOf(ctx.sql, row.id) };
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const fields = [
    ...(Object.keys(COLUMNS) as Array<keyof typeof COLUMNS>).filter((key) => next[COLUMNS[key]] !== row[COLUMNS[key]]),
    ...(Object.keys(lists) as Array<keyof typeof lists>).filter((key) => !same(lists[key], stored[key])),
  ];
  if (fields.length === 0) return detailOf(ctx, row.id);
  audited(ctx, { action: 'assessments.update', ...assessmentEntity(row.id), fields }, () => {
    ctx.sql.run(
      qb
        .updateTable('assessments')
        .set({ ...next, updated_at: ctx.now().toISOString() })
        .where('id', '=', row.id),
    );
    writeLists(ctx, row.id, lists);
    if (fields.includes('matter') || fields.includes('description')) indexAssessment(ctx.sql, row.id);
    const names = fields.map((field) => ASSESSMENT_FIELD_LABELS[field]);
    addEvent(ctx, { assessment_id: row.id, kind: 'update', note: `修改：${names.join('、')}` });
  });
  return detailOf(ctx, row.id);
}
