/**
 * The risk levels of a stability assessment (稳评), the conclusions an assessment may recommend and
 * the decisions the county leadership may take (the same three options, kept in separate fields),
 * and the configurable mapping from the residual risk level to the suggested conclusion.
 *
 * The product suggests, people decide: the mapping only pre-fills the recommendation; the
 * assessing body may recommend otherwise (with a reason) and the leadership may decide otherwise
 * (with a reason). Codes match the `risk_level` and `assessment_conclusion` dictionaries of
 * migration 0001.
 */
import type { FieldProblem } from '../ledger/state-machine';
import { isChoice } from './fields';

/** Most serious first, as the dictionary lists them. */
export const RISK_LEVELS = ['high', 'medium', 'low'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const RISK_LEVEL_LABELS: Record<RiskLevel, string> = { high: '高', medium: '中', low: '低' };

export const RISK_LEVEL_DESCRIPTIONS: Record<RiskLevel, string> = {
  high: '大部分群众有意见、反应特别强烈，可能引发大规模群体性事件',
  medium: '部分群众有意见、反应强烈，可能引发矛盾冲突',
  low: '多数群众理解支持，少部分人有意见，可通过工作化解',
};

/** 0 for 低 … 2 for 高. */
export const riskLevelRank = (level: RiskLevel): number => RISK_LEVELS.length - 1 - RISK_LEVELS.indexOf(level);

export const ASSESSMENT_CONCLUSIONS = ['implement', 'postpone', 'reject'] as const;
export type AssessmentConclusion = (typeof ASSESSMENT_CONCLUSIONS)[number];

export const ASSESSMENT_CONCLUSION_LABELS: Record<AssessmentConclusion, string> = {
  implement: '实施',
  postpone: '暂缓实施',
  reject: '不实施',
};

/** The decision taken by the leadership: the same options as the recommendation, stored apart. */
export const ASSESSMENT_DECISIONS = ASSESSMENT_CONCLUSIONS;
export type AssessmentDecision = AssessmentConclusion;
export const ASSESSMENT_DECISION_LABELS = ASSESSMENT_CONCLUSION_LABELS;

/** 0 for 实施 … 2 for 不实施: how far a conclusion holds the matter back. */
export const conclusionStrictness = (conclusion: AssessmentConclusion): number =>
  ASSESSMENT_CONCLUSIONS.indexOf(conclusion);

/** Residual risk level → suggested conclusion. */
export type ConclusionMapping = Readonly<Record<RiskLevel, AssessmentConclusion>>;

/** Common practice: 低 → 实施, 中 → 暂缓实施, 高 → 不实施. */
export const DEFAULT_CONCLUSION_MAPPING: ConclusionMapping = Object.freeze({
  low: 'implement',
  medium: 'postpone',
  high: 'reject',
});

export const suggestConclusion = (
  residualLevel: RiskLevel,
  mapping: ConclusionMapping = DEFAULT_CONCLUSION_MAPPING,
): AssessmentConclusion => mapping[residualLevel];

/**
 * What is wrong with a mapping an administrator supplied (parsed JSON, so `unknown`); empty when it
 * may be saved. Every level needs one of the three conclusions, no other key is allowed, and a
 * higher level may not get a more lenient conclusion than a lower one (高 → 实施 with 中 → 暂缓实施
 * would be a slip, not a local practice). Paths are `mapping.<level>`.
 */
export function conclusionMappingProblems(input: unknown): FieldProblem[] {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return [{ path: 'mapping', message: '建议结论对照表应为“风险等级 → 建议结论”的对象' }];
  }
  const record = input as Record<string, unknown>;
  const problems: FieldProblem[] = [];
  for (const key of Object.keys(record)) {
    if (!isChoice(RISK_LEVELS, key)) problems.push({ path: `mapping.${key}`, message: `未知的风险等级“${key}”` });
  }
  const options = ASSESSMENT_CONCLUSIONS.map((c) => ASSESSMENT_CONCLUSION_LABELS[c]).join('、');
  for (const level of RISK_LEVELS) {
    const value = record[level];
    if (value === undefined || value === null || value === '') {
      problems.push({ path: `mapping.${level}`, message: `请为“${RISK_LEVEL_LABELS[level]}”风险等级选择建议结论` });
    } else if (!isChoice(ASSESSMENT_CONCLUSIONS, value)) {
      problems.push({
        path: `mapping.${level}`,
        message: `“${RISK_LEVEL_LABELS[level]}”风险等级的建议结论“${String(value)}”无效，应为${options}之一`,
      });
    }
  }
  if (problems.length) return problems;
  const mapping = record as ConclusionMapping;
  // Lowest level first: each step up must hold the matter back at least as much.
  const ascending = [...RISK_LEVELS].reverse();
  for (let i = 1; i < ascending.length; i += 1) {
    const lower = ascending[i - 1];
    const higher = ascending[i];
    if (conclusionStrictness(mapping[higher]) < conclusionStrictness(mapping[lower])) {
      problems.push({
        path: `mapping.${higher}`,
        message:
          `风险等级越高，建议结论不能越宽松：“${RISK_LEVEL_LABELS[higher]}”建议“${ASSESSMENT_CONCLUSION_LABELS[mapping[higher]]}”，` +
          `而“${RISK_LEVEL_LABELS[lower]}”建议“${ASSESSMENT_CONCLUSION_LABELS[mapping[lower]]}”`,
      });
    }
  }
  return problems;
}

export type MappingParse = { ok: true; mapping: ConclusionMapping } | { ok: false; problems: FieldProblem[] };

/** The validated mapping (a fresh frozen copy with the three keys only), or the problems. */
export function parseConclusionMapping(input: unknown): MappingParse {
  const problems = conclusionMappingProblems(input);
  if (problems.length) return { ok: false, problems };
  const record = input as ConclusionMapping;
  return { ok: true, mapping: Object.freeze({ high: record.high, medium: record.medium, low: record.low }) };
}
