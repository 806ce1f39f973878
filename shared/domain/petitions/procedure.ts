/**
 * The statutory clocks of clocks.ts applied to one case: which limits run for it, from which of
 * its dates, and whether they were kept; the windows a 复查 or 复核 request must fall in; the
 * statutory date a case's list row and supervision run on.
 */
import { compareDates, type HolidayCalendar } from '../ledger/calendar';
import type { PetitionItemType } from './classification';
import {
  conclusionDueDate,
  hasConclusionClock,
  notificationDueDate,
  objectionDueDate,
  registrationDueDate,
  reReviewDecisionDueDate,
  reReviewRequestDueDate,
  reviewDecisionDueDate,
  reviewRequestDueDate,
  STATUTORY_LIMITS,
} from './clocks';
import { isOpen, type PetitionAction, type PetitionStatus, type TransitionProblem } from './statuses';

/** 处理意见书 (Art. 32): 支持, 解释说明, 不予支持. */
export const REPLY_KINDS = ['support', 'explain', 'reject'] as const;
export type ReplyKind = (typeof REPLY_KINDS)[number];
export const REPLY_KIND_LABELS: Record<ReplyKind, string> = {
  support: '支持',
  explain: '解释说明',
  reject: '不予支持',
};

/** The dates of a case the statutory clocks run from and stop at. */
export interface ProcedureFacts {
  status: PetitionStatus;
  itemType: PetitionItemType | null;
  receivedDate: string;
  acceptedDate: string | null;
  /** The day the item was refused (不予受理 / 不再受理): it answers Art. 22 and 23 too. */
  refusedDate: string | null;
  assignedDate: string | null;
  objectionDate: string | null;
  replyDate: string | null;
  reviewRequestedDate: string | null;
  reviewDecidedDate: string | null;
  reReviewRequestedDate: string | null;
  reReviewHearingDays: number | null;
  reReviewDecidedDate: string | null;
  extensionDays: number | null;
}

export type StatutoryLimitKey = Exclude<keyof typeof STATUTORY_LIMITS, 'extension'>;

/** One limit as it applies to the case: `doneOn` is when it was met (null while it runs). */
export interface AppliedLimit {
  key: StatutoryLimitKey;
  label: string;
  article: string;
  start: string;
  due: string;
  doneOn: string | null;
  /** The petitioner's own window (复查, 复核 requested): it binds the petitioner, not the organ. */
  petitioners: boolean;
  /** A working-day limit that ran into a year whose holidays are not entered (as `WorkingDayLimit`). */
  weekendsOnly: boolean;
  unenteredYears: number[];
}

/** Before assignment the statutory clock is Art. 22's (registered and passed on). */
export const AWAITING_ASSIGNMENT: readonly PetitionStatus[] = ['found', 'classified', 'accepted'];
/** After it, Art. 34's until the written reply. */
export const WITH_UNIT: readonly PetitionStatus[] = ['assigned', 'resolving'];
/**
 * While 复查 or 复核 is pending the organ owes its opinion (Art. 35, 36): the statutory clock runs
 * again, from the request. Hearing days are known only with the re-review opinion, so until then
 * the 复核 clock shows the plain 30 days.
 */
export const UNDER_REVIEW: readonly PetitionStatus[] = ['reviewing', 're_reviewing'];

/** The organ still owes the petitioner an answer: the written reply, or a 复查 / 复核 opinion. */
export const owesAnswer = (status: PetitionStatus): boolean => isOpen(status) || UNDER_REVIEW.includes(status);

/** Art. 34 for this case: 60 days from acceptance (+ the extension), for 申诉求决 items only. */
export function conclusionDueOf(facts: Pick<ProcedureFacts, 'itemType' | 'acceptedDate' | 'extensionDays'>) {
  if (!facts.itemType || !hasConclusionClock(facts.itemType) || !facts.acceptedDate) return null;
  const due = conclusionDueDate(facts.acceptedDate);
  return facts.extensionDays ? conclusionDueDate(facts.acceptedDate, extensionOf(facts.extensionDays)) : due;
}

// The approval and reason were checked when the extension was granted; only its length counts here.
const extensionOf = (days: number) => ({ days, approvedBy: '已批准', reason: '已告知' });

/**
 * Every statutory limit that applies to the case so far, in the order of the procedure: Art. 22
 * and 23 from receipt; the objection window from the assignment while it is open or was used;
 * Art. 34 from acceptance for 申诉求决; Art. 35 and 36 once their trigger happened.
 */
export function appliedLimits(facts: ProcedureFacts, calendar: HolidayCalendar): AppliedLimit[] {
  const limit = (
    key: StatutoryLimitKey,
    start: string,
    due: string,
    doneOn: string | null,
    extra: Partial<AppliedLimit> = {},
  ): AppliedLimit => ({
    key,
    label: STATUTORY_LIMITS[key].label,
    article: STATUTORY_LIMITS[key].article,
    start,
    due,
    doneOn,
    petitioners: false,
    weekendsOnly: false,
    unenteredYears: [],
    ...extra,
  });
  const received = facts.receivedDate;
  const limits = [
    limit('registration', received, registrationDueDate(received), facts.assignedDate ?? facts.refusedDate),
    limit('notification', received, notificationDueDate(received), facts.acceptedDate ?? facts.refusedDate),
  ];
  if (facts.assignedDate && (facts.status === 'assigned' || facts.objectionDate)) {
    const objection = objectionDueDate(facts.assignedDate, calendar);
    limits.push(
      limit('objection', facts.assignedDate, objection.due, facts.objectionDate, {
        weekendsOnly: objection.weekendsOnly,
        unenteredYears: objection.unenteredYears,
      }),
    );
  }
  const conclusion = conclusionDueOf(facts);
  if (conclusion) limits.push(limit('conclusion', facts.acceptedDate!, conclusion, facts.replyDate));
  if (facts.replyDate) {
    limits.push(
      limit('reviewRequest', facts.replyDate, reviewRequestDueDate(facts.replyDate), facts.reviewRequestedDate, {
        petitioners: true,
      }),
    );
  }
  if (facts.reviewRequestedDate) {
    const due = reviewDecisionDueDate(facts.reviewRequestedDate);
    limits.push(limit('reviewDecision', facts.reviewRequestedDate, due, facts.reviewDecidedDate));
  }
  if (facts.reviewDecidedDate) {
    const due = reReviewRequestDueDate(facts.reviewDecidedDate);
    limits.push(
      limit('reReviewRequest', facts.reviewDecidedDate, due, facts.reReviewRequestedDate, { petitioners: true }),
    );
  }
  if (facts.reReviewRequestedDate) {
    const due = reReviewDecisionDueDate(facts.reReviewRequestedDate, facts.reReviewHearingDays ?? 0);
    limits.push(limit('reReviewDecision', facts.reReviewRequestedDate, due, facts.reReviewDecidedDate));
  }
  return limits;
}

