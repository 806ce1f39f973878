/**
 * The levels a dispute is handled at: 小事不出村、大事不出乡、难事不出县. Every move up (上交) or down
 * (下交) is recorded with its reason; a dispute ever moved up counts in the 上交率, whatever follows.
 */
import { isBlank, type FieldProblem } from '../ledger/state-machine';
import { choiceProblem } from '../risks/fields';

export const DISPUTE_LEVELS = ['village', 'township', 'county', 'city'] as const;
export type DisputeLevel = (typeof DISPUTE_LEVELS)[number];

export const DISPUTE_LEVEL_LABELS: Record<DisputeLevel, string> = {
  village: '村（社区）',
  township: '乡镇（街道）',
  county: '县',
  city: '市',
};

export const levelRank = (level: DisputeLevel): number => DISPUTE_LEVELS.indexOf(level);

export type TransferDirection = 'up' | 'down';

export const TRANSFER_DIRECTION_LABELS: Record<TransferDirection, string> = { up: '上交', down: '下交' };

export const transferDirection = (from: DisputeLevel, to: DisputeLevel): TransferDirection =>
  levelRank(to) > levelRank(from) ? 'up' : 'down';

export interface TransferInput {
  toLevel?: string | null;
  reason?: string | null;
}

/** Problems with moving a dispute to another level: a level other than its own and a reason; none once concluded. */
export function transferProblems(
  input: TransferInput,
  current: { level: DisputeLevel; open: boolean },
): FieldProblem[] {
  if (!current.open) return [{ path: 'status', message: '该纠纷已有处理结果，不能再上交或下交' }];
  const problems: FieldProblem[] = [];
  if (isBlank(input.toLevel)) problems.push({ path: 'toLevel', message: '请选择“移交层级”' });
  if (isBlank(input.reason)) problems.push({ path: 'reason', message: '请填写“移交原因”' });
  const choice = choiceProblem('toLevel', '移交层级', input.toLevel, DISPUTE_LEVELS, DISPUTE_LEVEL_LABELS);
  if (choice) problems.push(choice);
  if (input.toLevel === current.level) {
    problems.push({ path: 'toLevel', message: `当前已在“${DISPUTE_LEVEL_LABELS[current.level]}”，请选择另一层级` });
  }
  return problems;
}
