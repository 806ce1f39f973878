import { describe, expect, it } from 'vitest';
import type { HandlerContext } from '../../electron/backend/api/types';
import { createLinkedRecord } from '../../electron/backend/ledger/record-links';
import { DEFAULT_DISPUTE_TIME_LIMITS } from '../../shared/domain/disputes/handling';
import { intake } from '../helpers/disputes';
import { samplePdf, SAMPLE_PNG } from '../helpers/files';
import { must, petitionBackend, TOWN_UNIT } from '../helpers/petitions';

const AGREEMENT = samplePdf('Mediation agreement');

/** A dispute taken in, routed and being mediated (version 3). */
async function mediating() {
  const setup = await petitionBackend();
  const { backend, officer } = setup;
  const dispute = await must(backend.call('disputes.create', intake(), officer));
  const step = (input: Record<string, unknown>) =>
    must(backend.call('disputes.transition', { id: dispute.id, ...input } as never, officer));
  await step({ action: 'route', handlingKind: 'people_mediation', unitId: TOWN_UNIT });
  await step({ action: 'startMediation', coordination: 'single', mediator: '刘调解员' });
  return { ...setup, dispute };
}

const upload = (setup: Awaited<ReturnType<typeof mediating>>, entityId: string, bytes = AGREEMENT) =>
  must(
    setup.backend.call(
      'attachments.upload',
      {
        entity: 'dispute',
        entityId,
        purpose: 'agreement',
        fileName: '调解协议书.pdf',
        base64: bytes.toString('base64'),
      },
      setup.officer,
    ),
  );

const count = (setup: Awaited<ReturnType<typeof mediating>>, table: string) =>
  setup.backend.services.sql.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

describe('disputes: the mediation agreement as an attachment', () => {
  it('stores the 调解协议书 with the settlement, lists it and hands it back byte for byte, audited', async () => {
    const setup = await mediating();
    const { backend, officer, dispute } = setup;
    const missing = await backend.call(
      'disputes.transition',
      { id: dispute.id, action: 'settle', judicialConfirmation: 'yes' },
      officer,
    );
    expect(missing).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: [{ path: 'agreementAttachmentId', message: '请填写“调解协议书”' }] },
    });

    const file = await upload(setup, dispute.id);
    expect(file).toMatchObject({ entity: 'dispute', purpose: 'agreement', fileName: '调解协议书.pdf' });
    const settled = await must(
      backend.call(
        'disputes.transition',
        { id: dispute.id, version: 3, action: 'settle', agreementAttachmentId: file.id, judicialConfirmation: 'yes' },
        officer,
      ),
    );
    expect(settled).toMatchObject({
      status: 'settled',
      judicialConfirmation: true,
      agreement: null,
      agreementFile: { id: file.id, fileName: '调解协议书.pdf' },
    });
    const listed = await must(backend.call('attachments.list', { entity: 'dispute', entityId: dispute.id }, officer));
    expect(listed.map((a) => [a.id, a.purpose])).toEqual([[file.id, 'agreement']]);
    const read = await must(backend.call('attachments.read', { id: file.id }, setup.leader));
    expect(Buffer.from(read.base64, 'base64').equals(AGREEMENT)).toBe(true);
    const actions = backend.services.sql.db
      .prepare("SELECT action FROM audit_log WHERE entity_id IN (?, ?) AND result = 'success' ORDER BY seq")
      .pluck()
      .all(dispute.id, file.id);
    expect(actions).toEqual(expect.arrayContaining(['attachments.upload', 'disputes.settle', 'attachments.read']));
  });

  it("refuses another dispute's file or a file of another purpose as the agreement, changing nothing", async () => {
    const setup = await mediating();
    const { backend, officer, dispute } = setup;
    const other = await must(backend.call('disputes.create', intake({ summary: '另一起纠纷' }), officer));
    const foreign = await upload(setup, other.id);
    const material = await must(
      backend.call(
        'attachments.upload',
        {
          entity: 'dispute',
          entityId: dispute.id,
          purpose: 'material',
          fileName: '现场照片.png',
          base64: SAMPLE_PNG.toString('base64'),
        },
        officer,
      ),
    );
    for (const attachmentId of [foreign.id, material.id]) {
      const refused = await backend.call(
        'disputes.transition',
        { id: dispute.id, action: 'settle', agreementAttachmentId: attachmentId, judicialConfirmation: 'no' },
        officer,
      );
      expect(refused).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', details: [{ path: 'agreementAttachmentId' }] },
      });
    }
    const now = await must(backend.call('disputes.get', { id: dispute.id }, officer));
    expect(now).toMatchObject({ status: 'mediating', version: 3, agreementFile: null });
  });
});