/** A limit met after its due day (逾期办理). */
export const metLate = (limit: AppliedLimit): boolean =>
  limit.doneOn !== null && compareDates(limit.doneOn, limit.due) > 0;

/**
 * The statutory date a case's list row, stage and supervision run on: before assignment Art. 22
 * (registered and passed on within 15 days of receipt), after it Art. 34 for 申诉求决 until the
 * written reply, during 复查 / 复核 the opinion's date (Art. 35, 36); null otherwise (nothing owed,
 * or an item type without a limit).
 */
export function statutoryDueOf(facts: ProcedureFacts): { start: string; due: string } | null {
  if (AWAITING_ASSIGNMENT.includes(facts.status)) {
    return { start: facts.receivedDate, due: registrationDueDate(facts.receivedDate) };
  }
  if (facts.status === 'reviewing' && facts.reviewRequestedDate) {
    return { start: facts.reviewRequestedDate, due: reviewDecisionDueDate(facts.reviewRequestedDate) };
  }
  if (facts.status === 're_reviewing' && facts.reReviewRequestedDate) {
    return {
      start: facts.reReviewRequestedDate,
      due: reReviewDecisionDueDate(facts.reReviewRequestedDate, facts.reReviewHearingDays ?? 0),
    };
  }
  if (!WITH_UNIT.includes(facts.status) || facts.replyDate) return null;
  const due = conclusionDueOf(facts);
  return due ? { start: facts.acceptedDate!, due } : null;
}

/**
 * The statutory date a new 办理时限 given at 交办 or 转办 may not pass (Art. 34, the extension
 * included): the case's own once accepted, or 60 days from today for one accepted by this very
 * assignment; null for other steps, other item types, or after the written reply.
 */
export function dueDateLimit(
  action: PetitionAction,
  facts: Pick<ProcedureFacts, 'itemType' | 'acceptedDate' | 'replyDate' | 'extensionDays'>,
  today: string,
): string | null {
  if ((action !== 'assign' && action !== 'transfer') || facts.replyDate) return null;
  return conclusionDueOf({ ...facts, acceptedDate: facts.acceptedDate ?? today });
}

/**
 * The procedure's windows a step must respect, each naming its field: 复查 requested within 30
 * days of the written reply (Art. 35), 复核 within 30 days of the review opinion (Art. 36); the
 * reply's kind one of 支持 / 解释说明 / 不予支持; hearing days a whole number. A case decided on
 * 复核 is final (Art. 36): it is never reopened, whatever its status since.
 */
export function procedureProblems(
  action: PetitionAction,
  input: { happenedOn?: string | null; replyKind?: string | null; hearingDays?: string | null },
  facts: Pick<ProcedureFacts, 'replyDate' | 'reviewDecidedDate' | 'reReviewDecidedDate'>,
  today: string,
): TransitionProblem[] {
  const problems: TransitionProblem[] = [];
  if (action === 'reopen' && facts.reReviewDecidedDate) {
    problems.push({
      path: 'status',
      message:
        `本案已于 ${facts.reReviewDecidedDate} 复核终结（第三十六条），不能重新化解。` +
        '信访人以同一事实和理由再次提出的，登记后按“不再受理”处理。',
    });
  }
  const on = input.happenedOn?.trim() || today;
  if (action === 'reply' && input.replyKind && !(REPLY_KINDS as readonly string[]).includes(input.replyKind)) {
    problems.push({ path: 'replyKind', message: '“处理意见”应为支持、解释说明或不予支持' });
  }
  if (action === 'requestReview' && facts.replyDate) {
    const due = reviewRequestDueDate(facts.replyDate);
    if (compareDates(on, due) > 0) {
      problems.push({
        path: 'happenedOn',
        message: `“复查申请日期”已超过请求复查期限（答复后 30 日内，至 ${due}，第三十五条），不予受理`,
      });
    }
  }
  if (action === 'requestReReview' && facts.reviewDecidedDate) {
    const due = reReviewRequestDueDate(facts.reviewDecidedDate);
    if (compareDates(on, due) > 0) {
      problems.push({
        path: 'happenedOn',
        message: `“复核申请日期”已超过请求复核期限（复查意见后 30 日内，至 ${due}，第三十六条），不予受理`,
      });
    }
  }
  const hearing = input.hearingDays?.trim();
  if (action === 'decideReReview' && hearing && !/^\d{1,3}$/.test(hearing)) {
    problems.push({ path: 'hearingDays', message: '“听证天数”应为 0–999 的整数' });
  }
  return problems;
}
