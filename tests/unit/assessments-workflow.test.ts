import { describe, expect, it } from 'vitest';
import {
  ASSESSMENT_ACTIONS,
  ASSESSMENT_STATUSES,
  assessmentTransitionError,
  type AssessmentStatus,
} from '../../shared/domain/risks/assessment-statuses';
import { assessmentBackend, assessmentInput, must, submitted, type AssessmentSetup } from '../helpers/assessments';

const auditRows = (setup: AssessmentSetup) =>
  setup.backend.services.sql.db
    .prepare("SELECT action, entity_id, fields FROM audit_log WHERE entity = 'assessment' ORDER BY seq")
    .all() as Array<{ action: string; entity_id: string; fields: string }>;

const decide = { action: 'decide', decision: 'implement', decidedBy: '县委常委会', decidedOn: '2026-11-20' } as const;
const track = { action: 'startTracking', implementedOn: '2026-11-21', nextReReviewOn: '2027-05-21' } as const;

/** An assessment driven to `status` through the backend (decided: 实施). */
async function assessmentAt(setup: AssessmentSetup, status: AssessmentStatus): Promise<string> {
  const { backend, officer } = setup;
  const call = (id: string, input: object) =>
    must(backend.call('assessments.transition', { id, ...input } as never, officer));
  if (status === 'registered') return (await must(backend.call('assessments.create', assessmentInput(), officer))).id;
  if (status === 'assessing') {
    const id = (await must(backend.call('assessments.create', assessmentInput(), officer))).id;
    await call(id, { action: 'startAssessment', assessingBody: '第三方评估机构' });
    return id;
  }
  const { id } = await submitted(setup);
  if (status === 'pending_decision') return id;
  await call(id, decide);
  if (status === 'decided') return id;
  await call(id, track);
  if (status === 'tracking') return id;
  const measures = await must(backend.call('tasks.list', { ownerKind: 'assessment', ownerId: id }, officer));
  for (const m of measures) {
    await must(
      backend.call(
        'tasks.transition',
        { id: m.id, action: 'complete', completedOn: '2026-11-22', outcome: '已逐户解释' },
        officer,
      ),
    );
  }
  await call(id, { action: 'archive', archiveNote: '跟踪期满，运行平稳' });
  return id;
}

