import { describe, expect, it } from 'vitest';
import { STALE_VERSION_MESSAGE } from '../../shared/domain/ledger/records';
import { assessmentBackend, assessmentInput, must, submitted } from '../helpers/assessments';

describe('ledger kernel on the stability assessments: corrections and voiding', () => {
  it('corrects the content with old and new values shown by name, and voids and restores with a leader', async () => {
    const { backend, officer, leader } = await assessmentBackend();
    const created = await must(backend.call('assessments.create', assessmentInput(), officer));
    const edited = await must(
      backend.call(
        'assessments.update',
        {
          id: created.id,
          version: created.version,
          ...assessmentInput({ matter: '某村整体搬迁', peopleAffected: 820 }),
        },
        officer,
      ),
    );
    expect(edited.version).toBe(created.version + 1);
    expect(edited.changes[0]!.fields.map((f) => [f.label, f.to])).toEqual([
      ['事项名称', '某村整体搬迁'],
      ['涉及人数', '820'],
    ]);
    const stale = await backend.call(
      'assessments.update',
      { id: created.id, version: created.version, ...assessmentInput({ matter: '旧版本上的修改' }) },
      officer,
    );
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: [{ path: 'version' }] } });

    const voided = await must(
      backend.call('assessments.void', { id: created.id, version: edited.version, reason: '误录' }, leader),
    );
    expect(voided).toMatchObject({ voidedAt: expect.any(String), voidReason: '误录' });
    const step = await backend.call(
      'assessments.transition',
      { id: created.id, action: 'startAssessment', assessingBody: '县司法局' },
      officer,
    );
    expect(step).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('已作废') } });
    const restored = await must(
      backend.call('assessments.restore', { id: created.id, version: voided.version, reason: '核实后恢复' }, leader),
    );
    expect(restored.voidedAt).toBeNull();
    expect(restored.changes.map((c) => c.kind)).toEqual(['edit', 'void', 'restore']);
  });

  it('records a re-review through the kernel’s write: version raised, a stale one refused, none on a voided one', async () => {
    const setup = await assessmentBackend();
    const { backend, officer, leader } = setup;
    const { id } = await submitted(setup);
    for (const step of [
      { action: 'decide', decision: 'implement', decidedBy: '县委常委会', decidedOn: '2026-11-05' },
      { action: 'startTracking', implementedOn: '2026-11-10', nextReReviewOn: '2026-11-25' },
    ] as const) {
      await must(backend.call('assessments.transition', { id, ...step }, officer));
    }
    const tracked = await must(backend.call('assessments.get', { id }, officer));
    const review = { id, reviewedOn: '2026-11-22', finding: '群众反映平稳', riskLevel: 'low' };
    const reviewed = await must(
      backend.call(
        'assessments.recordReReview',
        { ...review, version: tracked.version, nextReReviewOn: '2027-05-22' },
        officer,
      ),
    );
    expect(reviewed).toMatchObject({ version: tracked.version + 1, nextReReviewOn: '2027-05-22' });

    const stale = await backend.call(
      'assessments.recordReReview',
      { ...review, version: tracked.version, nextReReviewOn: '2027-06-01' },
      officer,
    );
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: `${STALE_VERSION_MESSAGE}。` } });
    await must(backend.call('assessments.void', { id, version: reviewed.version, reason: '误录' }, leader));
    const onVoided = await backend.call('assessments.recordReReview', review, officer);
    expect(onVoided).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('已作废') },
    });
    const stored = await must(backend.call('assessments.get', { id }, officer));
    expect(stored.reReviews).toHaveLength(1);
    expect(stored.nextReReviewOn).toBe('2027-05-22');
  });
});
