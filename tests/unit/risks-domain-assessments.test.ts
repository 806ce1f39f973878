import { describe, expect, it } from 'vitest';
import {
  allowedAssessmentActions,
  ASSESSMENT_ACTION_LABELS,
  ASSESSMENT_ACTIONS,
  ASSESSMENT_DIMENSION_LABELS,
  ASSESSMENT_MATTER_TYPE_LABELS,
  ASSESSMENT_STATUS_LABELS,
  ASSESSMENT_STATUSES,
  assessmentRequiredFields,
  assessmentTransitionError,
  assessmentTransitionProblems,
  canAssessmentTransition,
  CONSULTATION_METHOD_LABELS,
  nextAssessmentStatus,
  readinessProblems,
  viewsText,
  type AssessmentAction,
  type AssessmentContent,
  type AssessmentStatus,
} from '../../shared/domain/risks';

// The expected machine, written out by hand.
const LEGAL: Record<AssessmentStatus, Partial<Record<AssessmentAction, AssessmentStatus>>> = {
  registered: { startAssessment: 'assessing' },
  assessing: { submitForDecision: 'pending_decision' },
  pending_decision: { sendBack: 'assessing', decide: 'decided' },
  decided: { reassess: 'assessing', startTracking: 'tracking', archive: 'archived' },
  tracking: { archive: 'archived' },
  archived: {},
};

const STATUS_ZH = ['立项', '评估中', '待决策', '已决策', '跟踪中', '已归档'];
const ACTION_ZH = ['开始评估', '提请决策', '退回补充评估', '作出决策', '重新评估', '开始跟踪', '归档'];
const ALLOWED_ZH: Record<AssessmentStatus, string> = {
  registered: '可进行：开始评估',
  assessing: '可进行：提请决策',
  pending_decision: '可进行：退回补充评估、作出决策',
  decided: '可进行：重新评估、开始跟踪、归档',
  tracking: '可进行：归档',
  archived: '此状态下没有可进行的操作',
};

const pairs = ASSESSMENT_STATUSES.flatMap((from) => ASSESSMENT_ACTIONS.map((action) => [from, action] as const));
const legalPairs = pairs.filter(([from, action]) => LEGAL[from][action] !== undefined);
const illegalPairs = pairs.filter(([from, action]) => LEGAL[from][action] === undefined);

const content = (over: Partial<AssessmentContent> = {}): AssessmentContent => ({
  dimensions: [
    { dimension: 'legality', finding: '符合《土地管理法》及省实施办法' },
    { dimension: 'rationality', finding: '补偿标准不低于周边项目' },
    { dimension: 'feasibility', finding: '资金已落实' },
    { dimension: 'controllability', finding: '已制定稳控预案' },
  ],
  consultations: [
    { method: 'questionnaire', count: 320, participants: 320 },
    { method: 'forum', count: 3, participants: 45 },
  ],
  risksFound: [{ description: '部分农户对安置房区位有异议', level: 'medium' }],
  measureCount: 2,
  ...over,
});

const submitInput = { riskLevelBefore: 'medium', riskLevelAfter: 'low', recommendedConclusion: 'implement' };

