import type { z } from 'zod';
import type { AssessmentRow } from '../../../../shared/contract/assessments';
import type { ExportProgress } from '../../../../shared/contract/exports';
import type { assessmentsExportStartInput } from '../../../../shared/contract/risk-exports';
import { ASSESSMENT_MATTER_TYPE_LABELS } from '../../../../shared/domain/risks/assessment-content';
import {
  ASSESSMENT_CONCLUSION_LABELS,
  ASSESSMENT_DECISION_LABELS,
  RISK_LEVEL_LABELS,
} from '../../../../shared/domain/risks/assessment-levels';
import { ASSESSMENT_STATUS_LABELS } from '../../../../shared/domain/risks/assessment-statuses';
import { principalOf, type HandlerContext } from '../../api/types';
import type { Snapshot } from '../../db/snapshot';
import { qb } from '../../db/sql';
import { describeFilter, startLedgerExport } from '../../export/ledger';
import type { XlsxColumn } from '../../export/xlsx';
import { assessmentClockOf } from './common';
import { listAssessments, type ListInput } from './repo';

type StartInput = z.output<typeof assessmentsExportStartInput>;

interface ExportRow extends AssessmentRow {
  assessingBody: string | null;
}

const FILTER_LABELS: Record<string, string> = {
  keyword: '关键字',
  status: '状态',
  riskLevel: '评估后等级',
  decision: '决策',
  townshipCode: '涉及乡镇',
  matterType: '类型',
  registeredFrom: '立项日期起',
  registeredTo: '立项日期止',
  figure: '统计口径',
  figureKey: '口径分项',
  figurePart: '口径部分',
};

const level = (value: AssessmentRow['riskLevelAfter']) => (value ? RISK_LEVEL_LABELS[value] : null);

const COLUMNS: XlsxColumn<ExportRow>[] = [
  { header: '编号', width: 14, value: (r) => r.assessmentNo },
  { header: '事项', width: 36, value: (r) => r.matter },
  { header: '类型', width: 14, value: (r) => ASSESSMENT_MATTER_TYPE_LABELS[r.matterType] },
  { header: '状态', width: 10, value: (r) => ASSESSMENT_STATUS_LABELS[r.status] },
  { header: '提出单位', width: 20, value: (r) => r.proposingUnitName },
  { header: '评估主体', width: 20, value: (r) => r.assessingBody },
  { header: '涉及乡镇', width: 20, value: (r) => r.townships.map((t) => t.name).join('、') || null },
  { header: '涉及人数', width: 8, value: (r) => r.peopleAffected },
  { header: '立项日期', width: 12, value: (r) => r.registeredOn },
  { header: '评估前等级', width: 10, value: (r) => level(r.riskLevelBefore) },
  { header: '评估后等级', width: 10, value: (r) => level(r.riskLevelAfter) },
  {
    header: '建议结论',
    width: 14,
    value: (r) => (r.recommendedConclusion ? ASSESSMENT_CONCLUSION_LABELS[r.recommendedConclusion] : null),
  },
  { header: '决策', width: 14, value: (r) => (r.decision ? ASSESSMENT_DECISION_LABELS[r.decision] : null) },
  { header: '决策日期', width: 12, value: (r) => r.decidedOn },
  { header: '下次复评日期', width: 12, value: (r) => r.nextReReviewOn },
];

/** The chunk's assessments with their assessing body (not on the list's row). */
function withBody(snapshot: Snapshot, rows: AssessmentRow[]): ExportRow[] {
  const bodies = new Map(
    snapshot.sql
      .all(
        qb
          .selectFrom('assessments')
          .select(['id', 'assessing_body'])
          .where(
            'id',
            'in',
            rows.map((row) => row.id),
          ),
      )
      .map((r) => [r.id, r.assessing_body]),
  );
  return rows.map((row) => ({ ...row, assessingBody: bodies.get(row.id) ?? null }));
}

/** The assessment ledger's export (export/ledger.ts): the list's filter and order; it holds no personal data. */
export function startAssessmentExport(ctx: HandlerContext, filter: StartInput): ExportProgress {
  const scope = principalOf(ctx).regionCode;
  const clock = assessmentClockOf(ctx);
  return startLedgerExport(
    ctx,
    { unmasked: false },
    {
      action: 'assessments.export',
      entity: 'assessment',
      title: '稳评台账',
      noun: '稳评事项',
      personalFields: [],
      filterText: describeFilter(filter, FILTER_LABELS, {
        status: ASSESSMENT_STATUS_LABELS,
        riskLevel: RISK_LEVEL_LABELS,
        decision: ASSESSMENT_DECISION_LABELS,
        matterType: ASSESSMENT_MATTER_TYPE_LABELS,
      }),
      read: (snapshot, page, pageSize) =>
        listAssessments(snapshot.sql, { ...filter, page, pageSize } satisfies ListInput, scope, clock),
      rows: withBody,
      columns: () => COLUMNS,
    },
  );
}
