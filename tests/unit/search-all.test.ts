import { describe, expect, it } from 'vitest';
import type { SearchGroup } from '../../shared/contract/search';
import { signInAs, signInWith, AUDITOR } from '../helpers/backend';
import { assessmentInput } from '../helpers/assessments';
import { intake } from '../helpers/disputes';
import { hazardDraft, seedBoundary } from '../helpers/hazards';
import { EAST, must, petitionBackend, registration, WEST } from '../helpers/petitions';

type Setup = Awaited<ReturnType<typeof petitionBackend>>;
type Client = Setup['officer'];

/** A case, a hazard, an assessment and a dispute in 东镇 naming 工资, and a case in 西镇 naming it too. */
async function ledgersNamingWages(setup: Setup) {
  const { backend, officer } = setup;
  seedBoundary(backend);
  const east = await must(backend.call('petitions.create', registration({ separateCase: true }), officer));
  const west = await must(
    backend.call(
      'petitions.create',
      registration({
        townshipCode: WEST,
        summary: '反映物流园拖欠装卸工工资',
        petitioners: [{ name: '欧阳春花', idNumber: null, phone: '13700001234', address: null }],
        separateCase: true,
      }),
      officer,
    ),
  );
  const hazard = await must(backend.call('hazards.create', hazardDraft(), officer));
  const assessment = await must(
    backend.call(
      'assessments.create',
      assessmentInput({ matter: '东镇农民工工资专户推行', description: '涉及全镇在建工地' }),
      officer,
    ),
  );
  const dispute = await must(
    backend.call('disputes.create', intake({ category: 'labour', summary: '装修工人追讨工资' }), officer),
  );
  return { east: east.petition, west: west.petition, hazard, assessment, dispute };
}

const search = (setup: Setup, client: Client, keyword: string, limit?: number) =>
  setup.backend.call('search.all', { keyword, ...(limit ? { limit } : {}) }, client);

const groupsOf = async (setup: Setup, client: Client, keyword: string, limit?: number) =>
  (await must(search(setup, client, keyword, limit))).groups;

/** Each group as ledger → [total, the numbers shown]. */
const summary = (groups: SearchGroup[]) =>
  Object.fromEntries(groups.map((g) => [g.ledger, [g.total, g.items.map((item) => item.number)]]));

