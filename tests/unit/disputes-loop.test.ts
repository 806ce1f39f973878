import { describe, expect, it } from 'vitest';
import { DEFAULT_DISPUTE_TIME_LIMITS } from '../../shared/domain/disputes/handling';
import { STALE_VERSION_MESSAGE } from '../../shared/domain/ledger/records';
import { agreementOf, intake } from '../helpers/disputes';
import { BUREAU, EAST, must, petitionBackend, TOWN_UNIT, WEST } from '../helpers/petitions';
import { signInAs } from '../helpers/backend';

async function withDispute(over: Parameters<typeof intake>[0] = {}) {
  const setup = await petitionBackend();
  const dispute = await must(setup.backend.call('disputes.create', intake(over), setup.officer));
  return { ...setup, dispute };
}

describe('disputes: intake', () => {
  it('numbers the case, masks the parties and seals their ID number and phone at rest', async () => {
    const { backend, dispute } = await withDispute();
    expect(dispute).toMatchObject({ disputeNo: 'JF2026-000001', status: 'received', level: 'village', version: 1 });
    expect(dispute.parties).toEqual([
      expect.objectContaining({
        nameMasked: '王*国',
        idNumberMasked: '410***********1234',
        phoneMasked: '138****5678',
      }),
      expect.objectContaining({ kind: 'organisation', nameMasked: '东一村经济合作社', idNumberMasked: null }),
    ]);
    expect(dispute.events.map((e) => e.action)).toEqual(['register']);
    const stored = JSON.stringify(backend.services.sql.db.prepare('SELECT * FROM dispute_parties').all());
    expect(stored).not.toContain('410102198001191234');
    expect(stored).not.toContain('13812345678');
    const audit = JSON.stringify(backend.services.sql.db.prepare('SELECT * FROM audit_log').all());
    expect(audit).not.toContain('王建国');
    expect(audit).toContain('disputes.create');
  });

  it('links a repeat party by ID number and the same matter still open, both ways', async () => {
    const { backend, officer, dispute } = await withDispute();
    const sameParty = await must(
      backend.call(
        'disputes.create',
        intake({ category: 'contract', villageCode: null, summary: '借款合同纠纷' }),
        officer,
      ),
    );
    expect(sameParty.related).toEqual([expect.objectContaining({ id: dispute.id, reason: 'same_party' })]);
    const sameMatter = await must(
      backend.call(
        'disputes.create',
        intake({ parties: [{ kind: 'person', side: 'applicant', name: '李四', idNumber: null }] }),
        officer,
      ),
    );
    expect(sameMatter.related).toEqual([expect.objectContaining({ id: dispute.id, reason: 'same_matter' })]);
    const first = await must(backend.call('disputes.get', { id: dispute.id }, officer));
    expect(first.related.map((r) => r.id).sort()).toEqual([sameParty.id, sameMatter.id].sort());
    const unrelated = await must(
      backend.call(
        'disputes.create',
        intake({
          townshipCode: WEST,
          villageCode: null,
          parties: [{ kind: 'person', side: 'applicant', name: '赵五' }],
        }),
        officer,
      ),
    );
    expect(unrelated.related).toEqual([]);
  });

  it('refuses an intake without parties or with a wrong ID number, naming the field, writing nothing', async () => {
    const { backend, officer } = await petitionBackend();
    const none = await backend.call('disputes.create', intake({ parties: [] }), officer);
    expect(none).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: [{ path: 'parties', message: '请至少登记一位“当事人”' }] },
    });
    const wrong = await backend.call(
      'disputes.create',
      intake({ parties: [{ kind: 'person', side: 'applicant', name: '王五', idNumber: '410102198001191235' }] }),
      officer,
    );
    expect(wrong).toMatchObject({ ok: false, error: { details: [{ path: 'parties.0.idNumber' }] } });
    const count = backend.services.sql.db.prepare('SELECT count(*) FROM disputes').pluck().get();
    expect(count).toBe(0);
  });
});

