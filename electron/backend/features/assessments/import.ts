import { ASSESSMENT_MATTER_TYPE_LABELS } from '../../../../shared/domain/risks/assessment-content';
import { assessmentHistory } from '../../../../shared/domain/risks/assessment-history';
import {
  ASSESSMENT_CONCLUSION_LABELS,
  RISK_LEVEL_LABELS,
  riskLevelRank,
  type AssessmentConclusion,
  type RiskLevel,
} from '../../../../shared/domain/risks/assessment-levels';
import { ASSESSMENT_STATUS_LABELS, type AssessmentStatus } from '../../../../shared/domain/risks/assessment-statuses';
import { choicesOf, readChoice, readCount, readDateCell, readText } from '../../import/cells';
import type { ImportKind, ImportRow, ProblemLog } from '../../import/kind';
import { dateProblem, todayBound } from '../../../../shared/domain/ledger/dates';
import { EMERGENCY_PLAN_SUMMARY_MAX } from '../../../../shared/domain/risks/emergency-plan';
import { ledgerImportKind, ledgerReading, readRows, statusField } from '../../ledger/import';
import { assessmentImport, type ReadAssessment } from './imported';

/**
 * Stability assessments from a centre's own workbook: found again by number, with their levels,
 * recommendation, decision and dates (the rule is `assessmentHistory`'s), the townships they
 * affect by name, a new 提出单位 made on the spot.
 */
const LEVEL_WORDS = choicesOf(RISK_LEVEL_LABELS, { 高风险: 'high', 中风险: 'medium', 低风险: 'low' });
const CONCLUSION_WORDS = choicesOf(ASSESSMENT_CONCLUSION_LABELS, { 暂缓: 'postpone', 同意实施: 'implement' });
const STATUS_WORDS = choicesOf(ASSESSMENT_STATUS_LABELS, { 归档: 'archived', 跟踪: 'tracking', 决策: 'decided' });
const MATTER_TYPE_WORDS = choicesOf(ASSESSMENT_MATTER_TYPE_LABELS, {
  决策: 'decision',
  项目: 'project',
  改革: 'reform',
  活动: 'event',
});
const PLAN_WORDS: Record<string, 'yes' | 'no'> = {
  有: 'yes',
  是: 'yes',
  已制定: 'yes',
  无: 'no',
  否: 'no',
  未制定: 'no',
};

/** What a plan recorded as a bare 有 in a centre's own ledger reads as: a plan without its file. */
export const IMPORTED_PLAN_SUMMARY = '预案已制定（导入时未上传文件）';

/** The 应急预案 cell: 有 or 无, or the plan's summary; its date as it happened (not after today). */
function readPlan(row: ImportRow, problems: ProblemLog, today: string) {
  const text = readText(row, 'emergencyPlan', problems, { max: EMERGENCY_PLAN_SUMMARY_MAX });
  const word = PLAN_WORDS[text];
  const emergencyPlan = word === 'no' || text === '' ? null : word === 'yes' ? IMPORTED_PLAN_SUMMARY : text;
  const emergencyPlanOn = readDateCell(row, 'emergencyPlanOn', problems);
  const late = dateProblem('emergencyPlanOn', '预案制定日期', emergencyPlanOn, { notAfter: todayBound(today) });
  if (late) problems.error(row, 'emergencyPlanOn', late.message);
  if (emergencyPlanOn && !emergencyPlan) problems.error(row, 'emergencyPlanOn', '没有应急预案，不应有预案制定日期');
  return { emergencyPlan, emergencyPlanOn };
}

const FIELDS: ImportKind<ReadAssessment>['fields'] = [
  {
    key: 'assessmentNo',
    label: '稳评编号',
    synonyms: ['编号', '评估编号'],
    required: true,
    example: 'WP2024-0007',
    note: '每项稳评一个编号；再次导入同一编号时更新，不会重复',
  },
  {
    key: 'matter',
    label: '事项名称',
    synonyms: ['评估事项', '项目名称', '事项'],
    required: true,
    example: '城东片区棚户区改造',
    note: '不超过 200 字',
  },
  {
    key: 'matterType',
    label: '事项类型',
    synonyms: ['类型', '事项类别'],
    required: true,
    example: '重大项目',
    note: '重大决策、重大项目、重大改革 或 重大活动',
  },
  {
    key: 'proposingUnit',
    label: '提出单位',
    synonyms: ['决策提出单位', '项目单位', '申报单位'],
    required: true,
    example: '中牟县住建局',
    note: '系统中没有的单位在导入时新建',
  },
  {
    key: 'townships',
    label: '涉及乡镇（街道）',
    synonyms: ['涉及乡镇', '乡镇', '乡镇(街道)', '属地'],
    required: true,
    example: '城关镇、白沙镇',
    note: '一个或多个，用顿号分隔',
  },
  {
    key: 'registeredOn',
    label: '立项日期',
    synonyms: ['登记日期', '受理日期'],
    required: true,
    example: '2024-03-05',
    note: '不能晚于今天',
  },
  { key: 'description', label: '事项概况', synonyms: ['基本情况', '概况'], example: '', note: '' },
  { key: 'assessingBody', label: '评估主体', synonyms: ['评估单位', '评估机构'], example: '', note: '' },
  { key: 'peopleAffected', label: '涉及人数', synonyms: ['涉及群众'], example: '300', note: '整数，不填为 0' },
  {
    key: 'riskLevelBefore',
    label: '评估风险等级',
    synonyms: ['风险等级', '初始风险等级'],
    example: '中',
    note: '高、中 或 低',
  },
  {
    key: 'riskLevelAfter',
    label: '剩余风险等级',
    synonyms: ['采取措施后风险等级'],
    example: '低',
    note: '高、中 或 低；不能高于评估风险等级',
  },
  {
    key: 'recommendedConclusion',
    label: '建议结论',
    synonyms: ['评估结论', '评估建议'],
    example: '实施',
    note: '实施、暂缓实施 或 不实施',
  },
  {
    key: 'emergencyPlan',
    label: '应急预案',
    synonyms: ['是否有应急预案', '应急预案摘要'],
    example: '有',
    note: '有、无，或预案摘要；文件导入后在稳评中上传',
  },
  { key: 'emergencyPlanOn', label: '预案制定日期', synonyms: ['应急预案制定日期'], example: '', note: '' },
  statusField(ASSESSMENT_STATUS_LABELS),
  { key: 'decision', label: '决策结果', synonyms: ['决策意见'], example: '', note: '实施、暂缓实施 或 不实施' },
  { key: 'decidedBy', label: '决策机关', synonyms: ['决策单位'], example: '', note: '' },
  { key: 'decidedOn', label: '决策日期', synonyms: ['决策时间'], example: '', note: '已决策及以后必填' },
  { key: 'implementedOn', label: '实施日期', synonyms: ['实施时间'], example: '', note: '跟踪中必填' },
  { key: 'archivedOn', label: '归档日期', synonyms: ['归档时间'], example: '', note: '已归档必填' },
];

