import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import {
  type AssessmentDetail,
  type assessmentsCreateInput,
  type assessmentsUpdateInput,
} from '../../../../shared/contract/assessments';
import { consultationViewProblems } from '../../../../shared/domain/risks/assessment-content';
import { dateProblem, todayBound } from '../../../../shared/domain/ledger/dates';
import { ASSESSMENT_STATUS_LABELS } from '../../../../shared/domain/risks/assessment-statuses';
import { AppError } from '../../../../shared/errors';
import { assertNoProblems, invalidField } from '../../api/problems';
import { principalOf, type HandlerContext } from '../../api/types';
import { NEW_RECORD } from '../../ledger/store';
import { qb } from '../../db/sql';
import { audited } from '../../audit/writer';
import { todayOf } from '../../ledger/clock';
import { addEvent } from './events';
import { editRecord } from '../../ledger/edit';
import { assertUnit } from '../../ledger/references';
import { assertTownships, assessmentEntity, detailOf } from './common';
import { changedColumns, COLUMNS, columnsOf, editableFields, editableValues, editedValues, listsOf } from './editable';
import { nextAssessmentNo, type AssessmentTableRow } from './repo';
import { assessmentStore } from './store';

type CreateInput = z.output<typeof assessmentsCreateInput>;

/** `row`: the assessment being corrected, whose own references stay allowed though disabled since. */
function check(ctx: HandlerContext, input: CreateInput, row?: AssessmentTableRow): void {
  assertTownships(ctx, input.townshipCodes, row ? assessmentStore.townshipsOf(ctx.sql, row) : []);
  assertUnit(ctx, input.proposingUnitId, 'proposingUnitId', '提出单位', row?.proposing_unit_id);
  const registered = dateProblem('registeredOn', '立项日期', input.registeredOn, {
    notAfter: todayBound(todayOf(ctx)),
  });
  if (registered) invalidField(registered.path, registered.message);
  assertNoProblems(consultationViewProblems(input.consultations));
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
      return value !== null && value !== '';
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
    assessmentStore.search.index(ctx.sql, id);
    addEvent(ctx, { assessment_id: id, kind: 'register', to_status: 'registered' });
  });
  return detailOf(ctx, id);
}

/** Statuses whose content may still be edited: what went to the leadership stays as it was sent. */
const EDITABLE = ['registered', 'assessing'] as const;

/**
 * Corrects the content (立项, 评估中), version-checked; the timeline shows each changed field's old and
 * new value, the audit row names the fields.
 */
export function updateAssessment(
  ctx: HandlerContext,
  input: z.output<typeof assessmentsUpdateInput>,
): AssessmentDetail {
  editRecord(ctx, assessmentStore, input, {
    fields: editableFields(ctx),
    before: (row) => editableValues(ctx, row),
    after: editedValues(input),
    check(row) {
      if (!(EDITABLE as readonly string[]).includes(row.status)) {
        throw new AppError(
          'CONFLICT',
          `当前状态为“${ASSESSMENT_STATUS_LABELS[row.status]}”，评估内容已提请决策，不能修改。` +
            '如需补充，请由决策前“退回补充评估”或决定暂缓后“重新评估”。',
        );
      }
      check(ctx, input, row);
    },
    apply(row, changed) {
      writeLists(ctx, row.id, listsOf(input));
      return changedColumns(input, changed);
    },
  });
  return detailOf(ctx, input.id);
}