describe('disputes: the loop through dispatch', () => {
  it('受理 → 分流 → 协同调处 → 调解成功 → 回访 → 销号, the due date from the handling kind', async () => {
    const { backend, officer, leader, dispute } = await withDispute();
    const routed = await must(
      backend.call(
        'disputes.transition',
        { id: dispute.id, version: 1, action: 'route', handlingKind: 'people_mediation', unitId: TOWN_UNIT },
        officer,
      ),
    );
    expect(routed).toMatchObject({
      status: 'routed',
      routedOn: '2026-11-22',
      dueDate: '2026-12-22',
      unitId: TOWN_UNIT,
    });
    const mediating = await must(
      backend.call(
        'disputes.transition',
        {
          id: dispute.id,
          version: 2,
          action: 'startMediation',
          coordination: 'joint',
          coUnitIds: [BUREAU],
          mediator: '刘调解员',
        },
        officer,
      ),
    );
    expect(mediating.coUnits.map((u) => u.id)).toEqual([BUREAU]);
    const file = await agreementOf(backend, officer, dispute.id);
    const settled = await must(
      backend.call(
        'disputes.transition',
        {
          id: dispute.id,
          version: 3,
          action: 'settle',
          agreement: '双方同意按原界址修缮',
          agreementAttachmentId: file,
          judicialConfirmation: 'yes',
          preventedCriminal: true,
          preventedCriminalPeople: 2,
        },
        officer,
      ),
    );
    expect(settled).toMatchObject({ status: 'settled', result: 'settled', judicialConfirmation: true });
    const visited = await must(
      backend.call(
        'disputes.transition',
        { id: dispute.id, version: 4, action: 'visit', satisfaction: 'satisfied', visitNote: '双方履行协议' },
        officer,
      ),
    );
    expect(visited.status).toBe('visited');
    const officerClose = await backend.call(
      'disputes.transition',
      { id: dispute.id, version: 5, action: 'closeOut' },
      officer,
    );
    expect(officerClose).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const closed = await must(
      backend.call('disputes.transition', { id: dispute.id, version: 5, action: 'closeOut' }, leader),
    );
    expect(closed).toMatchObject({ status: 'closed', closedOn: '2026-11-22', allowedActions: [] });
    expect(closed.events.map((e) => e.action)).toEqual([
      'register',
      'route',
      'startMediation',
      'settle',
      'visit',
      'closeOut',
    ]);
    expect(closed.events[1]!.unitName).toBe('测试县东镇人民政府');
  });

  it('takes the other results, each with its required fields', async () => {
    const { backend, officer, dispute } = await withDispute();
    const missing = await backend.call('disputes.transition', { id: dispute.id, action: 'guide' }, officer);
    expect(missing).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: [{ path: 'legalPath' }, { path: 'reason' }] },
    });
    const guided = await must(
      backend.call(
        'disputes.transition',
        { id: dispute.id, action: 'guide', legalPath: 'litigation', reason: '涉及物权确认，须经法院' },
        officer,
      ),
    );
    expect(guided).toMatchObject({ status: 'guided', result: 'guided', legalPath: 'litigation' });
    const outOfTurn = await backend.call(
      'disputes.transition',
      { id: dispute.id, action: 'settle', agreementAttachmentId: null, judicialConfirmation: 'no' },
      officer,
    );
    expect(outOfTurn).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const other = await must(backend.call('disputes.create', intake({ category: 'labour' }), officer));
    const converted = await must(
      backend.call(
        'disputes.transition',
        { id: other.id, action: 'convert', convertedTo: 'petition', reason: '当事人坚持走信访渠道' },
        officer,
      ),
    );
    expect(converted).toMatchObject({ status: 'converted', result: 'converted', convertedTo: 'petition' });
  });

  it('moves between levels with a reason; once moved up it counts in the 上交率 after moving down', async () => {
    const { backend, officer, dispute } = await withDispute();
    const up = await must(
      backend.call(
        'disputes.transfer',
        { id: dispute.id, version: 1, toLevel: 'township', reason: '村调委会调解不了' },
        officer,
      ),
    );
    expect(up).toMatchObject({ level: 'township', escalated: true, version: 2 });
    const down = await must(
      backend.call(
        'disputes.transfer',
        { id: dispute.id, version: 2, toLevel: 'village', reason: '交回村里跟进' },
        officer,
      ),
    );
    expect(down).toMatchObject({ level: 'village', escalated: true });
    expect(down.transfers.map((t) => t.direction)).toEqual(['up', 'down']);
    const figures = await must(backend.call('disputes.figures', {}, officer));
    expect(figures.figures.escalation_rate).toMatchObject({ numerator: 1, denominator: 1 });
  });

  it('refuses a stale version with CONFLICT and changes nothing', async () => {
    const { backend, officer, dispute } = await withDispute();
    const { parties: _parties, level: _level, ...fields } = intake();
    await must(
      backend.call('disputes.update', { id: dispute.id, version: 1, ...fields, summary: '第一人更正' }, officer),
    );
    const stale = await backend.call(
      'disputes.update',
      { id: dispute.id, version: 1, ...fields, summary: '第二人更正' },
      officer,
    );
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: `${STALE_VERSION_MESSAGE}。` } });
    const staleStep = await backend.call(
      'disputes.transition',
      { id: dispute.id, version: 1, action: 'route', handlingKind: 'unit', unitId: TOWN_UNIT },
      officer,
    );
    expect(staleStep).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const now = await must(backend.call('disputes.get', { id: dispute.id }, officer));
    expect(now).toMatchObject({ summary: '第一人更正', status: 'received', version: 2 });
    expect(now.changes[0]!.fields).toEqual([
      { field: 'summary', label: '纠纷概要', from: '相邻宅基地滴水檐纠纷', to: '第一人更正' },
    ]);
  });

  it('keeps a township account to its township and the leader from taking disputes in', async () => {
    const { backend, admin, leader, dispute } = await withDispute();
    const west = await signInAs(backend, admin, ['duty_officer'], WEST);
    const hidden = await backend.call('disputes.get', { id: dispute.id }, west.client);
    expect(hidden).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await must(backend.call('disputes.list', {}, west.client))).total).toBe(0);
    const refused = await backend.call('disputes.create', intake(), leader);
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('dates the time limit from the administrator’s setting, the change audited', async () => {
    const { backend, admin, officer, dispute } = await withDispute();
    const refused = await backend.call(
      'settings.updateDisputeTimeLimits',
      { ...DEFAULT_DISPUTE_TIME_LIMITS, people_mediation: 0 },
      admin,
    );
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        details: [{ path: 'people_mediation', message: '“人民调解委员会”的调处时限应为 1 至 180 日' }],
      },
    });
    const officerTries = await backend.call('settings.updateDisputeTimeLimits', DEFAULT_DISPUTE_TIME_LIMITS, officer);
    expect(officerTries).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const work = await must(
      backend.call('settings.updateDisputeTimeLimits', { ...DEFAULT_DISPUTE_TIME_LIMITS, people_mediation: 20 }, admin),
    );
    expect(work.disputeTimeLimits.people_mediation).toBe(20);
    const routed = await must(
      backend.call(
        'disputes.transition',
        { id: dispute.id, action: 'route', handlingKind: 'people_mediation', unitId: TOWN_UNIT },
        officer,
      ),
    );
    expect(routed.dueDate).toBe('2026-12-12');
    const audit = JSON.stringify(
      backend.services.sql.db.prepare("SELECT detail FROM audit_log WHERE action = 'settings.update'").all(),
    );
    expect(audit).toContain('矛盾纠纷调处时限');
  });

  it('lists the overdue ones for supervision', async () => {
    const { backend, officer, dispute } = await withDispute({ receivedOn: '2026-10-01' });
    await must(
      backend.call(
        'disputes.transition',
        { id: dispute.id, action: 'route', handlingKind: 'unit', unitId: TOWN_UNIT, happenedOn: '2026-10-08' },
        officer,
      ),
    );
    await must(backend.call('disputes.create', intake({ category: 'contract' }), officer));
    const overdue = await must(backend.call('disputes.list', { overdue: true }, officer));
    expect(overdue.items.map((r) => [r.id, r.dueDate])).toEqual([[dispute.id, '2026-10-23']]);
  });
});

