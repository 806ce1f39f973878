import type { DemoScale } from '../../../shared/contract/system';
import { addMonths } from '../../../shared/domain/ledger/deadlines';
import { fromDayNumber, toDayNumber } from '../../../shared/domain/ledger/calendar';
import { CORE_DIMENSIONS, ASSESSMENT_DIMENSION_LABELS } from '../../../shared/domain/risks/assessment-content';
import {
  DEFAULT_CONCLUSION_MAPPING,
  RISK_LEVELS,
  type AssessmentConclusion,
  type RiskLevel,
} from '../../../shared/domain/risks/assessment-levels';
import type { AssessmentStatus } from '../../../shared/domain/risks/assessment-statuses';
import type { Db } from '../db/connection';
import { writeRows, type SqlValue } from './batch-writer';
import { yearlyNumbers } from './numbers';
import { streamOf, type Random } from './random';
import type { DemoTownship } from './regions';
import { RISK_TASK_COLUMNS, RISK_TASK_EVENT_COLUMNS } from './task-columns';
import type { DemoUnit } from './units';
import { seededUuidV7 } from './uuid';

/** How many assessments each scale has: a county's dozens a year, and decades of them at large. */
/** The demo's views of those asked: most for, a few against, the rest neutral (no extra random draws). */
const viewsOf = (asked: number): [number, number, number] => {
  const supporters = Math.floor(asked * 0.8);
  const opponents = Math.floor(asked * 0.05);
  return [supporters, opponents, asked - supporters - opponents];
};

export const DEMO_ASSESSMENT_COUNTS: Record<DemoScale, number> = { small: 40, large: 3_000 };
const HISTORY_DAYS: Record<DemoScale, number> = { small: 900, large: 7_300 };
const ID_BASE_TIME = Date.UTC(2024, 0, 1);

export interface DemoAssessmentInput {
  scale: DemoScale;
  seed: number;
  townships: readonly DemoTownship[];
  units: readonly DemoUnit[];
  userId: string;
  /** The county's date the demo is laid out around. */
  today: string;
}

export type DemoAssessmentCounts = Record<'assessments' | 'measures' | 'reReviews', number>;

const MATTERS: Record<'decision' | 'project' | 'reform' | 'event', readonly string[]> = {
  project: ['{t}老街棚户区改造征收', '{t}垃圾焚烧发电项目选址', '{t}工业园区扩区征地', '{t}高速公路连接线拆迁'],
  decision: ['{t}中小学布局调整（撤并村小）', '县城区出租车运价调整', '{t}自来水价格调整', '{t}农贸市场搬迁'],
  reform: ['县属国有企业改制', '{t}农村集体产权制度改革', '县公立医院薪酬制度改革'],
  event: ['{t}大型商贸节会', '县城马拉松赛事', '{t}传统庙会活动'],
};
const RISKS = [
  '部分群众对补偿标准有异议',
  '安置房源位置引发不满',
  '施工期间噪声扰民',
  '可能引发集体上访',
  '网络舆情炒作',
];
const MEASURES = [
  '逐户上门解释政策',
  '召开群众代表座谈会',
  '落实过渡安置房源',
  '公开补偿标准和程序',
  '制定舆情应对方案',
];
const CONCLUSION_NOTE: Record<AssessmentConclusion, string> = {
  implement: '风险可控，同意实施',
  postpone: '待矛盾化解后再行实施',
  reject: '风险过高，不予实施',
};

const pickLevel = (random: Random): RiskLevel => {
  const x = random.next();
  return x < 0.15 ? 'high' : x < 0.6 ? 'medium' : 'low';
};
const lower = (level: RiskLevel): RiskLevel => RISK_LEVELS[Math.min(RISK_LEVELS.indexOf(level) + 1, 2)]!;

/**
 * The made-up stability assessments (稳评), each at a stage its dates allow on the reference day:
 * older ones decided and tracked or archived with re-reviews held, recent ones still being
 * assessed; mitigation measures as risk tasks. Written inside the caller's transaction.
 */
