import { describe, expect, it, vi } from 'vitest';
import { signInAs } from '../helpers/backend';
import { EAST, LEADER, must, PETITIONER, petitionBackend, registration, TOWN_UNIT, WEST } from '../helpers/petitions';

type Setup = Awaited<ReturnType<typeof petitionBackend>>;

/** `n` cases written straight into the tables: case i received 2026-01-(i+1), petitioned i+1 times. */
function bulk(setup: Setup, n: number) {
  const db = setup.backend.services.sql.db;
  const creator = db.prepare("SELECT id FROM users WHERE username = 'admin'").pluck().get() as string;
  const insert = db.prepare(`INSERT INTO petitions (id, case_no, category, township_code, summary, first_petition_date,
    received_date, petition_count, status, due_date, created_by, created_at, updated_at)
    VALUES (@id, @caseNo, @category, @township, @summary, '2026-01-01', @received, @count, 'found', @due, @creator, 't', 't')`);
  for (let i = 0; i < n; i += 1) {
    const day = new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10);
    insert.run({
      id: `01900000-0000-7000-8000-${String(i).padStart(12, '0')}`,
      caseNo: `XF2025-${String(i + 1).padStart(6, '0')}`,
      category: i % 2 ? 'environment' : 'education',
      township: i % 3 ? EAST : WEST,
      summary: `批量积案第${i}号`,
      received: day,
      count: i + 1,
      due: i % 4 === 0 ? null : day,
      creator,
    });
  }
}

