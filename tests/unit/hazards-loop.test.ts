import { describe, expect, it } from 'vitest';
import { EAST, LEADER, must, petitionBackend, registration, TOWN_UNIT, WEST } from '../helpers/petitions';
import { signInAs } from '../helpers/backend';
import { hazardDraft, RESPONSIBLE, seedBoundary } from '../helpers/hazards';

type Setup = Awaited<ReturnType<typeof petitionBackend>>;

async function setupWithHazard() {
  const setup = await petitionBackend();
  seedBoundary(setup.backend);
  const hazard = await must(setup.backend.call('hazards.create', hazardDraft(), setup.officer));
  return { ...setup, hazard };
}

const auditOf = (setup: Setup, entity = 'hazard') =>
  setup.backend.services.sql.db
    .prepare('SELECT action, entity_id, fields, detail FROM audit_log WHERE entity = ? ORDER BY seq')
    .all(entity) as Array<{ action: string; entity_id: string; fields: string; detail: string }>;

describe('registering a hazard', () => {
  it('numbers it per year, starts at 发现 and masks the people involved', async () => {
    const { hazard, backend } = await setupWithHazard();
    expect(hazard).toMatchObject({ hazardNo: 'FX2026-000001', status: 'found', level: 'yellow', townshipName: '东镇' });
    expect(hazard.people).toEqual([expect.objectContaining({ nameMasked: '赵*勇', phoneMasked: '139****1111' })]);
    expect(hazard.allowedActions).toEqual(['startResolving']);
    expect(JSON.stringify(backend.services.sql.db.prepare('SELECT * FROM audit_log').all())).not.toContain('赵大勇');
  });

  it('accepts coordinates inside the county and names the field outside it', async () => {
    const { backend, officer } = await setupWithHazard();
    const inside = await must(backend.call('hazards.create', hazardDraft({ lng: 113.3, lat: 34.6 }), officer));
    expect(inside).toMatchObject({ lng: 113.3, lat: 34.6 });
    const outside = await backend.call('hazards.create', hazardDraft({ lng: 116.4, lat: 34.6 }), officer);
    expect(outside).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: [{ path: 'lng' }] } });
    if (!outside.ok) expect(outside.error.message).toContain('不在本县范围内（113 至 113.6）');
    const half = await backend.call('hazards.create', hazardDraft({ lng: 113.3 }), officer);
    expect(half).toMatchObject({
      ok: false,
      error: { details: [{ path: 'lat', message: '已填经度，请同时填写“纬度”' }] },
    });
  });

  it('refuses coordinates before a boundary is imported, and takes the hazard without them', async () => {
    const { backend, officer } = await petitionBackend();
    const refused = await backend.call('hazards.create', hazardDraft({ lng: 113.3, lat: 34.6 }), officer);
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: [{ path: 'lng' }] } });
    expect((await backend.call('hazards.create', hazardDraft(), officer)).ok).toBe(true);
  });

  it('names every missing or wrong field in Chinese and writes nothing', async () => {
    const { backend, officer } = await setupWithHazard();
    const bad = await backend.call(
      'hazards.create',
      hazardDraft({ title: ' ', level: 'purple', foundOn: '2026-12-01', villageCode: '999901002001' }),
      officer,
    );
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.error.details?.map((d) => d.path).sort()).toEqual(['foundOn', 'level', 'title']);
    expect(bad.error.message).toContain('请填写“隐患名称”');
    const count = backend.services.sql.db.prepare('SELECT count(*) FROM hazards').pluck().get();
    expect(count).toBe(1);
  });

  it('keeps a township user to their own township', async () => {
    const setup = await setupWithHazard();
    const west = (await signInAs(setup.backend, setup.admin, ['duty_officer'], WEST)).client;
    expect(await setup.backend.call('hazards.get', { id: setup.hazard.id }, west)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await setup.backend.call('hazards.create', hazardDraft(), west)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: '您只能登记和办理本辖区的风险隐患。' },
    });
    expect((await must(setup.backend.call('hazards.list', {}, west))).total).toBe(0);
    expect(
      await setup.backend.call('tasks.list', { ownerKind: 'hazard', ownerId: setup.hazard.id }, west),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('the life of a hazard', () => {
  it('runs 发现 → 化解中 → 已化解 → 已销号 through dispatch, a leader closing it out', async () => {
    const setup = await setupWithHazard();
    const { backend, officer, leader, hazard } = setup;
    const missing = await backend.call('hazards.transition', { id: hazard.id, action: 'startResolving' }, officer);
    expect(missing).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!missing.ok)
      expect(missing.error.details?.map((d) => d.path)).toEqual([
        'responsibleLeaderId',
        'responsiblePersonId',
        'measures',
      ]);

    const resolving = await must(
      backend.call(
        'hazards.transition',
        {
          id: hazard.id,
          action: 'startResolving',
          responsibleLeaderId: LEADER,
          responsiblePersonId: RESPONSIBLE,
          measures: '每日走访',
        },
        officer,
      ),
    );
    expect(resolving).toMatchObject({
      status: 'resolving',
      leaderName: '张明',
      responsibleName: '李华',
      measures: '每日走访',
    });
    const skipped = await backend.call(
      'hazards.transition',
      { id: hazard.id, action: 'closeOut', evidence: '协议' },
      leader,
    );
    expect(skipped).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('当前状态为“化解中”，不能“销号”') },
    });
    await must(
      backend.call('hazards.transition', { id: hazard.id, action: 'resolve', outcome: '工资已结清' }, officer),
    );
    const officerCloses = await backend.call(
      'hazards.transition',
      { id: hazard.id, action: 'closeOut', evidence: '协议' },
      officer,
    );
    expect(officerCloses).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const leaderWorks = await backend.call(
      'hazards.addNote',
      { id: hazard.id, notedOn: '2026-11-22', content: '研判' },
      leader,
    );
    expect(leaderWorks).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const closed = await must(
      backend.call('hazards.transition', { id: hazard.id, action: 'closeOut', evidence: '工资发放签收表' }, leader),
    );
    expect(closed).toMatchObject({ status: 'closed', closedOn: '2026-11-22', allowedActions: ['reopen'] });
    expect(closed.events.map((e) => e.toStatus)).toEqual(['found', 'resolving', 'resolved', 'closed']);
    expect(auditOf(setup).map((a) => a.action)).toEqual([
      'hazards.create',
      'hazards.startResolving',
      'hazards.resolve',
      'hazards.closeOut',
    ]);
    const again = await backend.call(
      'hazards.changeLevel',
      { id: hazard.id, level: 'red', reason: 'x', changedOn: '2026-11-22' },
      officer,
    );
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('keeps the colour history, and turns a hazard red only with a leader and a plan', async () => {
    const setup = await setupWithHazard();
    const { backend, officer, hazard } = setup;
    const orange = await must(
      backend.call(
        'hazards.changeLevel',
        { id: hazard.id, level: 'orange', reason: '人数增加', changedOn: '2026-11-21' },
        officer,
      ),
    );
    expect(orange.level).toBe('orange');
    const redRefused = await backend.call(
      'hazards.changeLevel',
      { id: hazard.id, level: 'red', reason: '扬言聚集', changedOn: '2026-11-22' },
      officer,
    );
    expect(redRefused.ok).toBe(false);
    if (!redRefused.ok)
      expect(redRefused.error.details?.map((d) => d.path).sort()).toEqual(['plan', 'responsibleLeaderId']);
    await must(
      backend.call(
        'hazards.transition',
        {
          id: hazard.id,
          action: 'startResolving',
          responsibleLeaderId: LEADER,
          responsiblePersonId: RESPONSIBLE,
          measures: '走访',
        },
        officer,
      ),
    );
    const early = await backend.call(
      'hazards.changeLevel',
      { id: hazard.id, level: 'red', reason: '扬言聚集', changedOn: '2026-11-20', plan: '一案一策' },
      officer,
    );
    expect(early).toMatchObject({ ok: false, error: { details: [{ path: 'changedOn' }] } });
    const red = await must(
      backend.call(
        'hazards.changeLevel',
        { id: hazard.id, level: 'red', reason: '扬言聚集', changedOn: '2026-11-22', plan: '一案一策：联合会商' },
        officer,
      ),
    );
    expect(red).toMatchObject({ level: 'red', plan: '一案一策：联合会商', levelChangedOn: '2026-11-22' });
    expect(red.levelHistory.map((c) => [c.fromLevel, c.toLevel, c.changedOn, c.reason])).toEqual([
      ['yellow', 'orange', '2026-11-21', '人数增加'],
      ['orange', 'red', '2026-11-22', '扬言聚集'],
    ]);
    expect(
      auditOf(setup)
        .filter((a) => a.action === 'hazards.changeLevel')
        .map((a) => a.detail),
    ).toEqual(['yellow→orange', 'orange→red']);
  });

  it('names the 包保领导 with the change to red, and refuses an unknown one on that field', async () => {
    const setup = await setupWithHazard();
    const { backend, officer, hazard } = setup;
    const change = { id: hazard.id, level: 'red', reason: '扬言聚集', changedOn: '2026-11-22', plan: '一案一策' };
    const unknown = await backend.call('hazards.changeLevel', { ...change, responsibleLeaderId: RESPONSIBLE }, officer);
    expect(unknown).toMatchObject({ ok: false, error: { details: [{ path: 'responsibleLeaderId' }] } });
    const red = await must(backend.call('hazards.changeLevel', { ...change, responsibleLeaderId: LEADER }, officer));
    expect(red).toMatchObject({ level: 'red', leaderId: LEADER, plan: '一案一策' });
    const audit = auditOf(setup).find((a) => a.action === 'hazards.changeLevel');
    expect(JSON.parse(audit!.fields)).toEqual(['level', 'plan', 'responsibleLeaderId']);
  });

  it('records dated analysis notes, newest first, never in the future', async () => {
    const { backend, officer, hazard } = await setupWithHazard();
    await must(
      backend.call(
        'hazards.addNote',
        { id: hazard.id, notedOn: '2026-11-21', content: '情绪平稳', trend: 'stable' },
        officer,
      ),
    );
    const second = await must(
      backend.call(
        'hazards.addNote',
        { id: hazard.id, notedOn: '2026-11-22', content: '有聚集苗头', trend: 'rising', suggestedLevel: 'orange' },
        officer,
      ),
    );
    expect(second.notes.map((n) => [n.notedOn, n.kind, n.trend, n.suggestedLevel])).toEqual([
      ['2026-11-22', 'analysis', 'rising', 'orange'],
      ['2026-11-21', 'analysis', 'stable', null],
    ]);
    expect(second.level).toBe('yellow');
    const future = await backend.call(
      'hazards.addNote',
      { id: hazard.id, notedOn: '2026-11-23', content: 'x' },
      officer,
    );
    expect(future).toMatchObject({ ok: false, error: { details: [{ path: 'notedOn' }] } });
    const beforeFound = await backend.call(
      'hazards.addNote',
      { id: hazard.id, notedOn: '2026-11-19', content: 'x' },
      officer,
    );
    expect(beforeFound).toMatchObject({ ok: false, error: { details: [{ path: 'notedOn' }] } });
  });

  it('links petition cases, shown on both sides, and unlinks them', async () => {
    const { backend, officer, hazard } = await setupWithHazard();
    const petition = (await must(backend.call('petitions.create', registration(), officer))).petition;
    const linked = await must(
      backend.call('hazards.link', { id: hazard.id, targetKind: 'petition', targetId: petition.id }, officer),
    );
    expect(linked.linkedPetitions).toEqual([
      { id: petition.id, caseNo: petition.caseNo, summary: petition.summary, status: 'found' },
    ]);
    const twice = await backend.call(
      'hazards.link',
      { id: hazard.id, targetKind: 'petition', targetId: petition.id },
      officer,
    );
    expect(twice).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await must(backend.call('hazards.linkedToPetition', { petitionId: petition.id }, officer))).toEqual([
      { id: hazard.id, hazardNo: hazard.hazardNo, title: hazard.title, level: 'yellow', status: 'found' },
    ]);
    const unlinked = await must(
      backend.call('hazards.unlink', { id: hazard.id, targetKind: 'petition', targetId: petition.id }, officer),
    );
    expect(unlinked.linkedPetitions).toEqual([]);
    expect(await must(backend.call('hazards.linkedToPetition', { petitionId: petition.id }, officer))).toEqual([]);
  });
});