describe('disputes: 转为信访事项 / 转为风险隐患', () => {
  it('creates the petition in the same step, prefilled from the dispute, linked both ways', async () => {
    const setup = await mediating();
    const { backend, officer, dispute } = setup;
    const converted = await must(
      backend.call(
        'disputes.transition',
        {
          id: dispute.id,
          version: 3,
          action: 'convert',
          convertedTo: 'petition',
          reason: '当事人坚持走信访渠道',
          conversion: { category: null, itemType: 'appeal', title: null, level: null },
        },
        officer,
      ),
    );
    expect(converted).toMatchObject({ status: 'converted', convertedTo: 'petition' });
    const links = await must(backend.call('links.list', { ledger: 'dispute', id: dispute.id }, officer));
    expect(links).toEqual([
      expect.objectContaining({ direction: 'to', kind: 'converted', ledger: 'petition', number: 'XF2026-000001' }),
    ]);
    expect(converted.events.at(-1)!.note).toContain('已转为信访事项 XF2026-000001');

    const petition = await must(backend.call('petitions.get', { id: links[0]!.id }, officer));
    expect(petition).toMatchObject({
      caseNo: 'XF2026-000001',
      townshipCode: dispute.townshipCode,
      summary: dispute.summary,
      firstPetitionDate: '2026-11-20',
      receivedDate: '2026-11-22',
      itemType: 'appeal',
    });
    expect(petition.petitioners.map((p) => p.nameMasked)).toEqual(['王*国', '东一村经济合作社'.slice(0, 2) + '******']);
    expect(petition.petitioners[0]).toMatchObject({ idNumberMasked: '410***********1234', phoneMasked: '138****5678' });
    const back = await must(backend.call('links.list', { ledger: 'petition', id: petition.id }, officer));
    expect(back).toEqual([
      expect.objectContaining({ direction: 'from', ledger: 'dispute', id: dispute.id, number: dispute.disputeNo }),
    ]);
    const audit = backend.services.sql.db
      .prepare("SELECT action FROM audit_log WHERE action IN ('petitions.create', 'links.create', 'disputes.convert')")
      .pluck()
      .all();
    expect(audit.sort()).toEqual(['disputes.convert', 'links.create', 'petitions.create']);
  });

  it('rolls the whole step back when the hazard cannot be made, naming the dialog’s field; then makes it', async () => {
    const setup = await mediating();
    const { backend, officer, dispute } = setup;
    const before = { hazards: count(setup, 'hazards'), links: count(setup, 'record_links') };
    const refused = await backend.call(
      'disputes.transition',
      {
        id: dispute.id,
        version: 3,
        action: 'convert',
        convertedTo: 'hazard',
        reason: '涉及群体，转入风险台账',
        conversion: { category: 'no_such_category', itemType: null, title: '宅基地纠纷引发的群体风险', level: null },
      },
      officer,
    );
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: [{ path: 'conversion.category' }] },
    });
    expect(refused.ok || refused.error.message).toMatch(/^转为风险隐患未完成：/);
    expect({ hazards: count(setup, 'hazards'), links: count(setup, 'record_links') }).toEqual(before);
    const still = await must(backend.call('disputes.get', { id: dispute.id }, officer));
    expect(still).toMatchObject({ status: 'mediating', version: 3 });

    const converted = await must(
      backend.call(
        'disputes.transition',
        {
          id: dispute.id,
          version: 3,
          action: 'convert',
          convertedTo: 'hazard',
          reason: '涉及群体，转入风险台账',
          conversion: { category: 'wage_arrears', itemType: null, title: '宅基地纠纷引发的群体风险', level: null },
        },
        officer,
      ),
    );
    expect(converted.status).toBe('converted');
    const [link] = await must(backend.call('links.list', { ledger: 'dispute', id: dispute.id }, officer));
    const hazard = await must(backend.call('hazards.get', { id: link!.id }, officer));
    expect(hazard).toMatchObject({
      title: '宅基地纠纷引发的群体风险',
      level: 'yellow',
      description: dispute.summary,
      villageCode: dispute.villageCode,
      peopleInvolved: 2,
    });
    expect(hazard.people.map((p) => p.nameMasked)).toEqual(['王*国']);
    const back = await must(backend.call('links.list', { ledger: 'hazard', id: hazard.id }, officer));
    expect(back).toEqual([
      expect.objectContaining({ direction: 'from', ledger: 'dispute', number: dispute.disputeNo }),
    ]);
  });

  it('refuses a caller who may not register the target record', async () => {
    const setup = await mediating();
    const { backend, dispute } = setup;
    const ctx = {
      ...backend.services,
      principal: { userId: 'u', username: 'u', displayName: 'u', roles: ['leader'], regionCode: null },
    } as unknown as HandlerContext;
    expect(() => createLinkedRecord(ctx, { ledger: 'dispute', id: dispute.id }, 'petition', {}, 'conversion')).toThrow(
      '您没有登记信访事项的权限，不能转为信访事项。',
    );
    const denied = await backend.call('links.list', { ledger: 'petition', id: dispute.id }, setup.officer);
    expect(denied).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('settings: the disputes’ time limits', () => {
  it('saves each handling kind’s days and refuses a bad one naming the kind, changing nothing', async () => {
    const { backend, admin } = await petitionBackend();
    const tooLong = await backend.call(
      'settings.updateDisputeTimeLimits',
      { ...DEFAULT_DISPUTE_TIME_LIMITS, judicial: 181 },
      admin,
    );
    expect(tooLong).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: [{ path: 'judicial', message: '“司法调解”的调处时限应为 1 至 180 日' }] },
    });
    const fraction = await backend.call(
      'settings.updateDisputeTimeLimits',
      { ...DEFAULT_DISPUTE_TIME_LIMITS, unit: 7.5 },
      admin,
    );
    expect(fraction).toMatchObject({
      ok: false,
      error: { details: [{ path: 'unit', message: '“归口单位办理”的调处时限应为整数天' }] },
    });
    const { lawyer: _lawyer, ...without } = DEFAULT_DISPUTE_TIME_LIMITS;
    const missing = await backend.call('settings.updateDisputeTimeLimits', without as never, admin);
    expect(missing).toMatchObject({ ok: false, error: { details: [{ path: 'lawyer' }] } });
    expect((await must(backend.call('settings.getWork', {}, admin))).disputeTimeLimits).toEqual(
      DEFAULT_DISPUTE_TIME_LIMITS,
    );
    const saved = await must(
      backend.call('settings.updateDisputeTimeLimits', { ...DEFAULT_DISPUTE_TIME_LIMITS, lawyer: 45 }, admin),
    );
    expect(saved.disputeTimeLimits.lawyer).toBe(45);
    const audit = backend.services.sql.db
      .prepare("SELECT fields FROM audit_log WHERE action = 'settings.update' AND entity_id = 'work'")
      .pluck()
      .all();
    expect(audit).toEqual([JSON.stringify(['disputeTimeLimits'])]);
  });
});
