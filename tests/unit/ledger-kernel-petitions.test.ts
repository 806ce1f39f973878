import { describe, expect, it } from 'vitest';
import { STALE_VERSION_MESSAGE } from '../../shared/domain/ledger/records';
import { EAST, LEADER, must, petitionBackend, registration, TOWN_UNIT, WEST } from '../helpers/petitions';

type Setup = Awaited<ReturnType<typeof petitionBackend>>;

const auditCount = (setup: Setup) =>
  (setup.backend.services.sql.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;

const stored = (setup: Setup, id: string) =>
  setup.backend.services.sql.db.prepare('SELECT * FROM petitions WHERE id = ?').get(id);

async function registered(setup: Setup) {
  return (await must(setup.backend.call('petitions.create', registration({ separateCase: true }), setup.officer)))
    .petition;
}

const correction = (id: string, version: number) => ({
  id,
  version,
  townshipCode: WEST,
  summary: '反映工地拖欠工资问题（补录：涉及 12 名工人）',
  firstPetitionDate: '2026-10-01',
  receivedDate: '2026-11-20',
  resolutionPlan: '约谈施工方，限期结清',
});

describe('ledger kernel on the petition backlog: versions, corrections, voiding', () => {
  it('corrects fields with their old and new values on the timeline and names only the fields in the audit', async () => {
    const setup = await petitionBackend();
    const p = await registered(setup);
    expect(p.version).toBe(1);
    const edited = await must(setup.backend.call('petitions.update', correction(p.id, 1), setup.officer));
    expect(edited.version).toBe(2);
    expect(edited.townshipCode).toBe(WEST);
    expect(edited.resolutionPlan).toBe('约谈施工方，限期结清');
    expect(edited.changes).toHaveLength(1);
    expect(edited.changes[0]).toMatchObject({ kind: 'edit', reason: '' });
    expect(edited.changes[0]!.fields).toEqual([
      { field: 'townshipCode', label: '乡镇/街道', from: '东镇', to: '西街道' },
      {
        field: 'summary',
        label: '诉求摘要',
        from: '反映工地拖欠工资问题',
        to: '反映工地拖欠工资问题（补录：涉及 12 名工人）',
      },
      { field: 'resolutionPlan', label: '化解方案', from: '（空）', to: '约谈施工方，限期结清' },
    ]);
    const audit = setup.backend.services.sql.db
      .prepare("SELECT fields, detail FROM audit_log WHERE action = 'petitions.update'")
      .get() as { fields: string; detail: string };
    expect(JSON.parse(audit.fields)).toEqual(['townshipCode', 'summary', 'resolutionPlan']);
    expect(audit.detail).not.toContain('约谈');
    // The keyword index follows the corrected summary.
    const found = await must(setup.backend.call('petitions.list', { keyword: '12 名工人' }, setup.officer));
    expect(found.items.map((r) => r.id)).toEqual([p.id]);
  });

  it('writes nothing for a correction that changes nothing', async () => {
    const setup = await petitionBackend();
    const p = await registered(setup);
    const before = auditCount(setup);
    const same = await must(
      setup.backend.call(
        'petitions.update',
        {
          id: p.id,
          version: 1,
          townshipCode: EAST,
          summary: p.summary,
          firstPetitionDate: p.firstPetitionDate,
          receivedDate: p.receivedDate,
        },
        setup.officer,
      ),
    );
    expect(same.version).toBe(1);
    expect(same.changes).toEqual([]);
    expect(auditCount(setup)).toBe(before);
  });

  it('refuses a correction or a step based on an older version with CONFLICT and changes nothing', async () => {
    const setup = await petitionBackend();
    const p = await registered(setup);
    // Two officers opened version 1; the first saves.
    await must(setup.backend.call('petitions.update', correction(p.id, 1), setup.officer));
    const row = stored(setup, p.id);
    const audits = auditCount(setup);
    const stale = await setup.backend.call(
      'petitions.update',
      { ...correction(p.id, 1), summary: '另一人的修改' },
      setup.officer,
    );
    expect(stale).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: `${STALE_VERSION_MESSAGE}。`, details: [{ path: 'version' }] },
    });
    const staleStep = await setup.backend.call(
      'petitions.transition',
      { id: p.id, version: 1, action: 'classify', itemType: 'appeal', category: 'labour_social_security' },
      setup.officer,
    );
    expect(staleStep).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: `${STALE_VERSION_MESSAGE}。` } });
    expect(stored(setup, p.id)).toEqual(row);
    expect(auditCount(setup)).toBe(audits);
  });

  it('records progress and extensions through the kernel’s write: a stale version changes nothing', async () => {
    const setup = await petitionBackend();
    const p = await registered(setup);
    for (const step of [
      { action: 'classify', itemType: 'appeal', category: 'labour_social_security' },
      { action: 'assign', handlingUnitId: TOWN_UNIT, responsibleLeaderId: LEADER, dueDate: '2026-12-20' },
    ] as const) {
      await must(setup.backend.call('petitions.transition', { id: p.id, ...step }, setup.officer));
    }
    // Version 3, 已交办: an officer corrects the case meanwhile (version 4).
    await must(
      setup.backend.call(
        'petitions.update',
        { ...correction(p.id, 3), itemType: 'appeal', category: 'labour_social_security' },
        setup.officer,
      ),
    );
    const row = stored(setup, p.id);
    const audits = auditCount(setup);
    const staleProgress = await setup.backend.call(
      'petitions.addProgress',
      { id: p.id, version: 3, content: '已约见信访人' },
      setup.officer,
    );
    const staleExtension = await setup.backend.call(
      'petitions.extend',
      { id: p.id, version: 3, days: 10, approvedBy: '王局长', reason: '需鉴定' },
      setup.officer,
    );
    for (const stale of [staleProgress, staleExtension]) {
      expect(stale).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT', message: `${STALE_VERSION_MESSAGE}。`, details: [{ path: 'version' }] },
      });
    }
    expect(stored(setup, p.id)).toEqual(row);
    expect(auditCount(setup)).toBe(audits);
    expect(setup.backend.services.sql.db.prepare('SELECT count(*) FROM petition_progress').pluck().get()).toBe(0);

    // The first progress moves the case to 化解中 and raises the version; the next moves nothing and keeps it.
    const moved = await must(
      setup.backend.call('petitions.addProgress', { id: p.id, version: 4, content: '已约见信访人' }, setup.officer),
    );
    expect(moved).toMatchObject({ status: 'resolving', version: 5 });
    const noted = await must(
      setup.backend.call('petitions.addProgress', { id: p.id, version: 5, content: '已联系施工方' }, setup.officer),
    );
    expect(noted).toMatchObject({ status: 'resolving', version: 5 });
    expect(noted.progress.map((e) => e.content)).toEqual(['已约见信访人', '已联系施工方']);
    const extended = await must(
      setup.backend.call(
        'petitions.extend',
        { id: p.id, version: 5, days: 10, approvedBy: '王局长', reason: '需鉴定' },
        setup.officer,
      ),
    );
    // From Art. 34's date (accepted at assignment, 2026-11-22 + 60 days = 2027-01-21), not the 办理时限.
    expect(extended).toMatchObject({ dueDate: '2027-01-31', version: 6 });
    const audited = setup.backend.services.sql.db
      .prepare('SELECT action, fields FROM audit_log WHERE entity_id = ? AND action IN (?, ?) ORDER BY seq')
      .all(p.id, 'petitions.addProgress', 'petitions.extend');
    expect(audited).toEqual([
      { action: 'petitions.addProgress', fields: '["progress","status"]' },
      { action: 'petitions.addProgress', fields: '["progress"]' },
      {
        action: 'petitions.extend',
        fields: '["dueDate","extensionDays","extensionReason","extensionApprovedBy"]',
      },
    ]);
  });

  it('checks a step against the record as it stands inside the write: the second of two same clicks is refused', async () => {
    const setup = await petitionBackend();
    const p = await registered(setup);
    const step = { id: p.id, action: 'classify', itemType: 'appeal', category: 'labour_social_security' } as const;
    const first = await must(setup.backend.call('petitions.transition', step, setup.officer));
    expect(first.status).toBe('classified');
    expect(first.version).toBe(2);
    const second = await setup.backend.call('petitions.transition', step, setup.officer);
    expect(second).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: [{ path: 'status' }] } });
  });

  it('voids a case with a reason (a leader’s permission), refuses work on it, and restores it', async () => {
    const setup = await petitionBackend();
    const p = await registered(setup);
    const byOfficer = await setup.backend.call(
      'petitions.void',
      { id: p.id, version: 1, reason: '重复录入' },
      setup.officer,
    );
    expect(byOfficer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const noReason = await setup.backend.call('petitions.void', { id: p.id, version: 1, reason: ' ' }, setup.leader);
    expect(noReason).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: [{ path: 'reason' }] } });

    const voided = await must(
      setup.backend.call('petitions.void', { id: p.id, version: 1, reason: '重复录入' }, setup.leader),
    );
    expect(voided.voidedAt).not.toBeNull();
    expect(voided.voidReason).toBe('重复录入');
    expect(voided.version).toBe(2);
    expect(voided.changes.map((c) => [c.kind, c.reason])).toEqual([['void', '重复录入']]);

    const work = await setup.backend.call(
      'petitions.transition',
      { id: p.id, action: 'classify', itemType: 'appeal', category: 'labour_social_security' },
      setup.officer,
    );
    expect(work).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('已作废') } });
    const edit = await setup.backend.call('petitions.update', correction(p.id, 2), setup.officer);
    expect(edit).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('已作废') } });
    // A returning petitioner opens a new case rather than being linked to the voided one.
    const again = await must(setup.backend.call('petitions.create', registration(), setup.officer));
    expect(again.linked).toBe(false);

    const restored = await must(
      setup.backend.call('petitions.restore', { id: p.id, version: 2, reason: '经核实并非重复' }, setup.leader),
    );
    expect(restored.voidedAt).toBeNull();
    expect(restored.changes.map((c) => c.kind)).toEqual(['void', 'restore']);
    const twice = await setup.backend.call(
      'petitions.restore',
      { id: p.id, version: 3, reason: '再次恢复' },
      setup.leader,
    );
    expect(twice).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('未作废') } });
    const actions = setup.backend.services.sql.db
      .prepare("SELECT action FROM audit_log WHERE entity_id = ? AND action LIKE 'petitions.%' ORDER BY seq")
      .all(p.id)
      .map((r) => (r as { action: string }).action);
    expect(actions).toEqual(['petitions.create', 'petitions.void', 'petitions.restore']);
  });
});
