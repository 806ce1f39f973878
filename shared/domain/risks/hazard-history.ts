/**
 * A hazard brought in with its history: its status read from a 状态 column or, without one, the
 * furthest its dates reach (销号日期 → 已销号, 化解日期 → 已化解, a 包保领导 or measures → 化解中,
 * otherwise 发现); 已化解 needs a 化解日期 and 已销号 a 销号日期 as well, an earlier status neither;
 * the dates neither in the future nor before the one they follow.
 */
import { happenedProblems, statusDateProblems, statusOfDates, type DateProblem } from '../ledger/happened';
import { HAZARD_STATUS_LABELS, HAZARD_STATUSES, type HazardStatus } from './hazard-statuses';

export interface HazardHistoryInput {
  status: HazardStatus | null;
  /** A 包保领导 or measures recorded: the hazard is being worked on. */
  worked: boolean;
  foundOn: string;
  resolvedOn: string | null;
  closedOn: string | null;
}

export function hazardHistory(
  input: HazardHistoryInput,
  today: string,
): { status: HazardStatus; problems: DateProblem[] } {
  const dates = [
    { from: 'resolved' as const, key: 'resolvedOn', label: '化解日期', date: input.resolvedOn },
    { from: 'closed' as const, key: 'closedOn', label: '销号日期', date: input.closedOn },
  ];
  const status = input.status ?? statusOfDates(HAZARD_STATUSES, dates, input.worked ? 'resolving' : 'found');
  return {
    status,
    problems: [
      ...statusDateProblems(HAZARD_STATUSES, HAZARD_STATUS_LABELS, status, dates),
      ...happenedProblems(
        [
          { key: 'foundOn', label: '发现日期', date: input.foundOn },
          { key: 'resolvedOn', label: '化解日期', date: input.resolvedOn, notBefore: ['foundOn'] },
          { key: 'closedOn', label: '销号日期', date: input.closedOn, notBefore: ['resolvedOn'] },
        ],
        today,
      ),
    ],
  };
}
