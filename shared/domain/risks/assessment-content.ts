/**
 * What a stability assessment holds besides its status: the kind of matter, the dimensions examined
 * with their findings, how views were gathered (with counts), the risks found. `readinessProblems`
 * says whether the assessment is complete enough to go to the leadership (提请决策).
 */
import type { FieldProblem } from '../ledger/state-machine';
import { isBlank } from '../ledger/state-machine';
import { RISK_LEVEL_LABELS, riskLevelRank, type RiskLevel } from './assessment-levels';
import { isCount } from './fields';

/** A major decision, project, reform or event (docs/domain.md, stability assessments). */
export const ASSESSMENT_MATTER_TYPES = ['decision', 'project', 'reform', 'event'] as const;
export type AssessmentMatterType = (typeof ASSESSMENT_MATTER_TYPES)[number];

export const ASSESSMENT_MATTER_TYPE_LABELS: Record<AssessmentMatterType, string> = {
  decision: '重大决策',
  project: '重大项目',
  reform: '重大改革',
  event: '重大活动',
};

/** The four dimensions every assessment examines, and 安全性, which some localities add. */
export const ASSESSMENT_DIMENSIONS = ['legality', 'rationality', 'feasibility', 'controllability', 'safety'] as const;
export type AssessmentDimension = (typeof ASSESSMENT_DIMENSIONS)[number];

export const ASSESSMENT_DIMENSION_LABELS: Record<AssessmentDimension, string> = {
  legality: '合法性',
  rationality: '合理性',
  feasibility: '可行性',
  controllability: '可控性',
  safety: '安全性',
};

export const CORE_DIMENSIONS: readonly AssessmentDimension[] = [
  'legality',
  'rationality',
  'feasibility',
  'controllability',
];

/** The dimensions a centre requires: the four, plus 安全性 when its settings say so. */
export const requiredDimensions = (includeSafety = false): readonly AssessmentDimension[] =>
  includeSafety ? ASSESSMENT_DIMENSIONS : CORE_DIMENSIONS;

export const CONSULTATION_METHODS = ['questionnaire', 'forum', 'hearing', 'door_to_door', 'other'] as const;
export type ConsultationMethod = (typeof CONSULTATION_METHODS)[number];

export const CONSULTATION_METHOD_LABELS: Record<ConsultationMethod, string> = {
  questionnaire: '问卷调查',
  forum: '座谈会',
  hearing: '听证会',
  door_to_door: '入户走访',
  other: '其他方式',
};

/** What each method's count counts, shown after the number. */
export const CONSULTATION_COUNT_UNITS: Record<ConsultationMethod, string> = {
  questionnaire: '份',
  forum: '场',
  hearing: '场',
  door_to_door: '户',
  other: '次',
};

export interface DimensionFinding {
  dimension: AssessmentDimension;
  finding: string;
}

export interface Consultation {
  method: ConsultationMethod;
  /** Questionnaires returned, meetings held, households visited …: see `CONSULTATION_COUNT_UNITS`. */
  count: number;
  /** People who took part (optional). */
  participants?: number | null;
  /** The views gathered: for, against, neutral (each optional; null when not recorded). */
  supporters?: number | null;
  opponents?: number | null;
  neutrals?: number | null;
}

export const CONSULTATION_VIEWS = ['supporters', 'opponents', 'neutrals'] as const;
export type ConsultationView = (typeof CONSULTATION_VIEWS)[number];

export const CONSULTATION_VIEW_LABELS: Record<ConsultationView, string> = {
  supporters: '支持',
  opponents: '反对',
  neutrals: '中立',
};

/** `支持 250、反对 20、中立 30`, the views recorded; '' when none is. */
export const viewsText = (c: Consultation): string =>
  CONSULTATION_VIEWS.filter((view) => c[view] !== undefined && c[view] !== null)
    .map((view) => `${CONSULTATION_VIEW_LABELS[view]} ${c[view]}`)
    .join('、');

export interface RiskFound {
  description: string;
  level: RiskLevel;
}

export interface AssessmentContent {
  dimensions: readonly DimensionFinding[];
  consultations: readonly Consultation[];
  risksFound: readonly RiskFound[];
  /** Mitigation measures recorded (tasks of kind `measure`), cancelled ones not counted. */
  measureCount: number;
}

export interface ReadinessSettings {
  /** Whether this centre requires the 安全性 dimension. */
  includeSafety?: boolean;
}

