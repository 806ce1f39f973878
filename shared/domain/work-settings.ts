import { DEFAULT_DUE_SOON_DAYS } from './ledger/deadlines';
import { DEFAULT_CONCLUSION_MAPPING, type ConclusionMapping } from './risks/assessment-levels';
import { DEFAULT_RE_REVIEW_INTERVAL_MONTHS } from './risks/re-reviews';
import { DEFAULT_DISPUTE_TIME_LIMITS, type DisputeTimeLimits } from './disputes/handling';

/** Business settings the administrator may change, with their defaults. Later ledgers add theirs. */
export interface WorkSettings {
  /** Days before a due date from which an item is 临期 (deadline stages of every clock). */
  dueSoonDays: number;
  /** Months between a stability assessment's re-reviews (pre-fills the next re-review date). */
  reReviewIntervalMonths: number;
  /** Residual risk level → the conclusion the app suggests for a stability assessment. */
  conclusionMapping: ConclusionMapping;
  /** The centre's own name; empty for the default (`centreNameOf` in centre.ts). */
  centreName: string;
  /** Days a routed dispute has, per kind of handling (disputes/handling.ts states the defaults). */
  disputeTimeLimits: DisputeTimeLimits;
}

export const DEFAULT_WORK_SETTINGS: WorkSettings = {
  dueSoonDays: DEFAULT_DUE_SOON_DAYS,
  reReviewIntervalMonths: DEFAULT_RE_REVIEW_INTERVAL_MONTHS,
  conclusionMapping: DEFAULT_CONCLUSION_MAPPING,
  centreName: '',
  disputeTimeLimits: DEFAULT_DISPUTE_TIME_LIMITS,
};

/** The numeric settings, edited together on one card. */
export type WorkNumberSetting = 'dueSoonDays' | 'reReviewIntervalMonths';

export const WORK_NUMBER_SETTING_LABELS: Record<WorkNumberSetting, string> = {
  dueSoonDays: '临期提醒天数（到期前几日起为临期）',
  reReviewIntervalMonths: '稳评复评周期（月）',
};

export const WORK_SETTING_LABELS: Record<keyof WorkSettings, string> = {
  ...WORK_NUMBER_SETTING_LABELS,
  conclusionMapping: '稳评建议结论对照表（剩余风险等级 → 建议结论）',
  centreName: '中心名称',
  disputeTimeLimits: '矛盾纠纷调处时限（日）',
};
