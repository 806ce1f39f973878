import type { InputOf } from '../../shared/contract';
import { BUREAU, EAST, must, petitionBackend, TOWN_UNIT, WEST } from './petitions';

export { BUREAU, EAST, must, TOWN_UNIT, WEST };

/** A complete assessment, ready to be submitted for decision (levels 中 → 低, recommends 实施). */
export const assessmentInput = (over: Partial<InputOf<'assessments.create'>> = {}): InputOf<'assessments.create'> => ({
  matter: '东镇老街棚户区改造征收',
  matterType: 'project',
  description: '涉及老街两侧 120 户房屋征收与安置',
  proposingUnitId: TOWN_UNIT,
  assessingBody: '测试县社会稳定风险评估中心',
  townshipCodes: [EAST],
  peopleAffected: 420,
  registeredOn: '2026-11-01',
  dimensions: [
    { dimension: 'legality', finding: '符合征收条例，程序合法' },
    { dimension: 'rationality', finding: '补偿标准不低于周边市场价' },
    { dimension: 'feasibility', finding: '资金已落实' },
    { dimension: 'controllability', finding: '少数户有异议，可通过工作化解' },
  ],
  consultations: [
    { method: 'questionnaire', count: 300, participants: 300 },
    { method: 'forum', count: 2, participants: 40 },
  ],
  risksFound: [{ description: '少数户对安置房位置不满', level: 'medium' }],
  riskLevelBefore: 'medium',
  riskLevelAfter: 'low',
  recommendedConclusion: 'implement',
  ...over,
});

/** The petition test county and accounts (today 2026-11-22), plus the tasks a measure needs. */
export async function assessmentBackend() {
  const setup = await petitionBackend();
  const { backend, officer } = setup;
  /** A mitigation measure on the assessment, through the shared risk tasks. */
  const addMeasure = (ownerId: string, dueDate = '2026-12-31', title = '逐户上门解释安置政策') =>
    must(
      backend.call(
        'tasks.create',
        { ownerKind: 'assessment', ownerId, kind: 'measure', title, unitId: TOWN_UNIT, dueDate },
        officer,
      ),
    );
  return { ...setup, addMeasure };
}

export type AssessmentSetup = Awaited<ReturnType<typeof assessmentBackend>>;

/** Creates an assessment and moves it to 评估中 and, with a measure, to 待决策. */
export async function submitted(setup: AssessmentSetup, over: Partial<InputOf<'assessments.create'>> = {}) {
  const { backend, officer } = setup;
  const created = await must(backend.call('assessments.create', assessmentInput(over), officer));
  await must(
    backend.call(
      'assessments.transition',
      { id: created.id, action: 'startAssessment', assessingBody: '第三方评估机构' },
      officer,
    ),
  );
  await setup.addMeasure(created.id);
  return must(backend.call('assessments.transition', { id: created.id, action: 'submitForDecision' }, officer));
}
