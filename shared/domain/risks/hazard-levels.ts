/**
 * The four colour levels of a risk hazard (风险隐患), their display colours, and the rules for
 * changing a hazard's colour: every change is dated, gives a reason and is kept in the history.
 * Codes match the `hazard_level` dictionary of migration 0001.
 */
import { compareDates } from '../ledger/calendar';
import { isBlank, type FieldProblem } from '../ledger/state-machine';
import { choiceProblem, dateProblem, isChoice, todayBound } from './fields';
import type { HazardStatus } from './hazard-statuses';

/** Most serious first. */
export const HAZARD_LEVELS = ['red', 'orange', 'yellow', 'blue'] as const;
export type HazardLevel = (typeof HAZARD_LEVELS)[number];

export const HAZARD_LEVEL_LABELS: Record<HazardLevel, string> = {
  red: '红色',
  orange: '橙色',
  yellow: '黄色',
  blue: '蓝色',
};

/** One character, for badges, the board and tight table cells. */
export const HAZARD_LEVEL_SHORT_LABELS: Record<HazardLevel, string> = {
  red: '红',
  orange: '橙',
  yellow: '黄',
  blue: '蓝',
};

export const HAZARD_LEVEL_DESCRIPTIONS: Record<HazardLevel, string> = {
  red: '重大或跨部门风险，一案一策、联合会商',
  orange: '可能升级的风险',
  yellow: '一般风险',
  blue: '潜在风险',
};

/**
 * Fill and text colour of each level, the same on the workstation and the dark board. Text on
 * yellow is dark: white on yellow cannot be read across the room.
 */
export const HAZARD_LEVEL_COLORS: Record<HazardLevel, { fill: string; text: string }> = {
  red: { fill: '#e53935', text: '#ffffff' },
  orange: { fill: '#fb8c00', text: '#ffffff' },
  yellow: { fill: '#fdd835', text: '#1f1f1f' },
  blue: { fill: '#1e88e5', text: '#ffffff' },
};

/** 0 for 蓝 … 3 for 红. */
export const hazardLevelRank = (level: HazardLevel): number => HAZARD_LEVELS.length - 1 - HAZARD_LEVELS.indexOf(level);

export type LevelChangeDirection = 'raised' | 'lowered';
export const LEVEL_CHANGE_DIRECTION_LABELS: Record<LevelChangeDirection, string> = { raised: '升级', lowered: '降级' };

/** Raised (towards red) or lowered; null when the level does not change. */
export function levelChangeDirection(from: HazardLevel, to: HazardLevel): LevelChangeDirection | null {
  const diff = hazardLevelRank(to) - hazardLevelRank(from);
  return diff > 0 ? 'raised' : diff < 0 ? 'lowered' : null;
}

export interface LevelChangeInput {
  level?: string | null;
  reason?: string | null;
  changedOn?: string | null;
  /** The plan for this case (一案一策): required when a hazard turns red without one. */
  plan?: string | null;
}

export interface LevelChangeContext {
  level: HazardLevel;
  status: HazardStatus;
  today?: string;
  /** The last change (or the day the hazard was found): a change cannot be dated before it. */
  lastChangedOn?: string;
  responsibleLeaderId?: string | null;
  hasPlan?: boolean;
}

/**
 * Problems with changing a hazard's colour; empty when it may go ahead. A reason and a date are
 * always required; the level must change; a closed-out hazard keeps its last colour; a red hazard
 * needs a responsible leader and a plan of its own (一案一策).
 */
export function levelChangeProblems(input: LevelChangeInput, current: LevelChangeContext): FieldProblem[] {
  if (current.status === 'closed') {
    return [{ path: 'status', message: '已销号的隐患不能调整等级，如有新情况请先重新化解' }];
  }
  const problems: FieldProblem[] = [];
  if (isBlank(input.level)) problems.push({ path: 'level', message: '请选择“风险等级”' });
  if (isBlank(input.reason)) problems.push({ path: 'reason', message: '请填写“调整原因”' });
  if (isBlank(input.changedOn)) problems.push({ path: 'changedOn', message: '请填写“调整日期”' });
  const choice = choiceProblem('level', '风险等级', input.level, HAZARD_LEVELS, HAZARD_LEVEL_LABELS);
  if (choice) problems.push(choice);
  const changed = dateProblem('changedOn', '调整日期', input.changedOn, {
    notBefore: current.lastChangedOn ? { date: current.lastChangedOn, label: '上次调整日期' } : undefined,
    notAfter: todayBound(current.today),
  });
  if (changed) problems.push(changed);
  const level = input.level?.trim();
  if (isChoice(HAZARD_LEVELS, level)) {
    if (level === current.level) {
      problems.push({ path: 'level', message: `当前已是“${HAZARD_LEVEL_LABELS[level]}”，请选择另一个等级` });
    }
    if (level === 'red') {
      if (isBlank(current.responsibleLeaderId)) {
        problems.push({ path: 'responsibleLeaderId', message: '红色隐患须明确“包保领导”，请先指定' });
      }
      if (!current.hasPlan && isBlank(input.plan)) {
        problems.push({ path: 'plan', message: '红色隐患须一案一策，请填写“化解方案”' });
      }
    }
  }
  return problems;
}

export interface LevelChange {
  from: HazardLevel;
  to: HazardLevel;
  changedOn: string;
  reason: string;
}

/**
 * The colour a hazard had on `date`, from the level it was found with and its changes; changes
 * dated that day count. Null before it was found.
 */
export function levelOn(
  found: { level: HazardLevel; foundOn: string },
  history: readonly LevelChange[],
  date: string,
): HazardLevel | null {
  if (compareDates(date, found.foundOn) < 0) return null;
  const applied = history
    .map((change, index) => ({ change, index }))
    .filter(({ change }) => compareDates(change.changedOn, date) <= 0)
    .sort((a, b) => compareDates(a.change.changedOn, b.change.changedOn) || a.index - b.index);
  return applied.length ? applied[applied.length - 1].change.to : found.level;
}

/** Chinese problems with a stored history: each change must start where the previous one ended. */
export function levelHistoryProblems(initial: HazardLevel, history: readonly LevelChange[]): string[] {
  const problems: string[] = [];
  let level = initial;
  history.forEach((change, i) => {
    if (change.from !== level) {
      problems.push(
        `第 ${i + 1} 次调整从“${HAZARD_LEVEL_LABELS[change.from]}”开始，但此前为“${HAZARD_LEVEL_LABELS[level]}”`,
      );
    }
    if (i > 0 && compareDates(change.changedOn, history[i - 1].changedOn) < 0) {
      problems.push(`第 ${i + 1} 次调整的日期早于上一次`);
    }
    level = change.to;
  });
  return problems;
}
