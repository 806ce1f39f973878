import { describe, expect, it } from 'vitest';
import { STALE_VERSION_MESSAGE } from '../../shared/domain/ledger/records';
import { hazardDraft, seedBoundary } from '../helpers/hazards';
import { must, petitionBackend } from '../helpers/petitions';

async function setupWithHazard() {
  const setup = await petitionBackend();
  seedBoundary(setup.backend);
  const hazard = await must(setup.backend.call('hazards.create', hazardDraft(), setup.officer));
  return { ...setup, hazard };
}

const { level: _level, ...descriptive } = hazardDraft();

describe('ledger kernel on the hazard ledger: corrections, conflicts, voiding', () => {
  it('corrects the people with masked values on the timeline and never a personal value in the audit', async () => {
    const { backend, officer, hazard } = await setupWithHazard();
    const edited = await must(
      backend.call(
        'hazards.update',
        {
          id: hazard.id,
          version: hazard.version,
          ...descriptive,
          peopleInvolved: 40,
          people: [{ name: '钱小红', phone: '13700002222' }],
          measures: '每日走访',
        },
        officer,
      ),
    );
    expect(edited.version).toBe(hazard.version + 1);
    expect(edited.changes[0]!.fields).toEqual([
      { field: 'peopleInvolved', label: '涉及人数', from: '32', to: '40' },
      { field: 'people', label: '涉及人员', from: '赵*勇（139****1111）', to: '钱*红（137****2222）' },
      { field: 'measures', label: '稳控化解措施', from: '（空）', to: '每日走访' },
    ]);
    expect(edited.people).toEqual([expect.objectContaining({ nameMasked: '钱*红' })]);
    const everything = JSON.stringify(backend.services.sql.db.prepare('SELECT * FROM audit_log').all());
    expect(everything).not.toContain('钱小红');
    expect(everything).not.toContain('13700002222');
    const changes = JSON.stringify(backend.services.sql.db.prepare('SELECT * FROM ledger_changes').all());
    expect(changes).not.toContain('钱小红');
  });

  it('keeps the people when a correction leaves them out', async () => {
    const { backend, officer, hazard } = await setupWithHazard();
    const { people: _people, ...withoutPeople } = descriptive;
    const edited = await must(
      backend.call(
        'hazards.update',
        { id: hazard.id, version: hazard.version, ...withoutPeople, title: '某工地欠薪' },
        officer,
      ),
    );
    expect(edited.people).toEqual(hazard.people.map((p) => expect.objectContaining({ nameMasked: p.nameMasked })));
    expect(edited.changes[0]!.fields.map((f) => f.field)).toEqual(['title']);
  });

  it('refuses a stale correction and a stale colour change; voids and restores with a leader', async () => {
    const { backend, officer, leader, hazard } = await setupWithHazard();
    await must(backend.call('hazards.update', { id: hazard.id, version: 1, ...descriptive, title: '第一人' }, officer));
    const stale = await backend.call(
      'hazards.update',
      { id: hazard.id, version: 1, ...descriptive, title: '第二人' },
      officer,
    );
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: `${STALE_VERSION_MESSAGE}。` } });
    const staleLevel = await backend.call(
      'hazards.changeLevel',
      { id: hazard.id, version: 1, level: 'orange', reason: '人数增加', changedOn: '2026-11-22' },
      officer,
    );
    expect(staleLevel).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const voided = await must(backend.call('hazards.void', { id: hazard.id, version: 2, reason: '测试数据' }, leader));
    expect(voided.voidedAt).not.toBeNull();
    const note = await backend.call(
      'hazards.addNote',
      { id: hazard.id, kind: 'analysis', notedOn: '2026-11-22', content: '研判' },
      officer,
    );
    expect(note).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('已作废') } });
    const restored = await must(
      backend.call('hazards.restore', { id: hazard.id, version: 3, reason: '误作废' }, leader),
    );
    expect(restored.voidedAt).toBeNull();
    expect(restored.changes.map((c) => c.kind)).toEqual(['edit', 'void', 'restore']);
  });
});
