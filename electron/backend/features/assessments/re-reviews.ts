import { sql as rawSql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { Page } from '../../../../shared/contract';
import type {
  AssessmentDetail,
  AssessmentRow,
  assessmentsReReviewInput,
} from '../../../../shared/contract/assessments';
import { addDays } from '../../../../shared/domain/ledger/calendar';
import { RISK_LEVEL_LABELS, type RiskLevel } from '../../../../shared/domain/risks/assessment-levels';
import { reReviewEntryProblems } from '../../../../shared/domain/risks/re-reviews';
import { assertNoProblems } from '../../api/problems';
import { principalOf, type HandlerContext } from '../../api/types';
import { offsetOf } from '../../db/paging';
import { qb } from '../../db/sql';
import { todayOf } from '../../ledger/clock';
import { ledgerWrite } from '../../ledger/write';
import { addEvent } from './events';
import { assessmentClockOf, detailOf } from './common';
import { countSelection } from '../../ledger/list';
import { assessmentsInScope, pageRows } from './repo';
import { assessmentStore } from './store';

type Paging = { page: number; pageSize: number };

/**
 * Records a re-review of a tracked assessment: the finding, the level found now and the next date
 * (blank when it was the last). The re-review clock restarts from the day it was held; the
 * assessment's dates change through the kernel's write (version checked when sent, and raised).
 */
export function recordReReview(
  ctx: HandlerContext,
  input: z.output<typeof assessmentsReReviewInput>,
): AssessmentDetail {
  ledgerWrite(ctx, assessmentStore, input, { action: 'assessments.recordReReview' }, (row) => {
    assertNoProblems(
      reReviewEntryProblems(input, {
        status: row.status,
        implementedOn: row.implemented_on ?? row.decided_on ?? row.registered_on,
        today: todayOf(ctx),
      }),
    );
    const reviewedOn = input.reviewedOn!.trim();
    const next = input.nextReReviewOn?.trim() || null;
    const level = input.riskLevel!.trim() as RiskLevel;
    ctx.sql.run(
      qb.insertInto('assessment_re_reviews').values({
        id: uuidv7(),
        assessment_id: row.id,
        reviewed_on: reviewedOn,
        finding: input.finding!.trim(),
        risk_level: level,
        next_re_review_on: next,
        by_user: principalOf(ctx).userId,
        at: ctx.now().toISOString(),
      }),
    );
    addEvent(ctx, {
      assessment_id: row.id,
      kind: 're_review',
      note:
        `复评（${reviewedOn}）：当前风险等级${RISK_LEVEL_LABELS[level]}；` +
        `${input.finding!.trim()}\n${next ? `下次复评：${next}` : '不再安排复评'}`,
    });
    return {
      set: { last_reviewed_on: reviewedOn, next_re_review_on: next },
      fields: ['reviewedOn', 'finding', 'riskLevel', ...(next ? ['nextReReviewOn'] : [])],
    };
  });
  return detailOf(ctx, input.id);
}

/**
 * The re-reviews that show up (the domain's `dueReReviews`): tracked assessments in scope whose
 * next re-review is due soon or overdue, the earliest first, paged in SQL.
 */
export function reReviewsDue(ctx: HandlerContext, input: Paging): Page<AssessmentRow> {
  const clock = assessmentClockOf(ctx);
  const until = addDays(clock.today, clock.dueSoonDays);
  const scope = principalOf(ctx).regionCode;
  const { assessments, params } = assessmentsInScope(scope, clock);
  const due = assessments
    .where('a.status', '=', 'tracking')
    .where('a.next_re_review_on', 'is not', null)
    .where('a.next_re_review_on', '<=', until);
  const total = countSelection(ctx.sql, due, params);
  const byDate = rawSql`a.next_re_review_on, a.id`;
  const page = due.orderBy(byDate).limit(input.pageSize).offset(offsetOf(input.page, input.pageSize));
  return { items: pageRows(ctx.sql, clock, page, byDate, params), total, page: input.page, pageSize: input.pageSize };
}
