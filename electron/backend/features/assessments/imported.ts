import { ASSESSMENT_FIELD_LABELS } from '../../../../shared/contract/assessments';
import {
  ASSESSMENT_CONCLUSION_LABELS,
  type AssessmentConclusion,
  type RiskLevel,
} from '../../../../shared/domain/risks/assessment-levels';
import type { AssessmentMatterType } from '../../../../shared/domain/risks/assessment-content';
import { ASSESSMENT_STATUS_LABELS, type AssessmentStatus } from '../../../../shared/domain/risks/assessment-statuses';
import type { HandlerContext } from '../../api/types';
import type { SpotReference } from '../../import/references';
import { importedInsert, type LedgerImport } from '../../ledger/import';
import { importedFields } from '../../ledger/import-fields';
import type { ColumnChanges } from '../../ledger/write';
import { editableFields } from './editable';
import { townshipCodesOf, type AssessmentTableRow } from './repo';
import { assessmentStore } from './store';

/** How an assessment read from a workbook is stored through the kernel's import, and shown when a re-import changes it. */
export type ImportedAssessment = {
  matter: string;
  matterType: AssessmentMatterType;
  description: string;
  proposingUnitId: string;
  assessingBody: string | null;
  peopleAffected: number;
  registeredOn: string;
  status: AssessmentStatus;
  riskLevelBefore: RiskLevel | null;
  riskLevelAfter: RiskLevel | null;
  recommendedConclusion: AssessmentConclusion | null;
  /** The plan's summary (null: none); its file is uploaded in the app afterwards. */
  emergencyPlan: string | null;
  emergencyPlanOn: string | null;
  decision: AssessmentConclusion | null;
  decidedBy: string | null;
  decidedOn: string | null;
  implementedOn: string | null;
  nextReReviewOn: string | null;
  archivedOn: string | null;
  townshipCodes: string[];
};

/** An assessment as read: its 提出单位 a name when the county has none yet. */
export type ReadAssessment = Omit<ImportedAssessment, 'proposingUnitId'> & { proposingUnit: SpotReference };

const COLUMNS = {
  matter: 'matter',
  matterType: 'matter_type',
  description: 'description',
  proposingUnitId: 'proposing_unit_id',
  assessingBody: 'assessing_body',
  peopleAffected: 'people_affected',
  registeredOn: 'registered_on',
  status: 'status',
  riskLevelBefore: 'risk_level_before',
  riskLevelAfter: 'risk_level_after',
  recommendedConclusion: 'recommended_conclusion',
  emergencyPlan: 'emergency_plan_summary',
  emergencyPlanOn: 'emergency_plan_on',
  decision: 'decision',
  decidedBy: 'decided_by',
  decidedOn: 'decided_on',
  implementedOn: 'implemented_on',
  nextReReviewOn: 'next_re_review_on',
  archivedOn: 'archived_on',
} as const satisfies Record<Exclude<keyof ImportedAssessment, 'townshipCodes'>, keyof AssessmentTableRow>;

type Scalar = keyof typeof COLUMNS;
const SCALARS = Object.keys(COLUMNS) as Scalar[];

const {
  dimensions: _dimensions,
  consultations: _consultations,
  risksFound: _risksFound,
  recommendationReason: _reason,
  ...CONTENT_LABELS
} = ASSESSMENT_FIELD_LABELS;

const LABELS: { readonly [K in keyof ImportedAssessment]: string } = {
  ...CONTENT_LABELS,
  status: '状态',
  emergencyPlan: '应急预案',
  emergencyPlanOn: '预案制定日期',
  decision: '决策结果',
  decidedBy: '决策机关',
  decidedOn: '决策日期',
  implementedOn: '实施日期',
  nextReReviewOn: '下次复评日期',
  archivedOn: '归档日期',
};

const columnsOf = (value: ImportedAssessment, fields: Iterable<keyof ImportedAssessment>): ColumnChanges =>
  Object.fromEntries([...fields].filter((f): f is Scalar => f !== 'townshipCodes').map((f) => [COLUMNS[f], value[f]]));

function writeTownships(ctx: HandlerContext, id: string, codes: readonly string[]): void {
  ctx.sql.prepare('DELETE FROM assessment_townships WHERE assessment_id = ?').run(id);
  const insert = ctx.sql.prepare(
    'INSERT INTO assessment_townships (assessment_id, township_code, sort) VALUES (?, ?, ?)',
  );
  codes.forEach((code, sort) => insert.run(id, code, sort));
}

const INSERT = importedInsert('assessments', 'assessment_no', Object.values(COLUMNS), {
  recommendation_reason: "''",
  decision_reason: 'NULL',
  last_reviewed_on: 'NULL',
  archive_note: 'NULL',
  emergency_plan_attachment_id: 'NULL',
});

export const assessmentImport: LedgerImport<AssessmentTableRow, ReadAssessment, ImportedAssessment> = {
  store: assessmentStore,
  numberColumn: 'assessment_no',
  fields: (ctx) =>
    importedFields<ImportedAssessment>(LABELS, editableFields(ctx), {
      status: ASSESSMENT_STATUS_LABELS,
      decision: ASSESSMENT_CONCLUSION_LABELS,
      emergencyPlan: String,
      emergencyPlanOn: String,
      decidedBy: String,
      decidedOn: String,
      implementedOn: String,
      nextReReviewOn: String,
      archivedOn: String,
    }),
  before: (ctx, row) => ({
    ...(Object.fromEntries(SCALARS.map((field) => [field, row[COLUMNS[field]]])) as Omit<
      ImportedAssessment,
      'townshipCodes'
    >),
    townshipCodes: [...townshipCodesOf(ctx.sql, row.id)],
  }),
  resolve: ({ proposingUnit, ...value }, ids) => ({ ...value, proposingUnitId: ids.unit(proposingUnit)! }),
  insert(ctx, columns, number, value) {
    ctx.sql.prepare(INSERT).run({ ...columns, assessment_no: number, ...columnsOf(value, SCALARS) });
    writeTownships(ctx, columns.id, value.townshipCodes);
  },
  apply(ctx, row, value, changed) {
    if (changed.has('townshipCodes')) writeTownships(ctx, row.id, value.townshipCodes);
    return columnsOf(value, changed);
  },
};