describe('assessments: the workflow through dispatch', () => {
  it('runs 立项 → 评估中 → 待决策 → 已决策 → 跟踪中 → 已归档, each step audited with its timeline entry', async () => {
    const setup = await assessmentBackend();
    const { backend, officer } = setup;
    const created = await must(backend.call('assessments.create', assessmentInput(), officer));
    expect(created).toMatchObject({
      assessmentNo: 'WP2026-0001',
      status: 'registered',
      townships: [{ code: '999901001000', name: '东镇' }],
      proposingUnitName: '测试县东镇人民政府',
      suggestedConclusion: 'implement',
      decision: null,
    });
    expect(created.dimensions.map((d) => d.dimension)).toEqual([
      'legality',
      'rationality',
      'feasibility',
      'controllability',
    ]);
    const id = await assessmentAt(setup, 'archived');
    const detail = await must(backend.call('assessments.get', { id }, officer));
    expect(detail).toMatchObject({
      status: 'archived',
      recommendedConclusion: 'implement',
      decision: 'implement',
      decidedBy: '县委常委会',
      implementedOn: '2026-11-21',
      archiveNote: '跟踪期满，运行平稳',
      archivedOn: '2026-11-22',
      measureCount: 1,
      openMeasureCount: 0,
    });
    expect(detail.events.map((e) => e.action ?? e.kind)).toEqual([
      'register',
      'startAssessment',
      'submitForDecision',
      'decide',
      'startTracking',
      'archive',
    ]);
    const audits = auditRows(setup).filter((a) => a.entity_id === id);
    expect(audits.map((a) => a.action)).toEqual([
      'assessments.create',
      'assessments.startAssessment',
      'assessments.submitForDecision',
      'assessments.decide',
      'assessments.startTracking',
      'assessments.archive',
    ]);
    expect(JSON.parse(audits[3]!.fields)).toEqual(['status', 'decision', 'decidedBy', 'decidedOn']);
  });

  it('refuses every transition the workflow does not allow, in the domain’s words, and changes nothing', async () => {
    const setup = await assessmentBackend();
    for (const status of ASSESSMENT_STATUSES) {
      const id = await assessmentAt(setup, status);
      const before = await must(setup.backend.call('assessments.get', { id }, setup.officer));
      for (const action of ASSESSMENT_ACTIONS) {
        const expected = assessmentTransitionError(status, action);
        if (!expected) continue;
        const result = await setup.backend.call('assessments.transition', { id, action }, setup.officer);
        expect(result.ok, `${status} ${action}`).toBe(false);
        if (!result.ok) expect(result.error).toMatchObject({ code: 'CONFLICT', message: expected });
      }
      expect(await must(setup.backend.call('assessments.get', { id }, setup.officer))).toEqual(before);
    }
  });

  it('names the missing fields of a step and refuses implementing 中 residual risk without an emergency plan', async () => {
    const setup = await assessmentBackend();
    const { backend, officer } = setup;
    const created = await must(backend.call('assessments.create', assessmentInput({ assessingBody: null }), officer));
    const missing = await backend.call(
      'assessments.transition',
      { id: created.id, action: 'startAssessment' },
      officer,
    );
    expect(missing.ok || missing.error).toMatchObject({
      code: 'VALIDATION',
      details: [{ path: 'assessingBody', message: '请填写“评估主体”' }],
    });
    const { id } = await submitted(setup, {
      riskLevelBefore: 'high',
      riskLevelAfter: 'medium',
      recommendedConclusion: 'postpone',
    });
    const implement = await backend.call(
      'assessments.transition',
      { id, ...decide, decisionReason: '县委研究决定实施' },
      officer,
    );
    expect(implement.ok || implement.error).toMatchObject({
      code: 'VALIDATION',
      details: [{ path: 'emergencyPlan', message: '剩余风险等级为“中”，决定实施前须制定应急预案' }],
    });
    const current = await must(backend.call('assessments.get', { id }, officer));
    const plan = { summary: '成立处置专班，分片包干疏导', drawnUpOn: '2026-11-20' };
    await must(backend.call('assessments.setEmergencyPlan', { id, version: current.version, ...plan }, officer));
    const withPlan = await must(
      backend.call('assessments.transition', { id, ...decide, decisionReason: '县委研究决定实施' }, officer),
    );
    expect(withPlan).toMatchObject({
      status: 'decided',
      emergencyPlan: { ...plan, file: null },
      decision: 'implement',
    });
  });

  it('keeps the decision apart from the recommendation: a different decision needs its reason, both are kept', async () => {
    const setup = await assessmentBackend();
    const { backend, officer } = setup;
    const { id } = await submitted(setup);
    const bare = await backend.call(
      'assessments.transition',
      { id, action: 'decide', decision: 'reject', decidedBy: '县政府常务会', decidedOn: '2026-11-21' },
      officer,
    );
    expect(bare.ok || bare.error).toMatchObject({
      code: 'VALIDATION',
      details: [{ path: 'decisionReason', message: '评估建议“实施”，决策为“不实施”，请填写“决策说明”' }],
    });
    const decided = await must(
      backend.call(
        'assessments.transition',
        {
          id,
          action: 'decide',
          decision: 'reject',
          decidedBy: '县政府常务会',
          decidedOn: '2026-11-21',
          decisionReason: '财政资金不足',
        },
        officer,
      ),
    );
    expect(decided).toMatchObject({
      recommendedConclusion: 'implement',
      suggestedConclusion: 'implement',
      decision: 'reject',
      decisionReason: '财政资金不足',
    });
  });

  it('suggests from the centre’s own mapping, and a recommendation against it needs a reason', async () => {
    const setup = await assessmentBackend();
    const { backend, admin, officer } = setup;
    const lenient = await must(
      backend.call(
        'settings.updateConclusionMapping',
        { low: 'implement', medium: 'implement', high: 'postpone' },
        admin,
      ),
    );
    expect(lenient.conclusionMapping).toEqual({ low: 'implement', medium: 'implement', high: 'postpone' });
    expect((await must(backend.call('assessments.rules', {}, officer))).conclusionMapping.medium).toBe('implement');
    const created = await must(
      backend.call(
        'assessments.create',
        assessmentInput({ riskLevelBefore: 'high', riskLevelAfter: 'medium', recommendedConclusion: 'postpone' }),
        officer,
      ),
    );
    expect(created.suggestedConclusion).toBe('implement');
    await must(backend.call('assessments.transition', { id: created.id, action: 'startAssessment' }, officer));
    await setup.addMeasure(created.id);
    const against = await backend.call(
      'assessments.transition',
      { id: created.id, action: 'submitForDecision' },
      officer,
    );
    expect(against.ok || against.error).toMatchObject({
      code: 'VALIDATION',
      details: [
        {
          path: 'recommendationReason',
          message: '剩余风险等级为“中”时推荐“实施”，建议“暂缓实施”请填写“建议理由”',
        },
      ],
    });
    const reasoned = await must(
      backend.call(
        'assessments.transition',
        { id: created.id, action: 'submitForDecision', recommendationReason: '群众意见尚未统一' },
        officer,
      ),
    );
    expect(reasoned).toMatchObject({ status: 'pending_decision', recommendedConclusion: 'postpone' });

    const slip = await backend.call(
      'settings.updateConclusionMapping',
      { low: 'postpone', medium: 'implement', high: 'reject' },
      admin,
    );
    expect(slip.ok || slip.error).toMatchObject({ code: 'VALIDATION', details: [{ path: 'medium' }] });
    const audit = setup.backend.services.sql.db
      .prepare("SELECT detail FROM audit_log WHERE action = 'settings.update' ORDER BY seq DESC LIMIT 1")
      .pluck()
      .get() as string;
    expect(audit).toContain('稳评建议结论对照表');
  });

  it('refuses to submit an incomplete assessment, naming each gap, and to edit one already submitted', async () => {
    const setup = await assessmentBackend();
    const { backend, officer } = setup;
    const created = await must(
      backend.call(
        'assessments.create',
        assessmentInput({ dimensions: [{ dimension: 'legality', finding: '合法' }], consultations: [] }),
        officer,
      ),
    );
    await must(backend.call('assessments.transition', { id: created.id, action: 'startAssessment' }, officer));
    const refused = await backend.call(
      'assessments.transition',
      { id: created.id, action: 'submitForDecision' },
      officer,
    );
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.details?.map((d) => d.path)).toEqual([
        'dimensions.rationality',
        'dimensions.feasibility',
        'dimensions.controllability',
        'consultations',
        'measures',
      ]);
    }
    const { id } = await submitted(setup);
    const { version } = await must(backend.call('assessments.get', { id }, officer));
    const edit = await backend.call(
      'assessments.update',
      { id, version, ...assessmentInput({ matter: '改名' }) },
      officer,
    );
    expect(edit.ok || edit.error).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('已提请决策') });
  });
});
