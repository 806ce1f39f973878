/**
 * The statutory clocks of 信访工作条例 (2022), as due dates (`YYYY-MM-DD`).
 *
 * Counting convention (as 民法典 Art. 201 counts periods): the day of the triggering event —
 * receipt, acceptance, the written reply — is day 0 and not counted; a limit of N days falls on
 * that day + N, and an act on the due day itself is on time. So an item received on 2026-03-02 must
 * be registered and passed on by 2026-03-17. Every limit is in calendar days except the objection
 * window, which is in working days and so takes the working-day calendar.
 *
 * Not applied: moving a calendar-day limit that ends on a holiday to the next working day (民法典
 * Art. 203). The regulation does not say so for 信访 limits; a centre that does it runs the due
 * date through `onOrNextWorkingDay(due, calendar)`.
 */
import { addDays, workingDayLimit, type HolidayCalendar, type WorkingDayLimit } from '../ledger/calendar';
import type { PetitionItemType } from './classification';

export const STATUTORY_LIMITS = {
  /** Art. 22: registered, and transferred or assigned, within 15 days of receipt. */
  registration: { days: 15, workingDays: false, label: '登记并转送、交办', article: '第二十二条' },
  /** Art. 23: the receiving organ tells the petitioner within 15 days of receipt. */
  notification: { days: 15, workingDays: false, label: '告知信访人', article: '第二十三条' },
  /** Art. 23: an organ that is not competent objects within 5 working days of receipt. */
  objection: { days: 5, workingDays: true, label: '提出不属本单位职权异议', article: '第二十三条' },
  /** Art. 34: an appeal item (申诉求决) is concluded within 60 days of acceptance. */
  conclusion: { days: 60, workingDays: false, label: '申诉求决类事项办结', article: '第三十四条' },
  /** Art. 34: extendable once, by at most 30 days. */
  extension: { days: 30, workingDays: false, label: '延长办理期限（最多）', article: '第三十四条' },
  /** Art. 35: a review (复查) is requested within 30 days of receiving the written reply … */
  reviewRequest: { days: 30, workingDays: false, label: '请求复查', article: '第三十五条' },
  /** … and decided within 30 days of receiving the request. */
  reviewDecision: { days: 30, workingDays: false, label: '提出复查意见', article: '第三十五条' },
  /** Art. 36: a re-review (复核) likewise, hearing time not counted. */
  reReviewRequest: { days: 30, workingDays: false, label: '请求复核', article: '第三十六条' },
  reReviewDecision: { days: 30, workingDays: false, label: '提出复核意见', article: '第三十六条' },
} as const;

/** Art. 22: registration and transfer or assignment, from the day the item is received. */
export const registrationDueDate = (receivedOn: string): string =>
  addDays(receivedOn, STATUTORY_LIMITS.registration.days);

/** Art. 23: telling the petitioner the item was received and how it will be handled. */
export const notificationDueDate = (receivedOn: string): string =>
  addDays(receivedOn, STATUTORY_LIMITS.notification.days);

/**
 * Art. 23: the last day to object that the organ is not competent: 5 working days after receipt,
 * flagged `weekendsOnly` when the count ran into a year whose holidays are not entered.
 */
export const objectionDueDate = (receivedOn: string, calendar: HolidayCalendar): WorkingDayLimit =>
  workingDayLimit(receivedOn, STATUTORY_LIMITS.objection.days, calendar);

/** Only appeal items (申诉求决) run the 60-day conclusion clock of Art. 34. */
export const hasConclusionClock = (itemType: PetitionItemType): boolean => itemType === 'appeal';

/** The one extension Art. 34 allows: approved by the organ's head, with a reason told to the petitioner. */
export interface ConclusionExtension {
  days: number;
  approvedBy: string;
  reason: string;
}

/**
 * Chinese problems with extending a case that already has `existing` (null when it has none) by
 * `proposed`; empty when the extension may be granted.
 */
export function extensionProblems(existing: ConclusionExtension | null, proposed: ConclusionExtension): string[] {
  const problems: string[] = [];
  if (existing) problems.push('办理期限只能延长一次，本事项已延长过');
  const max = STATUTORY_LIMITS.extension.days;
  if (!Number.isInteger(proposed.days) || proposed.days < 1) problems.push('延长天数应为正整数');
  else if (proposed.days > max) problems.push(`延长期限不得超过 ${max} 日`);
  if (!proposed.approvedBy.trim()) problems.push('延长办理期限须经本机关负责人批准，请填写批准人');
  if (!proposed.reason.trim()) problems.push('请填写延期理由（须告知信访人）');
  return problems;
}

/**
 * Art. 34: 60 days from acceptance, plus the extension if one was granted. Throws when the
 * extension breaks the rules, so a bad record cannot produce a plausible date.
 */
export function conclusionDueDate(acceptedOn: string, extension: ConclusionExtension | null = null): string {
  const base = addDays(acceptedOn, STATUTORY_LIMITS.conclusion.days);
  if (!extension) return base;
  const problems = extensionProblems(null, extension);
  if (problems.length) throw new RangeError(problems.join('；'));
  return addDays(base, extension.days);
}

/** Art. 35: the petitioner may request a review until this day (from receiving the written reply). */
export const reviewRequestDueDate = (replyReceivedOn: string): string =>
  addDays(replyReceivedOn, STATUTORY_LIMITS.reviewRequest.days);

/** Art. 35: the review opinion is due on this day (from receiving the review request). */
export const reviewDecisionDueDate = (requestReceivedOn: string): string =>
  addDays(requestReceivedOn, STATUTORY_LIMITS.reviewDecision.days);

/** Art. 36: the petitioner may request a re-review until this day (from receiving the review opinion). */
export const reReviewRequestDueDate = (reviewReplyReceivedOn: string): string =>
  addDays(reviewReplyReceivedOn, STATUTORY_LIMITS.reReviewRequest.days);

/** Art. 36: the re-review opinion is due on this day; days spent on a hearing (听证) are added. */
export function reReviewDecisionDueDate(requestReceivedOn: string, hearingDays = 0): string {
  if (!Number.isInteger(hearingDays) || hearingDays < 0) throw new RangeError(`听证天数应为非负整数：${hearingDays}`);
  return addDays(requestReceivedOn, STATUTORY_LIMITS.reReviewDecision.days + hearingDays);
}