describe('measures (risk tasks)', () => {
  it('run 待落实 → 落实中 → 已完成 with reschedule, cancel and reopen, and hold the hazard open', async () => {
    const setup = await setupWithHazard();
    const { backend, officer, hazard } = setup;
    const owner = { ownerKind: 'hazard' as const, ownerId: hazard.id };
    const noUnit = await backend.call(
      'tasks.create',
      { ...owner, title: '约谈老板', unitId: '', dueDate: '2026-11-30' },
      officer,
    );
    expect(noUnit).toMatchObject({ ok: false, error: { details: [{ path: 'unitId', message: '请填写“责任单位”' }] } });
    const task = await must(
      backend.call('tasks.create', { ...owner, title: '约谈老板', unitId: TOWN_UNIT, dueDate: '2026-11-24' }, officer),
    );
    expect(task).toMatchObject({
      status: 'pending',
      stage: 'due_soon',
      unitName: '测试县东镇人民政府',
      allowedActions: ['start', 'complete', 'reschedule', 'cancel'],
    });
    await must(
      backend.call(
        'hazards.transition',
        {
          id: hazard.id,
          action: 'startResolving',
          responsibleLeaderId: LEADER,
          responsiblePersonId: RESPONSIBLE,
          measures: '约谈',
        },
        officer,
      ),
    );
    const blocked = await backend.call(
      'hazards.transition',
      { id: hazard.id, action: 'resolve', outcome: '结清' },
      officer,
    );
    expect(blocked).toMatchObject({ ok: false, error: { details: [{ path: 'measures' }] } });

    await must(backend.call('tasks.transition', { id: task.id, action: 'start', progressNote: '已约谈' }, officer));
    const moved = await must(
      backend.call(
        'tasks.transition',
        { id: task.id, action: 'reschedule', dueDate: '2026-12-20', reason: '老板外出' },
        officer,
      ),
    );
    expect(moved).toMatchObject({ status: 'in_progress', dueDate: '2026-12-20', stage: 'normal' });
    const same = await backend.call(
      'tasks.transition',
      { id: task.id, action: 'reschedule', dueDate: '2026-12-20', reason: 'x' },
      officer,
    );
    expect(same).toMatchObject({ ok: false, error: { details: [{ path: 'dueDate' }] } });
    expect((await must(backend.call('tasks.list', owner, officer))).map((t) => t.stage)).toEqual(['normal']);
    const done = await must(
      backend.call(
        'tasks.transition',
        { id: task.id, action: 'complete', completedOn: '2026-11-22', outcome: '已签还款协议' },
        officer,
      ),
    );
    expect(done).toMatchObject({ status: 'done', stage: 'done', allowedActions: ['reopen'] });
    expect(done.events.map((e) => e.action)).toEqual(['create', 'start', 'reschedule', 'complete']);
    const cancelDone = await backend.call('tasks.transition', { id: task.id, action: 'cancel', reason: 'x' }, officer);
    expect(cancelDone).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(
      (await must(backend.call('hazards.transition', { id: hazard.id, action: 'resolve', outcome: '结清' }, officer)))
        .status,
    ).toBe('resolved');
    expect(auditOf(setup, 'risk_task').map((a) => a.action)).toEqual([
      'tasks.create',
      'tasks.start',
      'tasks.reschedule',
      'tasks.complete',
    ]);
  });

  it('refuses tasks of a closed-out hazard and of an owner that does not exist', async () => {
    const { backend, officer, leader, hazard } = await setupWithHazard();
    await must(
      backend.call(
        'hazards.transition',
        {
          id: hazard.id,
          action: 'startResolving',
          responsibleLeaderId: LEADER,
          responsiblePersonId: RESPONSIBLE,
          measures: '走访',
        },
        officer,
      ),
    );
    await must(backend.call('hazards.transition', { id: hazard.id, action: 'resolve', outcome: '结清' }, officer));
    await must(backend.call('hazards.transition', { id: hazard.id, action: 'closeOut', evidence: '签收表' }, leader));
    const task = {
      ownerKind: 'hazard' as const,
      ownerId: hazard.id,
      title: '回访',
      unitId: TOWN_UNIT,
      dueDate: '2026-12-01',
    };
    expect(await backend.call('tasks.create', task, officer)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    const ghost = { ...task, ownerId: '01900000-0000-7000-8000-00000000dead' };
    expect(await backend.call('tasks.create', ghost, officer)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});

describe('region checks', () => {
  it('refuses a village of another township and a region that does not exist', async () => {
    const { backend, officer } = await setupWithHazard();
    const otherTownship = await backend.call('hazards.create', hazardDraft({ villageCode: '999901002001' }), officer);
    expect(otherTownship).toMatchObject({
      ok: false,
      error: { details: [{ path: 'villageCode', message: '所选“村/社区”不属于所选乡镇/街道。' }] },
    });
    const otherVillage = await backend.call(
      'hazards.create',
      hazardDraft({ villageCode: '999901001002', gridCode: '999901001001001' }),
      officer,
    );
    expect(otherVillage).toMatchObject({
      ok: false,
      error: { details: [{ path: 'gridCode', message: '所选“网格”不属于所选村/社区。' }] },
    });
    const ghostVillage = await backend.call(
      'hazards.create',
      hazardDraft({ villageCode: `${EAST.slice(0, 9)}009` }),
      officer,
    );
    expect(ghostVillage).toMatchObject({
      ok: false,
      error: { details: [{ path: 'villageCode', message: '所选村/社区不存在，请重新选择。' }] },
    });
  });
});