/**
 * Everything missing before the assessment goes to the leadership, given the levels about to be
 * submitted (null when not chosen yet: the level checks then wait):
 * - a finding for every required dimension, each dimension at most once;
 * - views gathered by at least one method, counts whole numbers, each method at most once;
 * - each risk found described; at least one risk found when the level before mitigation is 中 or 高;
 * - at least one mitigation measure when the residual level is lower than the level before.
 */
export function readinessProblems(
  content: AssessmentContent,
  levels: { before: RiskLevel | null; after: RiskLevel | null },
  settings: ReadinessSettings = {},
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seenDimensions = new Set<AssessmentDimension>();
  for (const { dimension } of content.dimensions) {
    if (seenDimensions.has(dimension)) {
      problems.push({
        path: `dimensions.${dimension}`,
        message: `“${ASSESSMENT_DIMENSION_LABELS[dimension]}”重复填写，请合并为一条`,
      });
    }
    seenDimensions.add(dimension);
  }
  for (const dimension of requiredDimensions(settings.includeSafety)) {
    const found = content.dimensions.find((d) => d.dimension === dimension);
    if (!found || isBlank(found.finding)) {
      problems.push({
        path: `dimensions.${dimension}`,
        message: `请填写“${ASSESSMENT_DIMENSION_LABELS[dimension]}”的评估意见`,
      });
    }
  }

  const seenMethods = new Set<ConsultationMethod>();
  content.consultations.forEach((c, i) => {
    const label = CONSULTATION_METHOD_LABELS[c.method];
    if (seenMethods.has(c.method)) {
      problems.push({ path: `consultations.${i}.method`, message: `“${label}”重复填写，请合并为一条` });
    }
    seenMethods.add(c.method);
    if (!isCount(c.count)) {
      problems.push({ path: `consultations.${i}.count`, message: `“${label}”的数量应为不小于 0 的整数` });
    }
    if (c.participants !== undefined && c.participants !== null && !isCount(c.participants)) {
      problems.push({ path: `consultations.${i}.participants`, message: `“${label}”的参与人数应为不小于 0 的整数` });
    }
    problems.push(...viewProblems(c, `consultations.${i}`, label));
  });
  if (!content.consultations.some((c) => isCount(c.count) && c.count > 0)) {
    problems.push({
      path: 'consultations',
      message: '请至少采用一种方式（问卷调查、座谈会、听证会、入户走访等）征求意见，并填写数量',
    });
  }

  content.risksFound.forEach((risk, i) => {
    if (isBlank(risk.description))
      problems.push({ path: `risksFound.${i}.description`, message: '请填写风险点的内容' });
  });
  if (levels.before && levels.before !== 'low' && content.risksFound.length === 0) {
    problems.push({
      path: 'risksFound',
      message: `评估风险等级为“${RISK_LEVEL_LABELS[levels.before]}”，请列出查找出的风险点`,
    });
  }
  if (
    levels.before &&
    levels.after &&
    riskLevelRank(levels.after) < riskLevelRank(levels.before) &&
    content.measureCount < 1
  ) {
    problems.push({
      path: 'measures',
      message: '剩余风险等级低于评估风险等级，请至少制定一项化解措施（责任单位、完成时限）',
    });
  }
  return problems;
}

/** The views of every method: checked whenever an assessment is saved, not only when submitted. */
export const consultationViewProblems = (consultations: readonly Consultation[]): FieldProblem[] =>
  consultations.flatMap((c, i) => viewProblems(c, `consultations.${i}`, CONSULTATION_METHOD_LABELS[c.method]));

/** The views of one method: whole numbers, and no more in all than the people who took part. */
function viewProblems(c: Consultation, path: string, label: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  let total = 0;
  for (const view of CONSULTATION_VIEWS) {
    const value = c[view];
    if (value === undefined || value === null) continue;
    if (!isCount(value)) {
      problems.push({
        path: `${path}.${view}`,
        message: `“${label}”的${CONSULTATION_VIEW_LABELS[view]}人数应为不小于 0 的整数`,
      });
    } else total += value;
  }
  if (!problems.length && isCount(c.participants) && total > c.participants) {
    problems.push({
      path: `${path}.supporters`,
      message: `“${label}”的支持、反对、中立合计 ${total} 人，超过参与人数 ${c.participants} 人`,
    });
  }
  return problems;
}