describe('assessment statuses and actions', () => {
  it('has the six statuses and seven actions with Chinese labels', () => {
    expect(ASSESSMENT_STATUSES.map((s) => ASSESSMENT_STATUS_LABELS[s])).toEqual(STATUS_ZH);
    expect(ASSESSMENT_ACTIONS.map((a) => ASSESSMENT_ACTION_LABELS[a])).toEqual(ACTION_ZH);
  });

  it('covers all 42 status × action pairs: 8 legal, 34 refused', () => {
    expect(pairs).toHaveLength(42);
    expect(legalPairs).toHaveLength(8);
    expect(illegalPairs).toHaveLength(34);
  });

  it.each(legalPairs)('allows %s → %s', (from, action) => {
    expect(canAssessmentTransition(from, action)).toBe(true);
    expect(nextAssessmentStatus(from, action)).toBe(LEGAL[from][action]);
    expect(assessmentTransitionError(from, action)).toBeNull();
  });

  it.each(illegalPairs)('refuses %s → %s, naming the status, the action and what is allowed', (from, action) => {
    const status = STATUS_ZH[ASSESSMENT_STATUSES.indexOf(from)];
    const act = ACTION_ZH[ASSESSMENT_ACTIONS.indexOf(action)];
    const message = `当前状态为“${status}”，不能“${act}”。${ALLOWED_ZH[from]}`;
    expect(canAssessmentTransition(from, action)).toBe(false);
    expect(nextAssessmentStatus(from, action)).toBeNull();
    expect(assessmentTransitionError(from, action)).toBe(message);
    // The refusal comes alone, whatever the fields say.
    expect(assessmentTransitionProblems(from, action, {})).toEqual([{ path: 'status', message }]);
  });

  it('lists the allowed actions in order', () => {
    expect(allowedAssessmentActions('decided')).toEqual(['reassess', 'startTracking', 'archive']);
    expect(allowedAssessmentActions('archived')).toEqual([]);
  });

  it('labels matter types, dimensions and consultation methods', () => {
    expect(Object.values(ASSESSMENT_MATTER_TYPE_LABELS)).toEqual(['重大决策', '重大项目', '重大改革', '重大活动']);
    expect(Object.values(ASSESSMENT_DIMENSION_LABELS)).toEqual(['合法性', '合理性', '可行性', '可控性', '安全性']);
    expect(Object.values(CONSULTATION_METHOD_LABELS)).toEqual(['问卷调查', '座谈会', '听证会', '入户走访', '其他方式']);
  });
});

describe('required fields per action', () => {
  it.each([
    ['registered', 'startAssessment', ['assessingBody'], ['评估主体']],
    [
      'assessing',
      'submitForDecision',
      ['riskLevelBefore', 'riskLevelAfter', 'recommendedConclusion'],
      ['评估风险等级（采取措施前）', '剩余风险等级（采取措施后）', '建议结论'],
    ],
    ['pending_decision', 'sendBack', ['reason'], ['原因']],
    ['pending_decision', 'decide', ['decision', 'decidedBy', 'decidedOn'], ['决策结果', '决策机关', '决策日期']],
    ['tracking', 'archive', ['archiveNote'], ['归档说明']],
  ] as const)('%s → %s needs %j', (from, action, fields, labels) => {
    expect(assessmentRequiredFields(action)).toEqual(fields);
    const problems = assessmentTransitionProblems(from, action, { reason: '  ' });
    expect(problems).toEqual(fields.map((path, i) => ({ path, message: `请填写“${labels[i]}”` })));
  });

  it('reassess and startTracking need their fields too (besides the decision checks)', () => {
    expect(
      assessmentTransitionProblems('decided', 'reassess', {}, { decision: 'postpone' }).map((p) => p.path),
    ).toEqual(['reason']);
    expect(
      assessmentTransitionProblems('decided', 'startTracking', {}, { decision: 'implement' }).map((p) => p.path),
    ).toEqual(['implementedOn', 'nextReReviewOn']);
  });
});

