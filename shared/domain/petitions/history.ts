/**
 * A case brought in with its history (an import from a centre's own ledger): its status read from
 * a 状态 column or inferred from its dates, checked against them, and its 办理时限 computed when the
 * ledger kept none. The rules, as docs/domain.md states them:
 * - without a status: 销号日期 → 已销号; 化解日期 → 已化解; a 交办日期 or 承办单位 → 已交办; item
 *   type and category → 梳理分类; otherwise 排查 (化解中 is never inferred: no date says it);
 * - 已交办 and later need a 承办单位; without a 交办日期 the case counts as assigned on its
 *   登记日期; 已化解 needs a 化解日期, 已销号 a 化解日期 and a 销号日期; an earlier status may hold none;
 * - without a status, a 答复日期 (the written reply) → 已办结; 已办结 and later need one, and a
 *   resolved or closed case without one was replied to on its 化解日期;
 * - an assigned case without a 受理决定日期 was accepted on its 登记日期, the earliest the law allows
 *   (as migration 0017 rules for existing cases); a 申诉求决 case is due by Art. 34 from it;
 * - a case assigned without a 办理时限 is due 60 days after its acceptance (信访工作条例 Art. 34);
 * - 复查 and 复核 by their dates: 复查申请日期 → 复查中, 复查意见日期 → 已复查, 复核申请日期 → 复核中,
 *   复核意见日期 → 已终结, each needing the ones before it; a resolved or closed case may carry a
 *   review that was decided (复查 or 复核 with its opinion), not one still pending;
 * - dates that happened lie neither in the future nor before what they follow (`happenedProblems`),
 *   and the 办理时限 not before the 登记日期.
 */
import { compareDates } from '../ledger/calendar';
import {
  happenedProblems,
  statusDateProblems,
  statusOfDates,
  type DateProblem,
  type StatusDate,
} from '../ledger/happened';
import type { PetitionItemType } from './classification';
import { conclusionDueDate, hasConclusionClock } from './clocks';
import { registrationDates } from './registration-dates';
import { PETITION_STATUS_LABELS, type PetitionStatus } from './statuses';

/** The statuses an imported row may have, in the order of the procedure. */
export const IMPORTED_STATUSES = [
  'found',
  'classified',
  'accepted',
  'assigned',
  'resolving',
  'replied',
  'reviewing',
  'reviewed',
  're_reviewing',
  'final',
  'resolved',
  'closed',
] as const satisfies readonly PetitionStatus[];
export type ImportedStatus = (typeof IMPORTED_STATUSES)[number];

export interface PetitionHistoryInput {
  /** From the 状态 column; null to infer it. */
  status: ImportedStatus | null;
  itemType: PetitionItemType | null;
  classified: boolean;
  hasUnit: boolean;
  firstPetitionDate: string | null;
  receivedDate: string;
  acceptedDate: string | null;
  assignedDate: string | null;
  dueDate: string | null;
  replyDate: string | null;
  reviewRequestedDate: string | null;
  reviewDecidedDate: string | null;
  reReviewRequestedDate: string | null;
  reReviewDecidedDate: string | null;
  resolvedDate: string | null;
  closedDate: string | null;
}

export interface PetitionHistory {
  status: ImportedStatus;
  firstPetitionDate: string;
  acceptedDate: string | null;
  assignedDate: string | null;
  dueDate: string | null;
  replyDate: string | null;
  conclusionDueDate: string | null;
  problems: DateProblem[];
  /** What was filled in by rule, for the preview's warnings. */
  notes: DateProblem[];
}

const rank = (status: ImportedStatus) => IMPORTED_STATUSES.indexOf(status);

const reviewDatesOf = (input: PetitionHistoryInput): StatusDate<ImportedStatus>[] => [
  { from: 'reviewing', key: 'reviewRequestedDate', label: '复查申请日期', date: input.reviewRequestedDate },
  { from: 'reviewed', key: 'reviewDecidedDate', label: '复查意见日期', date: input.reviewDecidedDate },
  { from: 're_reviewing', key: 'reReviewRequestedDate', label: '复核申请日期', date: input.reReviewRequestedDate },
  { from: 'final', key: 'reReviewDecidedDate', label: '复核意见日期', date: input.reReviewDecidedDate },
];

const datesOf = (input: PetitionHistoryInput): StatusDate<ImportedStatus>[] => [
  { from: 'replied', key: 'replyDate', label: '答复日期', date: input.replyDate ?? input.resolvedDate },
  { from: 'resolved', key: 'resolvedDate', label: '化解日期', date: input.resolvedDate },
  { from: 'closed', key: 'closedDate', label: '销号日期', date: input.closedDate },
];

function inferredStatus(input: PetitionHistoryInput): ImportedStatus {
  const unassigned = input.classified ? (input.acceptedDate ? 'accepted' : 'classified') : 'found';
  return statusOfDates(
    IMPORTED_STATUSES,
    [...datesOf(input), ...reviewDatesOf(input)],
    input.assignedDate || input.hasUnit ? 'assigned' : unassigned,
  );
}

/**
 * The review dates against the status: up to 已终结 each status needs its date and those before
 * it, and no later one; a resolved or closed case was resolved from 已办结, 已复查 or 已终结, so a
 * review it carries was decided (each request has its opinion).
 */
