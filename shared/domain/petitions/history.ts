/**
 * A case brought in with its history (an import from a centre's own ledger): its status read from
 * a 状态 column or inferred from its dates, checked against them, and its 办理时限 computed when the
 * ledger kept none. The rules, as docs/domain.md states them:
 * - without a status: 销号日期 → 已销号; 化解日期 → 已化解; a 交办日期 or 承办单位 → 已交办; item
 *   type and category → 梳理分类; otherwise 排查 (化解中 is never inferred: no date says it);
 * - 已交办 and later need a 承办单位; without a 交办日期 the case counts as assigned on its
 *   登记日期; 已化解 needs a 化解日期, 已销号 a 化解日期 and a 销号日期; an earlier status may hold none;
 * - a case assigned without a 办理时限 is due 60 days after its 登记日期 (受理, 信访工作条例 Art. 34);
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
import { conclusionDueDate } from './clocks';
import { registrationDates } from './registration-dates';
import { PETITION_STATUS_LABELS, PETITION_STATUSES, type PetitionStatus } from './statuses';

export interface PetitionHistoryInput {
  /** From the 状态 column; null to infer it. */
  status: PetitionStatus | null;
  classified: boolean;
  hasUnit: boolean;
  firstPetitionDate: string | null;
  receivedDate: string;
  assignedDate: string | null;
  dueDate: string | null;
  resolvedDate: string | null;
  closedDate: string | null;
}

export interface PetitionHistory {
  status: PetitionStatus;
  firstPetitionDate: string;
  assignedDate: string | null;
  dueDate: string | null;
  problems: DateProblem[];
  /** What was filled in by rule, for the preview's warnings. */
  notes: DateProblem[];
}

const rank = (status: PetitionStatus) => PETITION_STATUSES.indexOf(status);

const datesOf = (input: PetitionHistoryInput): StatusDate<PetitionStatus>[] => [
  { from: 'resolved', key: 'resolvedDate', label: '化解日期', date: input.resolvedDate },
  { from: 'closed', key: 'closedDate', label: '销号日期', date: input.closedDate },
];

function inferredStatus(input: PetitionHistoryInput): PetitionStatus {
  const unassigned = input.classified ? 'classified' : 'found';
  return statusOfDates(
    PETITION_STATUSES,
    datesOf(input),
    input.assignedDate || input.hasUnit ? 'assigned' : unassigned,
  );
}

function statusProblems(status: PetitionStatus, input: PetitionHistoryInput): DateProblem[] {
  const problems = statusDateProblems(PETITION_STATUSES, PETITION_STATUS_LABELS, status, datesOf(input));
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
  let dueDate = input.dueDate;
  if (assigned && !dueDate) {
    dueDate = conclusionDueDate(input.receivedDate);
    notes.push({ key: 'dueDate', message: `未填办理时限，按登记日期起 60 日计为 ${dueDate}` });
  }
  const problems = [
    ...statusProblems(status, input),
    ...happenedProblems(
      [
        ...registrationDates(input),
        { key: 'assignedDate', label: '交办日期', date: input.assignedDate, notBefore: ['receivedDate'] },
        {
          key: 'resolvedDate',
          label: '化解日期',
          date: input.resolvedDate,
          notBefore: ['assignedDate', 'receivedDate'],
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
    assignedDate,
    dueDate,
    problems,
    notes,
  };
}
