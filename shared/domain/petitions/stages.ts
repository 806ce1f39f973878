/**
 * Deadline stages of an open case, and the order of the supervision queue (督办).
 * `today` is always passed in (the county's date), so the result is reproducible in tests and SQL.
 */
import { clockStage, DEFAULT_DUE_SOON_DAYS, type DeadlineStage } from '../ledger/deadlines';
import { compareDates } from '../ledger/calendar';
import { levelRank, type PetitionLevel } from './classification';
import { isOpen, type PetitionStatus } from './statuses';

export interface StageInput {
  status: PetitionStatus;
  /** When the clock started (acceptance, or receipt before it; never the assignment). */
  startDate: string;
  dueDate: string | null;
  today: string;
}

/**
 * The stage of a case's clock: `clockStage` (ledger/deadlines.ts), done once the written reply is
 * issued (办结) or the item was refused. The same for the internal 办理时限 and the statutory date.
 */
export const deadlineStage = (input: StageInput, dueSoonDays = DEFAULT_DUE_SOON_DAYS): DeadlineStage | null =>
  clockStage({ ...input, concluded: !isOpen(input.status) }, dueSoonDays);

/** One clock of a case: the internal 办理时限 or the statutory date, with its stage. */
export interface CaseClockState {
  stage: DeadlineStage | null;
  dueDate: string | null;
}

/**
 * The clock that falls due first (an undated one last): the one supervision runs on. Its stage is
 * at least as urgent as the other's, as overdue and 临期 follow from the date alone.
 */
export const earlierClock = (a: CaseClockState, b: CaseClockState): CaseClockState =>
  compareDue(a.dueDate, b.dueDate) <= 0 ? a : b;

/** What the supervision queue needs to know of a case. */
export interface SupervisionItem {
  id: string;
  stage: DeadlineStage | null;
  dueDate: string | null;
  highestLevel: PetitionLevel;
}

/**
 * Overdue, due-soon and escalated (petitioned above the county) open cases go onto the
 * supervision queue; a concluded case leaves it whatever level it reached.
 */
export const needsSupervision = (item: SupervisionItem): boolean =>
  item.stage === 'overdue' || item.stage === 'due_soon' || (item.stage !== 'done' && levelRank(item.highestLevel) > 0);

/** 0 overdue, 1 due soon, 2 escalated, 3 the rest of the open cases, 4 concluded. */
function urgencyGroup(item: SupervisionItem): number {
  if (item.stage === 'overdue') return 0;
  if (item.stage === 'due_soon') return 1;
  if (item.stage === 'done') return 4;
  return levelRank(item.highestLevel) > 0 ? 2 : 3;
}

/** Earlier due dates first; no due date last. */
function compareDue(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return compareDates(a, b);
}

/**
 * The queue order: overdue first, the most overdue (earliest due date) first; then due soon, the
 * soonest first; then escalated cases, the highest level (京 → 省 → 市) first, then by due date;
 * then the rest by due date. Ties: higher level first, then id, so the order is stable.
 */
export function compareUrgency(a: SupervisionItem, b: SupervisionItem): number {
  const group = urgencyGroup(a) - urgencyGroup(b);
  if (group) return group;
  const level = levelRank(b.highestLevel) - levelRank(a.highestLevel);
  const due = compareDue(a.dueDate, b.dueDate);
  const primary = urgencyGroup(a) === 2 ? level || due : due || level;
  if (primary) return primary;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export const sortByUrgency = <T extends SupervisionItem>(items: readonly T[]): T[] => [...items].sort(compareUrgency);
