import { describe, expect, it } from 'vitest';
import type { InputOf } from '../../shared/contract';
import { hazardDraft, RESPONSIBLE } from '../helpers/hazards';
import { BUREAU, EAST, LEADER, must, petitionBackend, registration, TOWN_UNIT, WEST } from '../helpers/petitions';

type Setup = Awaited<ReturnType<typeof petitionBackend>>;

async function classifiedCase(setup: Setup) {
  const { petition } = await must(
    setup.backend.call('petitions.create', registration({ separateCase: true }), setup.officer),
  );
  const step = { action: 'classify', itemType: 'appeal', category: 'labour_social_security' } as const;
  return must(setup.backend.call('petitions.transition', { id: petition.id, ...step }, setup.officer));
}

const refusal = (path: string, message: string) => ({
  ok: false,
  error: { code: 'VALIDATION', message, details: [{ path, message }] },
});

describe('disabled reference data', () => {
  it('refuses a disabled township, unit or person for a new choice, naming the field', async () => {
    const setup = await petitionBackend();
    const { backend, admin, officer } = setup;
    const petition = await classifiedCase(setup);
    await must(backend.call('regions.setEnabled', { code: WEST, enabled: false }, admin));
    await must(backend.call('units.setEnabled', { id: BUREAU, enabled: false }, admin));
    await must(backend.call('people.setEnabled', { id: LEADER, enabled: false }, admin));

    expect(await backend.call('petitions.create', registration({ townshipCode: WEST }), officer)).toMatchObject(
      refusal('townshipCode', '乡镇/街道“西街道”已停用，请选择在用的乡镇/街道。'),
    );
    const assign: InputOf<'petitions.transition'> = {
      id: petition.id,
      action: 'assign',
      handlingUnitId: BUREAU,
      responsibleLeaderId: LEADER,
      dueDate: '2026-12-20',
    };
    expect(await backend.call('petitions.transition', assign, officer)).toMatchObject(
      refusal('handlingUnitId', '承办单位“测试县信访局”已停用，请选择在用的单位。'),
    );
    expect(await backend.call('petitions.transition', { ...assign, handlingUnitId: TOWN_UNIT }, officer)).toMatchObject(
      refusal('responsibleLeaderId', '包案领导“张明”已停用，请选择在用的人员。'),
    );
    expect(await backend.call('hazards.create', hazardDraft({ townshipCode: WEST }), officer)).toMatchObject(
      refusal('townshipCode', '乡镇/街道“西街道”已停用，请选择在用的乡镇/街道。'),
    );
  });

  it('keeps a record that names a disabled entry readable and correctable in its other fields', async () => {
    const setup = await petitionBackend();
    const { backend, admin, officer } = setup;
    const petition = await classifiedCase(setup);
    const correction = {
      id: petition.id,
      version: petition.version,
      townshipCode: EAST,
      summary: petition.summary,
      firstPetitionDate: petition.firstPetitionDate,
      receivedDate: petition.receivedDate,
      responsibleId: RESPONSIBLE,
    };
    const named = await must(backend.call('petitions.update', correction, officer));
    await must(backend.call('people.setEnabled', { id: RESPONSIBLE, enabled: false }, admin));
    await must(backend.call('regions.setEnabled', { code: EAST, enabled: false }, admin));

    const read = await must(backend.call('petitions.get', { id: petition.id }, officer));
    expect(read).toMatchObject({ townshipCode: EAST, responsibleId: RESPONSIBLE });
    const edited = await must(
      backend.call(
        'petitions.update',
        { ...correction, version: named.version, summary: '反映工地拖欠工资问题（补录）' },
        officer,
      ),
    );
    expect(edited).toMatchObject({ summary: '反映工地拖欠工资问题（补录）', responsibleId: RESPONSIBLE });
  });
});
