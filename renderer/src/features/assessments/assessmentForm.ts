import type { AssessmentDetail } from '@shared/contract/assessments';
import {
  ASSESSMENT_DIMENSIONS,
  CONSULTATION_METHODS,
  type AssessmentMatterType,
} from '@shared/domain/risks/assessment-content';
import type { AssessmentConclusion, RiskLevel } from '@shared/domain/risks/assessment-levels';
import { countyDate } from '@shared/domain/time';

/** The form's fields of an assessment, or of a new one (registered today): an empty select is ''. */
export const assessmentValuesOf = (d?: AssessmentDetail) => ({
  matter: d?.matter ?? '',
  matterType: (d?.matterType ?? '') as AssessmentMatterType | '',
  description: d?.description ?? '',
  proposingUnitId: d?.proposingUnitId ?? '',
  assessingBody: d?.assessingBody ?? '',
  townshipCodes: d?.townships.map((t) => t.code) ?? ([] as string[]),
  peopleAffected: d?.peopleAffected ?? 0,
  registeredOn: d?.registeredOn ?? countyDate(new Date()),
  dimensions: ASSESSMENT_DIMENSIONS.map((dimension) => ({
    dimension,
    finding: d?.dimensions.find((f) => f.dimension === dimension)?.finding ?? '',
  })),
  consultations: CONSULTATION_METHODS.map((method) => {
    const found = d?.consultations.find((c) => c.method === method);
    return {
      method,
      count: found?.count ?? 0,
      participants: found?.participants ?? null,
      supporters: found?.supporters ?? null,
      opponents: found?.opponents ?? null,
      neutrals: found?.neutrals ?? null,
    };
  }),
  risksFound: d?.risksFound.map((r) => ({ ...r })) ?? ([] as Array<{ description: string; level: RiskLevel }>),
  riskLevelBefore: (d?.riskLevelBefore ?? '') as RiskLevel | '',
  riskLevelAfter: (d?.riskLevelAfter ?? '') as RiskLevel | '',
  recommendedConclusion: (d?.recommendedConclusion ?? '') as AssessmentConclusion | '',
  recommendationReason: d?.recommendationReason ?? '',
});

export type AssessmentValues = ReturnType<typeof assessmentValuesOf>;

/** The checked form as saved: the form lists every way of consulting, a row with no count is left out. */
export const withConsultationsHeld = <
  T extends { consultations: Array<{ count: number; participants?: number | null }> },
>(
  checked: T,
): T => ({ ...checked, consultations: checked.consultations.filter((c) => c.count > 0 || c.participants) });