export function writeDemoAssessments(db: Db, input: DemoAssessmentInput): DemoAssessmentCounts {
  const random = streamOf(input.seed, 'assessments');
  const newId = seededUuidV7(streamOf(input.seed, 'assessment-ids'), ID_BASE_TIME);
  const refDay = toDayNumber(input.today);
  const at = (day: string) => `${day}T0${random.int(1, 8)}:${String(random.int(0, 59)).padStart(2, '0')}:00.000Z`;
  const governments = input.units.filter((u) => u.regionCode);
  const departments = input.units.filter((u) => !u.regionCode);
  const rows: Record<string, SqlValue[][]> = {};
  const add = (table: string, row: SqlValue[]) => (rows[table] ??= []).push(row);
  let measures = 0;
  let reReviews = 0;

  const total = DEMO_ASSESSMENT_COUNTS[input.scale];
  const registeredDays = Array.from({ length: total }, () => refDay - random.int(0, HISTORY_DAYS[input.scale])).sort(
    (a, b) => a - b,
  );
  const assessmentNo = yearlyNumbers('WP', 4);
  registeredDays.forEach((registeredDay) => {
    const id = newId();
    const registeredOn = fromDayNumber(registeredDay);
    const number = assessmentNo(registeredOn);
    const townships = random.shuffled(input.townships).slice(0, random.int(1, 3));
    const type = random.pick(['project', 'project', 'decision', 'reform', 'event'] as const);
    const matter = random.pick(MATTERS[type]).replace('{t}', townships[0]!.name);
    const before = pickLevel(random);
    const after = random.next() < 0.6 ? lower(before) : before;
    const suggested = DEFAULT_CONCLUSION_MAPPING[after];
    const recommended: AssessmentConclusion = random.next() < 0.9 ? suggested : random.pick(['implement', 'postpone']);
    const decision: AssessmentConclusion =
      random.next() < 0.85 ? recommended : random.pick(['implement', 'postpone', 'reject']);
    // The steps' days; a step after the reference day has not happened yet.
    const startDay = registeredDay + random.int(3, 15);
    const submitDay = startDay + random.int(20, 60);
    const decideDay = submitDay + random.int(5, 30);
    const implementDay = decideDay + random.int(5, 30);
    const reached = (day: number) => day <= refDay;
    let status: AssessmentStatus = 'registered';
    if (reached(startDay)) status = 'assessing';
    if (reached(submitDay)) status = 'pending_decision';
    if (reached(decideDay)) status = 'decided';
    if (decision === 'implement' && reached(implementDay)) status = 'tracking';
    if (decision !== 'implement' && reached(decideDay + 60)) status = 'archived';
    const submitted = status !== 'registered' && status !== 'assessing';
    const decided = ['decided', 'tracking', 'archived'].includes(status);

    // Re-reviews every six months after implementation; tracking ends after two years.
    const implementedOn = status === 'tracking' ? fromDayNumber(implementDay) : null;
    let lastReviewed = implementedOn;
    let next = implementedOn ? addMonths(implementedOn, 6) : null;
    let held = 0;
    while (next && toDayNumber(next) < refDay - random.int(0, 20) && held < 4) {
      add('assessment_re_reviews', [
        newId(),
        id,
        next,
        '群众情绪平稳，措施落实到位',
        'low',
        null,
        input.userId,
        at(next),
      ]);
      held += 1;
      lastReviewed = next;
      next = addMonths(implementedOn!, 6 * (held + 1));
    }
    if (held === 4) status = 'archived';
    reReviews += held;
    const rr = rows.assessment_re_reviews ?? [];
    for (let i = rr.length - held; i < rr.length - 1; i += 1) rr[i]![5] = rr[i + 1]![2];
    if (held) rr[rr.length - 1]![5] = status === 'archived' ? null : next;

    const planNeeded = decided && decision === 'implement' && after !== 'low';
    add('assessments', [
      id,
      number,
      matter,
      type,
      `${matter}，涉及${townships.map((t) => t.name).join('、')}`,
      random.pick(random.next() < 0.5 ? governments : departments).id,
      status === 'registered' ? null : random.pick(['县社会稳定风险评估中心', '第三方评估机构', '县委政法委']),
      random.int(30, 3000),
      registeredOn,
      status,
      submitted ? before : null,
      submitted ? after : null,
      submitted ? recommended : null,
      submitted && recommended !== suggested ? '结合群众意见综合研判' : '',
      ...(planNeeded || random.next() < 0.3
        ? [`${matter}应急处置预案：成立工作专班，明确值守、疏导、处置分工`, registeredOn, null]
        : [null, null, null]),
      decided ? decision : null,
      decided ? random.pick(['县委常委会', '县政府常务会议']) : null,
      decided ? fromDayNumber(decideDay) : null,
      decided && decision !== recommended ? '县委研究后综合决定' : null,
      implementedOn ?? (status === 'archived' && decision === 'implement' ? fromDayNumber(implementDay) : null),
      lastReviewed !== implementedOn ? lastReviewed : null,
      status === 'tracking' ? next : null,
      status === 'archived' ? CONCLUSION_NOTE[decision] : null,
      status === 'archived'
        ? fromDayNumber(Math.min(refDay, decideDay + 60 + 730 * Number(decision === 'implement')))
        : null,
      input.userId,
      at(registeredOn),
      at(registeredOn),
    ]);
    townships.forEach((t, sort) => add('assessment_townships', [id, t.code, sort]));
    if (status !== 'registered') {
      for (const dimension of CORE_DIMENSIONS) {
        add('assessment_findings', [id, dimension, `${ASSESSMENT_DIMENSION_LABELS[dimension]}评估：总体可控`]);
      }
      const returned = random.int(50, 500);
      add('assessment_consultations', [id, 'questionnaire', returned, null, ...viewsOf(returned)]);
      const forums = random.int(1, 5);
      const attended = random.int(10, 60);
      add('assessment_consultations', [id, 'forum', forums, attended, ...viewsOf(attended)]);
      random
        .shuffled(RISKS)
        .slice(0, before === 'low' ? 0 : random.int(1, 3))
        .forEach((description, sort) => add('assessment_risks', [id, sort, description, before]));
    }
    add('assessment_events', [newId(), id, 'register', null, null, 'registered', '', input.userId, at(registeredOn)]);
    const steps: Array<[string, AssessmentStatus, AssessmentStatus, number]> = [
      ['startAssessment', 'registered', 'assessing', startDay],
      ['submitForDecision', 'assessing', 'pending_decision', submitDay],
      ['decide', 'pending_decision', 'decided', decideDay],
    ];
    if (decided && decision === 'implement' && implementedOn)
      steps.push(['startTracking', 'decided', 'tracking', implementDay]);
    const order = ['registered', 'assessing', 'pending_decision', 'decided', 'tracking', 'archived'];
    for (const [action, from, to, day] of steps) {
      if (order.indexOf(status) >= order.indexOf(to)) {
        add('assessment_events', [
          newId(),
          id,
          'transition',
          action,
          from,
          to,
          '',
          input.userId,
          at(fromDayNumber(day)),
        ]);
      }
    }

    if (submitted && after !== before) {
      for (const title of random.shuffled(MEASURES).slice(0, random.int(1, 3))) {
        const taskId = newId();
        const start = fromDayNumber(startDay);
        const due = fromDayNumber(Math.min(submitDay + random.int(10, 120), refDay + 60));
        const done = status === 'archived' || (status === 'tracking' && random.next() < 0.6);
        const completedOn = done ? fromDayNumber(Math.min(toDayNumber(due) + random.int(-20, 5), refDay)) : null;
        const taskStatus = done ? 'done' : status === 'tracking' && random.next() < 0.5 ? 'in_progress' : 'pending';
        const unit = governments.find((g) => g.regionCode === townships[0]!.code) ?? random.pick(departments);
        add('risk_tasks', [
          taskId,
          'assessment',
          id,
          'measure',
          title,
          unit.id,
          start,
          due,
          taskStatus,
          taskStatus === 'in_progress' ? '正在落实' : '',
          completedOn,
          done ? '已落实' : null,
          input.userId,
          at(start),
          at(start),
        ]);
        add('risk_task_events', [newId(), taskId, 'create', null, 'pending', '', due, input.userId, at(start)]);
        measures += 1;
      }
    }
  });

  const columns: Record<string, readonly string[]> = {
    assessments: [
      'id',
      'assessment_no',
      'matter',
      'matter_type',
      'description',
      'proposing_unit_id',
      'assessing_body',
      'people_affected',
      'registered_on',
      'status',
      'risk_level_before',
      'risk_level_after',
      'recommended_conclusion',
      'recommendation_reason',
      'emergency_plan_summary',
      'emergency_plan_on',
      'emergency_plan_attachment_id',
      'decision',
      'decided_by',
      'decided_on',
      'decision_reason',
      'implemented_on',
      'last_reviewed_on',
      'next_re_review_on',
      'archive_note',
      'archived_on',
      'created_by',
      'created_at',
      'updated_at',
    ],
    assessment_townships: ['assessment_id', 'township_code', 'sort'],
    assessment_findings: ['assessment_id', 'dimension', 'finding'],
    assessment_consultations: [
      'assessment_id',
      'method',
      'count',
      'participants',
      'supporters',
      'opponents',
      'neutrals',
    ],
    assessment_risks: ['assessment_id', 'sort', 'description', 'level'],
    assessment_events: ['id', 'assessment_id', 'kind', 'action', 'from_status', 'to_status', 'note', 'by_user', 'at'],
    assessment_re_reviews: [
      'id',
      'assessment_id',
      'reviewed_on',
      'finding',
      'risk_level',
      'next_re_review_on',
      'by_user',
      'at',
    ],
    risk_tasks: RISK_TASK_COLUMNS,
    risk_task_events: RISK_TASK_EVENT_COLUMNS,
  };
  // Parents first: the link tables reference the assessments and the tasks.
  for (const [table, cols] of Object.entries(columns)) writeRows(db, table, cols, rows[table] ?? []);
  return { assessments: total, measures, reReviews };
}
