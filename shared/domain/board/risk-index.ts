/**
 * The township risk index (乡镇风险指数) that colours the situation board's map, defined here and
 * nowhere else.
 *
 * 计分 score（每个乡镇/街道）:
 *   score = 红色隐患数 × w红 + 橙色隐患数 × w橙 + 黄色隐患数 × w黄 + 蓝色隐患数 × w蓝
 *         + 超期积案数 × w超期积案 + 在办积案数 × w在办积案 + 超期任务数 × w超期任务
 *   (open hazards by colour, overdue cases, open cases and overdue measures/tasks, each weighted)
 *
 * 指数 index (0–100)，饱和换算 saturating scale:
 *   index = round(100 × score ÷ (score + 半饱和分 halfScore))
 *   无风险为 0；score 等于半饱和分时为 50；score 越大越接近 100，但不会超过 100。
 *   The scale is absolute, not relative to the worst township: a quiet county stays low on the
 *   map (all 0 when nothing is open), one township alone gets its own value, and a township's
 *   colour does not change because another township got better or worse. `halfScore` is set to
 *   the score a county considers "medium" (its size decides it), in the board settings.
 *
 * 分档 bands: 0–24 低, 25–49 中, 50–74 较高, 75–100 高.
 */
import type { HazardLevel } from '../risks/hazard-levels';

/** The weight of each counted item and the half-saturation score. */
export interface BoardWeights {
  red: number;
  orange: number;
  yellow: number;
  blue: number;
  /** Per overdue petition case (超期积案). */
  overdueCase: number;
  /** Per open petition case (在办积案: not yet 已化解 or 已销号). */
  openCase: number;
  /** Per overdue measure or assigned task (超期措施/任务). */
  overdueTask: number;
  /** The score that gives an index of 50. */
  halfScore: number;
}

export const DEFAULT_BOARD_WEIGHTS: BoardWeights = {
  red: 10,
  orange: 5,
  yellow: 2,
  blue: 1,
  overdueCase: 3,
  openCase: 1,
  overdueTask: 2,
  halfScore: 100,
};

export const BOARD_WEIGHT_LABELS: Record<keyof BoardWeights, string> = {
  red: '红色隐患权重',
  orange: '橙色隐患权重',
  yellow: '黄色隐患权重',
  blue: '蓝色隐患权重',
  overdueCase: '超期积案权重',
  openCase: '在办积案权重',
  overdueTask: '超期任务权重',
  halfScore: '半饱和分（计分达到此值时指数为 50）',
};

/** Bounds of the weights (checked by the settings contract). */
export const WEIGHT_MAX = 1000;
export const HALF_SCORE_MAX = 1_000_000;

/** What is counted for one township. */
export interface RiskInputs {
  openHazards: Record<HazardLevel, number>;
  overdueCases: number;
  openCases: number;
  overdueTasks: number;
}

export const RISK_BANDS = ['low', 'medium', 'elevated', 'high'] as const;
export type RiskBand = (typeof RISK_BANDS)[number];

export const RISK_BAND_LABELS: Record<RiskBand, string> = { low: '低', medium: '中', elevated: '较高', high: '高' };

/** The lowest index of each band above 低. */
export const RISK_BAND_FLOORS: Record<Exclude<RiskBand, 'low'>, number> = { medium: 25, elevated: 50, high: 75 };

/** Map fill of each band on the dark board (blue, yellow, orange, red), muted so the brighter hazard points stay visible on top. */
export const RISK_BAND_COLORS: Record<RiskBand, string> = {
  low: '#1b5e9f',
  medium: '#b8962a',
  elevated: '#c8641e',
  high: '#b3302a',
};

/** The weighted score of one township (see the formula above). */
export function riskScore(inputs: RiskInputs, weights: BoardWeights): number {
  const h = inputs.openHazards;
  return (
    h.red * weights.red +
    h.orange * weights.orange +
    h.yellow * weights.yellow +
    h.blue * weights.blue +
    inputs.overdueCases * weights.overdueCase +
    inputs.openCases * weights.openCase +
    inputs.overdueTasks * weights.overdueTask
  );
}

/** 0–100: round(100 × score ÷ (score + halfScore)). */
export function riskIndexOf(score: number, halfScore: number): number {
  if (score <= 0) return 0;
  return Math.round((100 * score) / (score + halfScore));
}

export function riskBand(index: number): RiskBand {
  if (index >= RISK_BAND_FLOORS.high) return 'high';
  if (index >= RISK_BAND_FLOORS.elevated) return 'elevated';
  if (index >= RISK_BAND_FLOORS.medium) return 'medium';
  return 'low';
}

export interface RiskIndex {
  score: number;
  index: number;
  band: RiskBand;
}

export function riskIndex(inputs: RiskInputs, weights: BoardWeights): RiskIndex {
  const score = riskScore(inputs, weights);
  const index = riskIndexOf(score, weights.halfScore);
  return { score, index, band: riskBand(index) };
}