describe('submitting for decision', () => {
  it('goes ahead with a complete assessment whose recommendation follows the mapping', () => {
    expect(assessmentTransitionProblems('assessing', 'submitForDecision', submitInput, { content: content() })).toEqual(
      [],
    );
  });

  it('refuses unknown levels and conclusions, listing the options', () => {
    const problems = assessmentTransitionProblems('assessing', 'submitForDecision', {
      riskLevelBefore: 'severe',
      riskLevelAfter: 'low',
      recommendedConclusion: 'maybe',
    });
    expect(problems).toEqual([
      { path: 'riskLevelBefore', message: '“评估风险等级（采取措施前）”应为高、中、低之一' },
      { path: 'recommendedConclusion', message: '“建议结论”应为实施、暂缓实施、不实施之一' },
    ]);
  });

  it('refuses a residual level higher than the level before mitigation', () => {
    const problems = assessmentTransitionProblems('assessing', 'submitForDecision', {
      riskLevelBefore: 'low',
      riskLevelAfter: 'medium',
      recommendedConclusion: 'postpone',
    });
    expect(problems).toEqual([
      { path: 'riskLevelAfter', message: '“剩余风险等级（采取措施后）”不能高于“评估风险等级（采取措施前）”' },
    ]);
  });

  it('asks for a reason when the recommendation departs from the suggestion, default or custom', () => {
    const input = { riskLevelBefore: 'high', riskLevelAfter: 'medium', recommendedConclusion: 'implement' };
    expect(assessmentTransitionProblems('assessing', 'submitForDecision', input)).toEqual([
      {
        path: 'recommendationReason',
        message: '剩余风险等级为“中”时推荐“暂缓实施”，建议“实施”请填写“建议理由”',
      },
    ]);
    expect(
      assessmentTransitionProblems('assessing', 'submitForDecision', { ...input, recommendationReason: '已全部签约' }),
    ).toEqual([]);
    // A county whose mapping implements at 中 needs no reason for the same recommendation.
    const lenient = { low: 'implement', medium: 'implement', high: 'reject' } as const;
    expect(assessmentTransitionProblems('assessing', 'submitForDecision', input, { mapping: lenient })).toEqual([]);
  });

  it('passes on what the content lacks', () => {
    const problems = assessmentTransitionProblems('assessing', 'submitForDecision', submitInput, {
      content: content({ measureCount: 0 }),
    });
    expect(problems.map((p) => p.path)).toEqual(['measures']);
  });
});

describe('readiness of an assessment', () => {
  const levels = { before: 'medium', after: 'low' } as const;

  it('is ready when complete', () => {
    expect(readinessProblems(content(), levels)).toEqual([]);
  });

  it('needs a finding for each of the four dimensions, and 安全性 only where the centre requires it', () => {
    const c = content({
      dimensions: [
        { dimension: 'legality', finding: '合法' },
        { dimension: 'rationality', finding: '   ' },
        { dimension: 'feasibility', finding: '可行' },
      ],
    });
    expect(readinessProblems(c, levels)).toEqual([
      { path: 'dimensions.rationality', message: '请填写“合理性”的评估意见' },
      { path: 'dimensions.controllability', message: '请填写“可控性”的评估意见' },
    ]);
    expect(readinessProblems(content(), levels, { includeSafety: true })).toEqual([
      { path: 'dimensions.safety', message: '请填写“安全性”的评估意见' },
    ]);
  });

  it('refuses a dimension filled twice', () => {
    const c = content();
    const twice = content({ dimensions: [...c.dimensions, { dimension: 'legality', finding: '另一意见' }] });
    expect(readinessProblems(twice, levels)).toEqual([
      { path: 'dimensions.legality', message: '“合法性”重复填写，请合并为一条' },
    ]);
  });

  it('needs views gathered by at least one method, with whole-number counts', () => {
    expect(readinessProblems(content({ consultations: [] }), levels).map((p) => p.message)).toEqual([
      '请至少采用一种方式（问卷调查、座谈会、听证会、入户走访等）征求意见，并填写数量',
    ]);
    expect(
      readinessProblems(
        content({
          consultations: [
            { method: 'hearing', count: 0 },
            { method: 'door_to_door', count: 2.5 },
            { method: 'hearing', count: 1, participants: -3 },
          ],
        }),
        levels,
      ),
    ).toEqual([
      { path: 'consultations.1.count', message: '“入户走访”的数量应为不小于 0 的整数' },
      { path: 'consultations.2.method', message: '“听证会”重复填写，请合并为一条' },
      { path: 'consultations.2.participants', message: '“听证会”的参与人数应为不小于 0 的整数' },
    ]);
  });

  it('needs the risks found listed unless the level before is 低, each described', () => {
    expect(readinessProblems(content({ risksFound: [] }), { before: 'high', after: 'low' })).toEqual([
      { path: 'risksFound', message: '评估风险等级为“高”，请列出查找出的风险点' },
    ]);
    expect(readinessProblems(content({ risksFound: [] }), { before: 'low', after: 'low' })).toEqual([]);
    expect(readinessProblems(content({ risksFound: [{ description: '', level: 'low' }] }), levels)).toEqual([
      { path: 'risksFound.0.description', message: '请填写风险点的内容' },
    ]);
  });

  it('needs a measure only when mitigation lowers the level', () => {
    expect(readinessProblems(content({ measureCount: 0 }), { before: 'medium', after: 'medium' })).toEqual([]);
    expect(readinessProblems(content({ measureCount: 0 }), { before: 'high', after: 'medium' })[0].path).toBe(
      'measures',
    );
  });
});