export const assessmentImportKind: ImportKind<ReadAssessment> = {
  key: 'assessments',
  noun: '稳评',
  keyField: 'assessmentNo',
  instructions: {
    状态推定:
      '不填状态时：有归档日期为已归档，有实施日期为跟踪中，有决策日期为已决策，填了两个风险等级和建议结论为待决策，填了评估主体为评估中，否则为立项。已决策及以后须有决策结果和决策日期。',
    日期核对: '已发生的日期不能晚于今天：立项 ≤ 决策 ≤ 实施 ≤ 归档。跟踪中的下次复评日期按实施日期和复评周期推算。',
  },
  fields: FIELDS,
  read(ctx, rows, problems) {
    const { today, numbers, townships, units } = ledgerReading(ctx, assessmentImport, 'WP');
    return readRows(rows, problems, (row) => {
      const assessmentNo = numbers.read(row, 'assessmentNo', problems);
      const matter = readText(row, 'matter', problems, { required: true, max: 200 });
      const matterType = readChoice(row, 'matterType', problems, MATTER_TYPE_WORDS, true);
      const proposingUnit = units.find(row, 'proposingUnit', problems, true);
      const affected = townships.findEach(row, 'townships', problems, true);
      const registeredOn = readDateCell(row, 'registeredOn', problems, true);
      const riskLevelBefore = readChoice<RiskLevel>(row, 'riskLevelBefore', problems, LEVEL_WORDS);
      const riskLevelAfter = readChoice<RiskLevel>(row, 'riskLevelAfter', problems, LEVEL_WORDS);
      const recommendedConclusion = readChoice<AssessmentConclusion>(
        row,
        'recommendedConclusion',
        problems,
        CONCLUSION_WORDS,
      );
      const value = {
        description: readText(row, 'description', problems, { max: 4000 }),
        assessingBody: readText(row, 'assessingBody', problems, { max: 100 }) || null,
        peopleAffected: readCount(row, 'peopleAffected', problems, { min: 0, max: 10_000_000 }, 0),
        ...readPlan(row, problems, today),
        decision: readChoice<AssessmentConclusion>(row, 'decision', problems, CONCLUSION_WORDS),
        decidedBy: readText(row, 'decidedBy', problems, { max: 100 }) || null,
        decidedOn: readDateCell(row, 'decidedOn', problems),
        implementedOn: readDateCell(row, 'implementedOn', problems),
        archivedOn: readDateCell(row, 'archivedOn', problems),
      };
      const status = readChoice<AssessmentStatus>(row, 'status', problems, STATUS_WORDS);
      if (!registeredOn) return { key: assessmentNo, value: null };
      const history = assessmentHistory(
        {
          ...value,
          status,
          registeredOn,
          assessing: value.assessingBody !== null,
          submitted: !!riskLevelBefore && !!riskLevelAfter && !!recommendedConclusion,
        },
        today,
        ctx.settings.work.reReviewIntervalMonths,
      );
      for (const problem of history.problems) problems.error(row, problem.key, problem.message);
      if (riskLevelBefore && riskLevelAfter && riskLevelRank(riskLevelAfter) > riskLevelRank(riskLevelBefore)) {
        problems.error(row, 'riskLevelAfter', '剩余风险等级不能高于评估风险等级');
      }
      if (!matter || !matterType || !proposingUnit || !affected || value.peopleAffected === null) {
        return { key: assessmentNo, value: null };
      }
      return {
        key: assessmentNo,
        value: {
          ...value,
          peopleAffected: value.peopleAffected,
          matter,
          matterType,
          proposingUnit,
          townshipCodes: affected.map((t) => t.code),
          registeredOn,
          riskLevelBefore,
          riskLevelAfter,
          recommendedConclusion,
          status: history.status,
          nextReReviewOn: history.nextReReviewOn,
        },
      };
    });
  },
  ...ledgerImportKind(assessmentImport),
};