describe('search.all: one search box across the ledgers', () => {
  it('groups the matches by ledger, newest first, a few each with the total', async () => {
    const setup = await petitionBackend();
    const { east, west, hazard, assessment, dispute } = await ledgersNamingWages(setup);

    const groups = await groupsOf(setup, setup.officer, '工资');
    expect(groups.map((g) => [g.ledger, g.title])).toEqual([
      ['petition', '信访积案'],
      ['hazard', '风险隐患'],
      ['assessment', '稳评'],
      ['dispute', '矛盾纠纷'],
    ]);
    expect(summary(groups)).toEqual({
      petition: [2, [west.caseNo, east.caseNo]],
      hazard: [1, [hazard.hazardNo]],
      assessment: [1, [assessment.assessmentNo]],
      dispute: [1, [dispute.disputeNo]],
    });
    // The limit cuts the rows shown, not the total.
    expect(summary(await groupsOf(setup, setup.officer, '工资', 1)).petition).toEqual([2, [west.caseNo]]);
    // A group with no match stays, at zero.
    expect(summary(await groupsOf(setup, setup.officer, '物流园'))).toEqual({
      petition: [1, [west.caseNo]],
      hazard: [0, []],
      assessment: [0, []],
      dispute: [0, []],
    });
  });

  it('finds a case by a petitioner’s surname and shows every name masked, never in clear', async () => {
    const setup = await petitionBackend();
    const { east, west } = await ledgersNamingWages(setup);

    const [cases] = await groupsOf(setup, setup.officer, '欧阳');
    expect(cases?.items).toEqual([
      { id: west.id, number: west.caseNo, title: '反映物流园拖欠装卸工工资', excerpt: null, people: ['欧阳**'] },
    ]);
    const byFullName = (await groupsOf(setup, setup.officer, '王建国'))[0];
    expect(byFullName?.items.map((item) => [item.number, item.people])).toEqual([[east.caseNo, ['王*国']]]);
    expect(JSON.stringify(byFullName)).not.toContain('王建国');
  });

  it('matches a case number exactly or by its start, through the number', async () => {
    const setup = await petitionBackend();
    const { east, west } = await ledgersNamingWages(setup);

    expect(summary(await groupsOf(setup, setup.officer, east.caseNo)).petition).toEqual([1, [east.caseNo]]);
    // Lower case is the same number; a prefix finds every case it starts, the newest first.
    const prefix = east.caseNo.slice(0, -1).toLowerCase();
    expect(summary(await groupsOf(setup, setup.officer, prefix)).petition).toEqual([2, [west.caseNo, east.caseNo]]);
    // The middle of a number is looked up in the keyword index, which holds the numbers too.
    expect(summary(await groupsOf(setup, setup.officer, 'F2026-00000')).petition).toEqual([2, expect.any(Array)]);
    expect(summary(await groupsOf(setup, setup.officer, 'XF2025')).petition).toEqual([0, []]);
  });

  it('shows where a hazard’s description matched when its title does not', async () => {
    const setup = await petitionBackend();
    const { hazard } = await ledgersNamingWages(setup);
    const [, hazards] = await groupsOf(setup, setup.officer, '讨薪');
    expect(hazards?.items).toEqual([
      {
        id: hazard.id,
        number: hazard.hazardNo,
        title: '某建筑工地拖欠农民工工资',
        excerpt: '工地停工，工人聚集讨薪',
        people: ['赵*勇'],
      },
    ]);
  });

  it('leaves voided records out', async () => {
    const setup = await petitionBackend();
    const { east, west } = await ledgersNamingWages(setup);
    await must(setup.backend.call('petitions.void', { id: east.id, version: 1, reason: '重复登记' }, setup.leader));
    expect(summary(await groupsOf(setup, setup.officer, '工资')).petition).toEqual([1, [west.caseNo]]);
    expect(summary(await groupsOf(setup, setup.officer, east.caseNo)).petition).toEqual([0, []]);
  });

  it('answers each role only for the ledgers it may read, and a township account within its township', async () => {
    const setup = await petitionBackend();
    const { east, hazard, assessment, dispute } = await ledgersNamingWages(setup);
    const { backend, admin } = setup;

    // The leader reads every ledger.
    expect((await groupsOf(setup, setup.leader, '工资')).map((g) => g.total)).toEqual([2, 1, 1, 1]);
    // The administrator and the auditor read none: the box answers with no group.
    expect(await groupsOf(setup, admin, '工资')).toEqual([]);
    const auditor = await signInWith(backend, AUDITOR);
    expect(await groupsOf(setup, auditor, '工资')).toEqual([]);

    const eastOfficer = (await signInAs(backend, admin, ['duty_officer'], EAST)).client;
    expect(summary(await groupsOf(setup, eastOfficer, '工资'))).toEqual({
      petition: [1, [east.caseNo]],
      hazard: [1, [hazard.hazardNo]],
      assessment: [1, [assessment.assessmentNo]],
      dispute: [1, [dispute.disputeNo]],
    });
    const westOfficer = (await signInAs(backend, admin, ['duty_officer'], WEST)).client;
    expect(summary(await groupsOf(setup, westOfficer, '工资'))).toEqual({
      petition: [1, [expect.stringMatching(/^XF2026-/)]],
      hazard: [0, []],
      assessment: [0, []],
      dispute: [0, []],
    });
    expect(summary(await groupsOf(setup, westOfficer, east.caseNo)).petition).toEqual([0, []]);
  });

  it('refuses a control character, an over-long or an empty keyword as VALIDATION', async () => {
    const setup = await petitionBackend();
    for (const keyword of ['工\u0007资', '长'.repeat(51), '  ']) {
      const result = await search(setup, setup.officer, keyword);
      expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      if (!result.ok) expect(result.error.details?.[0]?.path).toBe('keyword');
    }
  });
});