describe('deciding, and what follows the decision', () => {
  const decideInput = { decision: 'implement', decidedBy: '县委常委会', decidedOn: '2026-05-10' };

  it('records a decision that follows the recommendation', () => {
    expect(
      assessmentTransitionProblems('pending_decision', 'decide', decideInput, {
        today: '2026-05-10',
        recommendedConclusion: 'implement',
        riskLevelAfter: 'low',
      }),
    ).toEqual([]);
  });

  it('keeps the decision apart from the recommendation: departing needs a 决策说明', () => {
    const current = { recommendedConclusion: 'postpone', riskLevelAfter: 'medium', hasEmergencyPlan: true } as const;
    expect(assessmentTransitionProblems('pending_decision', 'decide', decideInput, current)).toEqual([
      { path: 'decisionReason', message: '评估建议“暂缓实施”，决策为“实施”，请填写“决策说明”' },
    ]);
    expect(
      assessmentTransitionProblems(
        'pending_decision',
        'decide',
        { ...decideInput, decisionReason: '项目紧迫' },
        current,
      ),
    ).toEqual([]);
  });

  it('requires an emergency plan before implementing at a residual level of 中 or 高', () => {
    const current = { recommendedConclusion: 'implement', riskLevelAfter: 'medium' } as const;
    expect(assessmentTransitionProblems('pending_decision', 'decide', decideInput, current)).toEqual([
      { path: 'emergencyPlan', message: '剩余风险等级为“中”，决定实施前须制定应急预案' },
    ]);
    expect(
      assessmentTransitionProblems(
        'pending_decision',
        'decide',
        { ...decideInput, decision: 'postpone' },
        {
          recommendedConclusion: 'postpone',
          riskLevelAfter: 'medium',
        },
      ),
    ).toEqual([]);
  });

  it('refuses a decision dated in the future, or not a real date', () => {
    expect(assessmentTransitionProblems('pending_decision', 'decide', decideInput, { today: '2026-05-09' })).toEqual([
      { path: 'decidedOn', message: '“决策日期”不能晚于今天（2026-05-09）' },
    ]);
    expect(
      assessmentTransitionProblems('pending_decision', 'decide', { ...decideInput, decidedOn: '2026-02-29' }),
    ).toEqual([{ path: 'decidedOn', message: '“决策日期”应为 YYYY-MM-DD 格式的真实日期' }]);
  });

  it('reassesses only a postponed matter', () => {
    for (const decision of ['implement', 'reject'] as const) {
      expect(assessmentTransitionProblems('decided', 'reassess', { reason: '条件变化' }, { decision })).toEqual([
        { path: 'decision', message: '只有决定“暂缓实施”的事项可以重新评估' },
      ]);
    }
    expect(
      assessmentTransitionProblems('decided', 'reassess', { reason: '条件变化' }, { decision: 'postpone' }),
    ).toEqual([]);
  });

  it('tracks only an implemented matter, from implementation on, with a re-review date after it', () => {
    const input = { implementedOn: '2026-06-01', nextReReviewOn: '2026-12-01' };
    const current = { decision: 'implement', decidedOn: '2026-05-10', today: '2026-06-03' } as const;
    expect(assessmentTransitionProblems('decided', 'startTracking', input, current)).toEqual([]);
    expect(assessmentTransitionProblems('decided', 'startTracking', input, { ...current, decision: 'reject' })).toEqual(
      [{ path: 'decision', message: '只有决定“实施”的事项才进入跟踪' }],
    );
    expect(
      assessmentTransitionProblems(
        'decided',
        'startTracking',
        { implementedOn: '2026-05-01', nextReReviewOn: '2026-04-30' },
        current,
      ),
    ).toEqual([
      { path: 'implementedOn', message: '“实施日期”不能早于决策日期（2026-05-10）' },
      { path: 'nextReReviewOn', message: '“下次复评日期”不能早于今天（2026-06-03）' },
    ]);
    expect(
      assessmentTransitionProblems(
        'decided',
        'startTracking',
        { implementedOn: '2026-06-02', nextReReviewOn: '2026-06-01' },
        current,
      ),
    ).toEqual([{ path: 'nextReReviewOn', message: '“下次复评日期”不能早于实施日期（2026-06-02）' }]);
    expect(
      assessmentTransitionProblems('decided', 'startTracking', { ...input, implementedOn: '2026-06-04' }, current),
    ).toEqual([{ path: 'implementedOn', message: '“实施日期”不能晚于今天（2026-06-03）' }]);
  });

  it('archives a postponed or rejected matter at once, an implemented one only after tracking with no open measures', () => {
    const input = { archiveNote: '不实施，归档备查' };
    expect(assessmentTransitionProblems('decided', 'archive', input, { decision: 'reject' })).toEqual([]);
    expect(assessmentTransitionProblems('decided', 'archive', input, { decision: 'postpone' })).toEqual([]);
    expect(assessmentTransitionProblems('decided', 'archive', input, { decision: 'implement' })).toEqual([
      { path: 'decision', message: '决定“实施”的事项须先跟踪，跟踪结束后再归档' },
    ]);
    expect(
      assessmentTransitionProblems('tracking', 'archive', input, { decision: 'implement', openMeasureCount: 2 }),
    ).toEqual([{ path: 'measures', message: '还有 2 项化解措施未完成，请完成或撤销后再归档' }]);
    expect(
      assessmentTransitionProblems('tracking', 'archive', input, { decision: 'implement', openMeasureCount: 0 }),
    ).toEqual([]);
  });

  it('walks the whole workflow with a send-back and a reassessment', () => {
    const path: AssessmentAction[] = [
      'startAssessment',
      'submitForDecision',
      'sendBack',
      'submitForDecision',
      'decide',
      'reassess',
      'submitForDecision',
      'decide',
      'startTracking',
      'archive',
    ];
    let status: AssessmentStatus = 'registered';
    const visited: AssessmentStatus[] = [status];
    for (const action of path) {
      status = nextAssessmentStatus(status, action)!;
      visited.push(status);
    }
    expect(visited).toEqual([
      'registered',
      'assessing',
      'pending_decision',
      'assessing',
      'pending_decision',
      'decided',
      'assessing',
      'pending_decision',
      'decided',
      'tracking',
      'archived',
    ]);
  });
});