function reviewProblems(status: ImportedStatus, input: PetitionHistoryInput): DateProblem[] {
  const reviews = reviewDatesOf(input);
  if (rank(status) < rank('resolved')) {
    return statusDateProblems(IMPORTED_STATUSES, PETITION_STATUS_LABELS, status, reviews);
  }
  const label = PETITION_STATUS_LABELS[status];
  return reviews.flatMap(({ label: dateLabel, date }, index) => {
    const before = reviews[index - 1];
    if (date && before && !before.date) {
      return [{ key: before.key, message: `填写了${dateLabel}，须同时填写${before.label}` }];
    }
    // Requests are the even entries, each followed by its opinion.
    const opinion = index % 2 === 0 ? reviews[index + 1]! : null;
    if (date && opinion && !opinion.date) {
      const message = `状态为“${label}”须填写${opinion.label}（复查、复核尚在进行的积案不能化解）`;
      return [{ key: opinion.key, message }];
    }
    return [];
  });
}

function statusProblems(status: ImportedStatus, input: PetitionHistoryInput): DateProblem[] {
  const problems = [
    ...statusDateProblems(IMPORTED_STATUSES, PETITION_STATUS_LABELS, status, datesOf(input)),
    ...reviewProblems(status, input),
  ];
  if (rank(status) < rank('assigned')) {
    if (input.assignedDate) {
      problems.push({ key: 'assignedDate', message: `状态为“${PETITION_STATUS_LABELS[status]}”不应有交办日期` });
    }
  } else if (!input.hasUnit) {
    problems.push({ key: 'handlingUnit', message: `状态为“${PETITION_STATUS_LABELS[status]}”须填写承办单位` });
  }
  return problems;
}

export function petitionHistory(input: PetitionHistoryInput, today: string): PetitionHistory {
  const status = input.status ?? inferredStatus(input);
  const notes: DateProblem[] = [];
  const assigned = rank(status) >= rank('assigned');
  let assignedDate = input.assignedDate;
  if (assigned && !assignedDate) {
    assignedDate = input.receivedDate;
    notes.push({ key: 'assignedDate', message: `未填交办日期，按登记日期 ${input.receivedDate} 计` });
  }
  let acceptedDate = input.acceptedDate;
  if (assigned && !acceptedDate) {
    acceptedDate = input.receivedDate;
    notes.push({ key: 'acceptedDate', message: `未填受理决定日期，按登记日期 ${input.receivedDate} 计` });
  }
  const conclusionDue =
    acceptedDate && input.itemType && hasConclusionClock(input.itemType) ? conclusionDueDate(acceptedDate) : null;
  let dueDate = input.dueDate;
  if (assigned && !dueDate) {
    dueDate = conclusionDueDate(acceptedDate!);
    notes.push({ key: 'dueDate', message: `未填办理时限，按受理之日起 60 日计为 ${dueDate}` });
  }
  const replied = rank(status) >= rank('replied');
  const problems = [
    ...statusProblems(status, input),
    ...happenedProblems(
      [
        ...registrationDates(input),
        { key: 'acceptedDate', label: '受理决定日期', date: input.acceptedDate, notBefore: ['receivedDate'] },
        {
          key: 'assignedDate',
          label: '交办日期',
          date: input.assignedDate,
          notBefore: ['acceptedDate', 'receivedDate'],
        },
        { key: 'replyDate', label: '答复日期', date: input.replyDate, notBefore: ['assignedDate', 'receivedDate'] },
        {
          key: 'reviewRequestedDate',
          label: '复查申请日期',
          date: input.reviewRequestedDate,
          notBefore: ['replyDate'],
        },
        {
          key: 'reviewDecidedDate',
          label: '复查意见日期',
          date: input.reviewDecidedDate,
          notBefore: ['reviewRequestedDate'],
        },
        {
          key: 'reReviewRequestedDate',
          label: '复核申请日期',
          date: input.reReviewRequestedDate,
          notBefore: ['reviewDecidedDate'],
        },
        {
          key: 'reReviewDecidedDate',
          label: '复核意见日期',
          date: input.reReviewDecidedDate,
          notBefore: ['reReviewRequestedDate'],
        },
        {
          key: 'resolvedDate',
          label: '化解日期',
          date: input.resolvedDate,
          notBefore: ['reReviewDecidedDate', 'reviewDecidedDate', 'replyDate', 'assignedDate', 'receivedDate'],
        },
        { key: 'closedDate', label: '销号日期', date: input.closedDate, notBefore: ['resolvedDate'] },
      ],
      today,
    ),
  ];
  if (input.dueDate && compareDates(input.dueDate, assignedDate ?? input.receivedDate) < 0) {
    problems.push({ key: 'dueDate', message: `“办理时限”${input.dueDate} 早于交办（登记）日期` });
  }
  return {
    status,
    firstPetitionDate: input.firstPetitionDate ?? input.receivedDate,
    acceptedDate,
    assignedDate,
    dueDate,
    replyDate: replied ? (input.replyDate ?? input.resolvedDate) : null,
    conclusionDueDate: conclusionDue,
    problems,
    notes,
  };
}
