import { describe, expect, it } from 'vitest';
import { assessmentBackend, assessmentInput, must } from '../helpers/assessments';

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
});