describe('petitions: repeat petitions are linked, not duplicated', () => {
  it('links by ID number: count up, level raised, a repeat event, no new case', async () => {
    const setup = await petitionBackend();
    const first = await must(setup.backend.call('petitions.create', registration(), setup.officer));
    expect(first.linked).toBe(false);
    const again = await must(
      setup.backend.call(
        'petitions.create',
        registration({
          highestLevel: 'province',
          receivedDate: '2026-11-21',
          petitioners: [{ ...PETITIONER, name: '王建囯', phone: null, idNumber: PETITIONER.idNumber.toLowerCase() }],
        }),
        setup.officer,
      ),
    );
    expect(again).toMatchObject({
      linked: true,
      petition: { id: first.petition.id, petitionCount: 2, highestLevel: 'province' },
    });
    expect(again.petition.events.at(-1)).toMatchObject({ kind: 'repeat' });
    const lower = await must(
      setup.backend.call('petitions.create', registration({ highestLevel: 'city' }), setup.officer),
    );
    expect(lower.petition).toMatchObject({ petitionCount: 3, highestLevel: 'province' });
    expect((await must(setup.backend.call('petitions.list', {}, setup.officer))).total).toBe(1);
  });

  it('links by name and phone when there is no ID number; separateCase registers a new case', async () => {
    const setup = await petitionBackend();
    const noId = { name: '赵六', idNumber: null, phone: '13900001111', address: null };
    const first = await must(
      setup.backend.call('petitions.create', registration({ petitioners: [noId] }), setup.officer),
    );
    const otherPhone = await must(
      setup.backend.call(
        'petitions.create',
        registration({ petitioners: [{ ...noId, phone: '13900002222' }] }),
        setup.officer,
      ),
    );
    expect(otherPhone.linked).toBe(false);
    const same = await must(
      setup.backend.call('petitions.create', registration({ petitioners: [noId] }), setup.officer),
    );
    expect(same).toMatchObject({ linked: true, petition: { id: first.petition.id, petitionCount: 2 } });
    const separate = await must(
      setup.backend.call('petitions.create', registration({ petitioners: [noId], separateCase: true }), setup.officer),
    );
    expect(separate.linked).toBe(false);
    expect(separate.petition.caseNo).toBe('XF2026-000003');
  });

  it('validates petitioners: 1..50, ID number and phone formats', async () => {
    const setup = await petitionBackend();
    const bad = await setup.backend.call(
      'petitions.create',
      registration({ petitioners: [{ name: '甲', idNumber: '41010219800101123', phone: '12345' }] }),
      setup.officer,
    );
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(!bad.ok && bad.error.details!.map((d) => d.path).sort()).toEqual([
      'petitioners.0.idNumber',
      'petitioners.0.phone',
    ]);
    const none = await setup.backend.call('petitions.create', registration({ petitioners: [] }), setup.officer);
    expect(none).toMatchObject({ ok: false, error: { details: [{ path: 'petitioners' }] } });
    const village = await setup.backend.call(
      'petitions.create',
      registration({ townshipCode: '999901001001' }),
      setup.officer,
    );
    expect(village).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});

describe('petitions: region scope', () => {
  it('keeps a township officer to their township on list, get, change and registration', async () => {
    const setup = await petitionBackend();
    const east = await must(setup.backend.call('petitions.create', registration(), setup.officer));
    const west = await must(
      setup.backend.call(
        'petitions.create',
        registration({ townshipCode: WEST, petitioners: [{ name: '钱七', phone: '13700000000' }] }),
        setup.officer,
      ),
    );
    const westOfficer = (await signInAs(setup.backend, setup.admin, ['duty_officer'], WEST)).client;
    const listed = await must(setup.backend.call('petitions.list', {}, westOfficer));
    expect(listed.items.map((r) => r.id)).toEqual([west.petition.id]);
    expect(await setup.backend.call('petitions.get', { id: east.petition.id }, westOfficer)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(
      await setup.backend.call(
        'petitions.transition',
        { id: east.petition.id, action: 'classify', itemType: 'appeal', category: 'other' },
        westOfficer,
      ),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(
      await setup.backend.call('petitions.create', registration({ separateCase: true }), westOfficer),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', details: [{ path: 'townshipCode' }] },
    });
    // The same petitioner coming to the west township does not touch the east case.
    const there = await must(setup.backend.call('petitions.create', registration({ townshipCode: WEST }), westOfficer));
    expect(there.linked).toBe(false);
    expect(
      (await must(setup.backend.call('petitions.get', { id: east.petition.id }, setup.officer))).petitionCount,
    ).toBe(1);
  });
});

describe('petitions: keyword search', () => {
  it('finds keywords of any length through the trigram index, never across two names, wildcards literal', async () => {
    const setup = await petitionBackend();
    const call = (keyword: string) => must(setup.backend.call('petitions.list', { keyword }, setup.officer));
    await must(
      setup.backend.call('petitions.create', registration({ summary: '反映征地补偿款100%未发放' }), setup.officer),
    );
    await must(
      setup.backend.call(
        'petitions.create',
        registration({ summary: '学校食堂卫生问题', petitioners: [{ name: '欧阳明华', phone: '13700000001' }] }),
        setup.officer,
      ),
    );
    await must(
      setup.backend.call(
        'petitions.create',
        registration({ summary: '补偿标准_疑问', petitioners: [{ name: '孙八', phone: '13700000002' }] }),
        setup.officer,
      ),
    );
    const summaries = async (k: string) => (await call(k)).items.map((r) => r.summary).sort();
    expect(await summaries('补偿款')).toEqual(['反映征地补偿款100%未发放']);
    expect(await summaries('欧阳明')).toEqual(['学校食堂卫生问题']);
    expect(await summaries('补偿')).toEqual(['反映征地补偿款100%未发放', '补偿标准_疑问']);
    expect(await summaries('欧阳')).toEqual(['学校食堂卫生问题']);
    expect(await summaries('0%')).toEqual(['反映征地补偿款100%未发放']);
    expect(await summaries('%')).toEqual(['反映征地补偿款100%未发放']);
    expect(await summaries('_')).toEqual(['补偿标准_疑问']);
    expect(await summaries('准_疑')).toEqual(['补偿标准_疑问']);
    expect(await summaries('"补偿')).toEqual([]);
    expect(await summaries('XF2026-000002')).toEqual(['学校食堂卫生问题']);
    expect(await summaries('000003')).toEqual(['补偿标准_疑问']);
    expect(await summaries('欧')).toEqual(['学校食堂卫生问题']);
    expect(await summaries('孙')).toEqual(['补偿标准_疑问']);
    expect(await summaries('补 偿 款')).toEqual(['反映征地补偿款100%未发放']);
    await must(
      setup.backend.call(
        'petitions.create',
        registration({
          summary: '两人联名反映',
          petitioners: [
            { name: '王一', phone: '13700000003' },
            { name: '李二', phone: '13700000004' },
          ],
        }),
        setup.officer,
      ),
    );
    expect(await summaries('李二')).toEqual(['两人联名反映']);
    expect(await summaries('一李')).toEqual([]);
  });
});

describe('petitions: filters, sorts and pages', () => {
  it('filters by township, category, status, stage and received range; sorts both ways; pages deep', async () => {
    const setup = await petitionBackend();
    bulk(setup, 45);
    const list = (input: object) => must(setup.backend.call('petitions.list', input, setup.officer));
    expect((await list({})).total).toBe(45);
    expect((await list({ townshipCode: WEST })).total).toBe(15);
    expect((await list({ category: 'education' })).total).toBe(23);
    expect((await list({ receivedFrom: '2026-01-10', receivedTo: '2026-01-19' })).total).toBe(10);
    expect((await list({ status: 'classified' })).total).toBe(0);
    // Today 2026-11-22: every dated case is overdue, the 12 without a due date have no stage.
    expect((await list({ stage: 'overdue' })).total).toBe(33);
    const byCount = await list({ sort: 'petitionCount', direction: 'desc', pageSize: 10, page: 5 });
    expect(byCount.items.map((r) => r.petitionCount)).toEqual([5, 4, 3, 2, 1]);
    const asc = await list({ sort: 'caseNo', direction: 'asc', pageSize: 20, page: 3 });
    expect(asc.items.map((r) => r.caseNo)).toEqual([
      'XF2025-000041',
      'XF2025-000042',
      'XF2025-000043',
      'XF2025-000044',
      'XF2025-000045',
    ]);
    const due = await list({ sort: 'dueDate', direction: 'desc', pageSize: 200 });
    expect(due.items.slice(0, 2).map((r) => r.dueDate)).toEqual(['2026-02-13', '2026-02-12']);
    expect(due.items.slice(-12).every((r) => r.dueDate === null)).toBe(true);
    const received = await list({ sort: 'receivedDate', direction: 'asc', pageSize: 3 });
    expect(received.items.map((r) => r.receivedDate)).toEqual(['2026-01-01', '2026-01-02', '2026-01-03']);
    expect(await list({ page: 100 })).toMatchObject({ items: [], total: 45 });
  });

  it('pages a list through one prepared statement: each page its own rows, in order, none twice', async () => {
    const setup = await petitionBackend();
    bulk(setup, 45);
    const list = (input: object) =>
      must(setup.backend.call('petitions.list', { sort: 'caseNo', direction: 'asc', ...input }, setup.officer));
    const whole = (await list({ pageSize: 100 })).items.map((r) => r.caseNo);
    const first = (await list({ pageSize: 10 })).items.map((r) => r.caseNo);
    // Pages never asked for before: the offset is bound, so none prepares a statement of its own.
    const prepare = vi.spyOn(setup.backend.services.sql.db, 'prepare');
    const rest = [];
    for (const page of [2, 3, 4, 5]) rest.push(...(await list({ pageSize: 10, page })).items.map((r) => r.caseNo));
    expect(prepare).not.toHaveBeenCalled();
    expect([...first, ...rest]).toEqual(whole);
    expect(whole).toHaveLength(45);
  });

  it('filters by unit and leader once assigned', async () => {
    const setup = await petitionBackend();
    const { petition } = await must(setup.backend.call('petitions.create', registration(), setup.officer));
    await must(
      setup.backend.call(
        'petitions.transition',
        { id: petition.id, action: 'classify', itemType: 'suggestion', category: 'other' },
        setup.officer,
      ),
    );
    await must(
      setup.backend.call(
        'petitions.transition',
        {
          id: petition.id,
          action: 'assign',
          handlingUnitId: TOWN_UNIT,
          responsibleLeaderId: LEADER,
          dueDate: '2026-11-24',
        },
        setup.officer,
      ),
    );
    const list = (input: object) => must(setup.backend.call('petitions.list', input, setup.officer));
    expect(
      (await list({ handlingUnitId: TOWN_UNIT, leaderId: LEADER, itemType: 'suggestion', stage: 'due_soon' })).total,
    ).toBe(1);
    expect((await list({ leaderId: TOWN_UNIT })).total).toBe(0);
  });
});

describe('petitions: personal data', () => {
  it('masks petitioners in list and detail; a reveal gives the value and is audited without it', async () => {
    const setup = await petitionBackend();
    const { petition } = await must(setup.backend.call('petitions.create', registration(), setup.officer));
    const row = (await must(setup.backend.call('petitions.list', {}, setup.officer))).items[0]!;
    expect(row.petitionerNames).toEqual(['王*国']);
    expect(JSON.stringify(row)).not.toMatch(/13812345678|410102198001191234|王建国/);
    expect(petition.petitioners).toEqual([
      {
        id: expect.any(String),
        nameMasked: '王*国',
        idNumberMasked: '410***********1234',
        phoneMasked: '138****5678',
        addressMasked: '测试县东镇东****',
        isPrimary: true,
      },
    ]);
    const detail = await must(setup.backend.call('petitions.get', { id: petition.id }, setup.officer));
    expect(JSON.stringify(detail)).not.toMatch(/13812345678|410102198001191234|王建国/);
    const pid = petition.petitioners[0]!.id;
    const revealed = await must(
      setup.backend.call(
        'personal.reveal',
        { entity: 'petitioner', id: pid, field: 'idNumber', reason: '核实身份信息' },
        setup.officer,
      ),
    );
    expect(revealed.value).toBe(PETITIONER.idNumber);
    const audit = setup.backend.services.sql.db
      .prepare("SELECT * FROM audit_log WHERE action = 'personal.reveal'")
      .all();
    expect(audit).toMatchObject([
      { entity: 'petitioner', entity_id: pid, fields: '["idNumber"]', detail: '原因：核实身份信息' },
    ]);
    expect(JSON.stringify(audit)).not.toContain(PETITIONER.idNumber);
    const westOfficer = (await signInAs(setup.backend, setup.admin, ['duty_officer'], WEST)).client;
    expect(
      await setup.backend.call(
        'personal.reveal',
        { entity: 'petitioner', id: pid, field: 'phone', reason: '核实身份信息' },
        westOfficer,
      ),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(
      await setup.backend.call(
        'personal.reveal',
        { entity: 'user', id: pid, field: 'idNumber', reason: '核实身份信息' },
        setup.officer,
      ),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});
