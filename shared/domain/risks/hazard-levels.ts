/**
 * The four colour levels of a risk hazard (风险隐患), their display colours, and a hazard's history
 * of colour changes: every change is dated, gives a reason and is kept. Codes match the
 * `hazard_level` dictionary of migration 0001. Whether a change may be made depends on the hazard's
 * life, so that rule lives in hazard-statuses.ts.
 */
import { compareDates } from '../ledger/calendar';

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
