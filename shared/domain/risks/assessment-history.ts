/**
 * An assessment brought in with its history: its status read from a 状态 column or, without one,
 * the furthest its dates and content reach (归档日期 → 已归档, 实施日期 → 跟踪中, 决策日期 → 已决策,
 * both levels and a recommendation → 待决策, an assessing body → 评估中, otherwise 立项). 已决策 and
 * later need the decision and its date, 跟踪中 an 实施日期 (decided 实施), 已归档 an 归档日期; an
 * earlier status holds none of them. The next re-review of a tracked matter is the first on its
 * schedule not before today (earlier ones are taken as held: the ledger kept no record of them).
 */
import { compareDates } from '../ledger/calendar';
import { happenedProblems, statusDateProblems, statusOfDates, type DateProblem } from '../ledger/happened';
import type { AssessmentConclusion } from './assessment-levels';
import { ASSESSMENT_STATUS_LABELS, ASSESSMENT_STATUSES, type AssessmentStatus } from './assessment-statuses';
import { reReviewDate } from './re-reviews';

export interface AssessmentHistoryInput {
  status: AssessmentStatus | null;
  assessing: boolean;
  submitted: boolean;
  decision: AssessmentConclusion | null;
  registeredOn: string;
  decidedOn: string | null;
  implementedOn: string | null;
  archivedOn: string | null;
}

export interface AssessmentHistory {
  status: AssessmentStatus;
  nextReReviewOn: string | null;
  problems: DateProblem[];
}

export function assessmentHistory(
  input: AssessmentHistoryInput,
  today: string,
  intervalMonths: number,
): AssessmentHistory {
  const dates = [
    { from: 'decided' as const, key: 'decidedOn', label: '决策日期', date: input.decidedOn },
    { from: 'tracking' as const, key: 'implementedOn', label: '实施日期', date: input.implementedOn },
    { from: 'archived' as const, key: 'archivedOn', label: '归档日期', date: input.archivedOn },
  ];
  const before = input.submitted ? 'pending_decision' : input.assessing ? 'assessing' : 'registered';
  const status = input.status ?? statusOfDates(ASSESSMENT_STATUSES, dates, before);
  const label = ASSESSMENT_STATUS_LABELS[status];
  // An archived matter may never have been implemented (archived after 暂缓实施 or 不实施).
  const checked = status === 'archived' ? dates.filter((d) => d.key !== 'implementedOn') : dates;
  const problems = statusDateProblems(ASSESSMENT_STATUSES, ASSESSMENT_STATUS_LABELS, status, checked);
  const decided = ASSESSMENT_STATUSES.indexOf(status) >= ASSESSMENT_STATUSES.indexOf('decided');
  if (decided && !input.decision) problems.push({ key: 'decision', message: `状态为“${label}”须填写决策结果` });
  if (!decided && input.decision) problems.push({ key: 'decision', message: `状态为“${label}”不应有决策结果` });
  if (input.implementedOn && input.decision && input.decision !== 'implement') {
    problems.push({ key: 'implementedOn', message: '决策结果不是“实施”，不应有实施日期' });
  }
  problems.push(
    ...happenedProblems(
      [
        { key: 'registeredOn', label: '立项日期', date: input.registeredOn },
        { key: 'decidedOn', label: '决策日期', date: input.decidedOn, notBefore: ['registeredOn'] },
        { key: 'implementedOn', label: '实施日期', date: input.implementedOn, notBefore: ['decidedOn'] },
        { key: 'archivedOn', label: '归档日期', date: input.archivedOn, notBefore: ['implementedOn', 'decidedOn'] },
      ],
      today,
    ),
  );
  let nextReReviewOn: string | null = null;
  if (status === 'tracking' && input.implementedOn) {
    let n = 1;
    while (compareDates(reReviewDate(input.implementedOn, intervalMonths, n), today) < 0) n += 1;
    nextReReviewOn = reReviewDate(input.implementedOn, intervalMonths, n);
  }
  return { status, nextReReviewOn, problems };
}