describe('disputes: figures and voiding', () => {
  it('counts each figure with its numerator and denominator, the click-through listing the same records', async () => {
    const { backend, officer, leader } = await petitionBackend();
    const create = (over: Parameters<typeof intake>[0]) =>
      must(
        backend.call(
          'disputes.create',
          intake({ villageCode: null, parties: [{ kind: 'person', side: 'applicant', name: '甲' }], ...over }),
          officer,
        ),
      );
    const step = (id: string, input: Record<string, unknown>) =>
      must(backend.call('disputes.transition', { id, ...input } as never, officer));
    const a = await create({ category: 'neighbour' });
    const b = await create({ category: 'contract', townshipCode: WEST });
    const c = await create({ category: 'labour' });
    await create({ category: 'medical' });
    for (const id of [a.id, b.id, c.id]) {
      await step(id, { action: 'route', handlingKind: 'people_mediation', unitId: TOWN_UNIT });
      await step(id, { action: 'startMediation', coordination: 'single', mediator: '刘' });
    }
    await step(a.id, {
      action: 'settle',
      agreementAttachmentId: await agreementOf(backend, officer, a.id),
      judicialConfirmation: 'no',
      preventedCriminal: true,
      preventedCriminalPeople: 3,
    });
    await step(b.id, {
      action: 'settle',
      agreementAttachmentId: await agreementOf(backend, officer, b.id),
      judicialConfirmation: 'no',
      preventedCollective: true,
    });
    await step(c.id, { action: 'fail', legalPath: 'arbitration', reason: '分歧过大' });
    await step(a.id, { action: 'visit', satisfaction: 'satisfied', visitNote: '好' });
    await step(c.id, { action: 'visit', satisfaction: 'unsatisfied', visitNote: '不满' });

    const figures = await must(backend.call('disputes.figures', {}, leader));
    expect(figures.figures.resolution_rate).toMatchObject({ numerator: 2, denominator: 4, rate: 0.5 });
    expect(figures.figures.closure_rate).toMatchObject({ numerator: 3, denominator: 4 });
    expect(figures.figures.satisfaction_rate).toMatchObject({ numerator: 1, denominator: 2 });
    expect(figures.figures.prevented_criminal).toMatchObject({ numerator: 1, denominator: 2 });
    expect(figures.figures.prevented_collective).toMatchObject({ numerator: 1, denominator: 2 });
    expect(figures.preventedCriminalPeople).toBe(3);
    const byTownship = Object.fromEntries(figures.breakdowns.township.map((r) => [r.key, r.figures.resolution_rate]));
    expect(byTownship[EAST]).toMatchObject({ numerator: 1, denominator: 3 });
    expect(byTownship[WEST]).toMatchObject({ numerator: 1, denominator: 1 });

    for (const [code, result] of Object.entries(figures.figures)) {
      const figure = code as keyof typeof figures.figures;
      const numerator = await must(backend.call('disputes.list', { figure, pageSize: 200 }, leader));
      const denominator = await must(
        backend.call('disputes.list', { figure, figurePart: 'denominator', pageSize: 200 }, leader),
      );
      expect([numerator.total, denominator.total], code).toEqual([result.numerator, result.denominator]);
    }

    const inPeriod = await must(
      backend.call('disputes.figures', { period: { from: '2026-11-21', to: '2026-11-30' } }, leader),
    );
    expect(inPeriod.figures.resolution_rate.denominator).toBe(0);

    const voided = await must(
      backend.call('disputes.void', { id: a.id, version: a.version + 4, reason: '重复录入' }, leader),
    );
    expect(voided.voidedAt).not.toBeNull();
    const after = await must(backend.call('disputes.figures', {}, leader));
    expect(after.figures.resolution_rate).toMatchObject({ numerator: 1, denominator: 3 });
    expect(after.preventedCriminalPeople).toBe(0);
    const list = await must(backend.call('disputes.list', {}, leader));
    expect(list.items.map((r) => r.id)).not.toContain(a.id);
    const onlyVoided = await must(backend.call('disputes.list', { voided: 'only' }, leader));
    expect(onlyVoided.items.map((r) => r.id)).toEqual([a.id]);
    const refused = await backend.call('disputes.transition', { id: a.id, action: 'closeOut' }, leader);
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('已作废') },
    });
    const restored = await must(
      backend.call('disputes.restore', { id: a.id, version: voided.version, reason: '误作废' }, leader),
    );
    expect(restored.changes.map((ch) => ch.kind)).toEqual(['void', 'restore']);
    expect((await must(backend.call('disputes.figures', {}, leader))).figures.resolution_rate.numerator).toBe(2);
  });

  it('finds a dispute by keyword, a party’s name and its number', async () => {
    const { backend, officer, dispute } = await withDispute();
    for (const keyword of ['滴水', '王建国', 'JF2026']) {
      const found = await must(backend.call('disputes.list', { keyword }, officer));
      expect(
        found.items.map((r) => r.id),
        keyword,
      ).toEqual([dispute.id]);
    }
    const all = await must(backend.call('search.all', { keyword: '滴水檐' }, officer));
    expect(JSON.stringify(all)).toContain(dispute.disputeNo);
  });
});
