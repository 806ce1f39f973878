import type { z } from 'zod';
import { ASSESSMENT_FIELD_LABELS, type assessmentsCreateInput } from '../../../../shared/contract/assessments';
import {
  ASSESSMENT_DIMENSION_LABELS,
  ASSESSMENT_MATTER_TYPE_LABELS,
  CONSULTATION_METHOD_LABELS,
  viewsText,
  type AssessmentMatterType,
} from '../../../../shared/domain/risks/assessment-content';
import {
  ASSESSMENT_CONCLUSION_LABELS,
  RISK_LEVEL_LABELS,
  type AssessmentConclusion,
  type RiskLevel,
} from '../../../../shared/domain/risks/assessment-levels';
import type { HandlerContext } from '../../api/types';
import type { EditableFields } from '../../ledger/changes';
import { referenceNames } from '../../ledger/names';
import type { ColumnChanges } from '../../ledger/write';
import { contentOf, townshipCodesOf, type AssessmentTableRow } from './repo';

type Content = z.output<typeof assessmentsCreateInput>;

/** The scalar columns a form edits, by their contract names. */
export const COLUMNS = {
  matter: 'matter',
  matterType: 'matter_type',
  description: 'description',
  proposingUnitId: 'proposing_unit_id',
  assessingBody: 'assessing_body',
  peopleAffected: 'people_affected',
  registeredOn: 'registered_on',
  riskLevelBefore: 'risk_level_before',
  riskLevelAfter: 'risk_level_after',
  recommendedConclusion: 'recommended_conclusion',
  recommendationReason: 'recommendation_reason',
} as const satisfies Partial<Record<keyof Content, keyof AssessmentTableRow>>;

type Scalar = keyof typeof COLUMNS;

/** The columns as stored from a form's content (blank assessing body as null). */
export const columnsOf = (input: Content) => ({
  matter: input.matter,
  matter_type: input.matterType,
  description: input.description,
  proposing_unit_id: input.proposingUnitId,
  assessing_body: input.assessingBody || null,
  people_affected: input.peopleAffected,
  registered_on: input.registeredOn,
  risk_level_before: input.riskLevelBefore,
  risk_level_after: input.riskLevelAfter,
  recommended_conclusion: input.recommendedConclusion,
  recommendation_reason: input.recommendationReason,
});

/** The lists a form edits, as stored (blank findings are not kept). */
export const listsOf = (input: Content) => ({
  townshipCodes: input.townshipCodes,
  dimensions: input.dimensions.filter((d) => d.finding !== ''),
  consultations: input.consultations,
  risksFound: input.risksFound,
});

type Lists = ReturnType<typeof listsOf>;

/** What a correction compares: the stored columns by their contract names, and the lists. */
export type AssessmentEditable = { [K in Scalar]: string | number | null } & Lists;

const byField = (columns: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(COLUMNS).map(([field, column]) => [field, columns[column] ?? null])) as {
    [K in Scalar]: string | number | null;
  };

export const editableValues = (ctx: HandlerContext, row: AssessmentTableRow): AssessmentEditable => ({
  ...byField(row),
  townshipCodes: townshipCodesOf(ctx.sql, row.id),
  ...contentOf(ctx.sql, row.id),
});

export const editedValues = (input: Content): AssessmentEditable => ({
  ...byField(columnsOf(input)),
  ...listsOf(input),
});

export function editableFields(ctx: HandlerContext): EditableFields<AssessmentEditable> {
  const names = referenceNames(ctx.sql);
  const labels = ASSESSMENT_FIELD_LABELS;
  return {
    labels,
    show(field, value) {
      switch (field) {
        case 'matterType':
          return ASSESSMENT_MATTER_TYPE_LABELS[value as AssessmentMatterType];
        case 'proposingUnitId':
          return names.unit(String(value));
        case 'riskLevelBefore':
        case 'riskLevelAfter':
          return RISK_LEVEL_LABELS[value as RiskLevel];
        case 'recommendedConclusion':
          return ASSESSMENT_CONCLUSION_LABELS[value as AssessmentConclusion];
        case 'townshipCodes':
          return (value as Lists['townshipCodes']).map(names.region).join('、');
        case 'dimensions':
          return (value as Lists['dimensions'])
            .map((d) => `${ASSESSMENT_DIMENSION_LABELS[d.dimension]}：${d.finding}`)
            .join('；');
        case 'consultations':
          return (value as Lists['consultations'])
            .map(
              (c) =>
                `${CONSULTATION_METHOD_LABELS[c.method]} ${c.count} 次` +
                (c.participants !== null ? `（${c.participants} 人）` : '') +
                (viewsText(c) ? `，${viewsText(c)}` : ''),
            )
            .join('；');
        case 'risksFound':
          return (value as Lists['risksFound'])
            .map((r) => `${r.description}（${RISK_LEVEL_LABELS[r.level]}）`)
            .join('；');
        default:
          return String(value);
      }
    },
  };
}

/** The columns of the changed scalar fields (the lists are written whole by the caller). */
export const changedColumns = (input: Content, changed: ReadonlySet<keyof AssessmentEditable>): ColumnChanges => {
  const columns = columnsOf(input) as Record<string, string | number | null>;
  return Object.fromEntries(
    [...changed].filter((f): f is Scalar => f in COLUMNS).map((f) => [COLUMNS[f], columns[COLUMNS[f]] ?? null]),
  );
};