describe('the views gathered per method', () => {
  const levels = { before: 'medium', after: 'low' } as const;
  const withForum = (forum: object) =>
    content({ consultations: [{ method: 'forum', count: 2, participants: 40, ...forum }] });

  it('records supporters, opponents and neutrals, each optional, at most the people who took part', () => {
    expect(readinessProblems(withForum({ supporters: 30, opponents: 4, neutrals: 6 }), levels)).toEqual([]);
    expect(readinessProblems(withForum({ supporters: 30, opponents: null }), levels)).toEqual([]);
    expect(readinessProblems(withForum({ supporters: 30, opponents: 8, neutrals: 6 }), levels)).toEqual([
      { path: 'consultations.0.supporters', message: '“座谈会”的支持、反对、中立合计 44 人，超过参与人数 40 人' },
    ]);
    expect(readinessProblems(withForum({ opponents: -1 }), levels)).toEqual([
      { path: 'consultations.0.opponents', message: '“座谈会”的反对人数应为不小于 0 的整数' },
    ]);
  });

  it('prints the views recorded, and nothing for views not recorded', () => {
    expect(viewsText({ method: 'hearing', count: 1, supporters: 12, opponents: 0, neutrals: 3 })).toBe(
      '支持 12、反对 0、中立 3',
    );
    expect(viewsText({ method: 'hearing', count: 1, supporters: null })).toBe('');
  });
});
