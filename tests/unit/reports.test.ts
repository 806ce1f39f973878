import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { signInAs } from '../helpers/backend';
import { assessmentBackend, assessmentInput, submitted } from '../helpers/assessments';
import { EAST, must, petitionBackend, registration, WEST } from '../helpers/petitions';

type Setup = Awaited<ReturnType<typeof petitionBackend>>;

/** Two cases registered on the report's day (2026-11-22), one the day before; no hazards yet. */
async function aDay(setup: Setup) {
  for (const [summary, receivedDate] of [
    ['反映工地拖欠工资问题', '2026-11-22'],
    ['反映邻里纠纷', '2026-11-22'],
    ['反映道路积水', '2026-11-21'],
  ] as const) {
    await must(
      setup.backend.call(
        'petitions.create',
        registration({ summary, receivedDate, separateCase: true, petitioners: [{ name: '张三', phone: null }] }),
        setup.officer,
      ),
    );
  }
}

describe('reports: the daily report', () => {
  it('drafts today’s report from the ledgers with exact numbers, numbered as the year’s next issue', async () => {
    const setup = await petitionBackend();
    await aDay(setup);
    const draft = await must(setup.backend.call('reports.draft', {}, setup.officer));
    expect(draft).toMatchObject({ kind: 'daily', date: '2026-11-22', issueNo: '第 1 期', masthead: '综治工作日报' });
    expect(draft.issuer).toBe('测试县社会治理综合服务中心');
    // Drafted by default by the signed-in officer.
    const me = await must(setup.backend.call('auth.me', {}, setup.officer));
    expect(draft.drafter).toBe(me.displayName);
    expect(draft.drafter).toMatch(/^测试用户\d+$/);
    expect(draft.sections[0]!.paragraphs[0]).toBe(
      '今日新登记信访积案 2 件，化解 0 件，销号 0 件；在办积案 3 件，其中超期 0 件、临期 0 件。',
    );
    // Nothing is due yet: 办结率 has nothing to divide; none of the 3 cases is resolved.
    expect(draft.sections[0]!.paragraphs[1]).toBe(
      '截至今日，全县积案办结率 —（已办结积案数 0 件 ÷ 应办结积案数 0 件）；化解率 0.00%（已化解积案数 0 件 ÷ 积案总数 3 件）。',
    );
    expect(draft.sections[0]!.paragraphs[2]).toBe(
      '今日新发现风险隐患 0 处，化解 0 处，调升等级 0 处；在办风险隐患 0 处。',
    );
    expect(draft.figures.rows[0]).toEqual(['信访积案', '2', '3']);
    const earlier = await must(setup.backend.call('reports.draft', { date: '2026-11-21' }, setup.officer));
    expect(earlier.figures.rows[0]).toEqual(['信访积案', '1', '3']);
    // Signed by default by the day's 带班领导 on the 值班表, once there is one.
    expect(draft.signer).toBe('');
    const roster = { date: '2026-11-22', entries: [{ role: 'leader' as const, name: '吴带班' }] };
    await must(setup.backend.call('duty.save', roster, setup.officer));
    expect((await must(setup.backend.call('reports.draft', {}, setup.officer))).signer).toBe('吴带班');
  });

  it('counts the day’s stability assessments: registered, not yet decided, awaiting the decision', async () => {
    const setup = await assessmentBackend();
    await must(
      setup.backend.call('assessments.create', assessmentInput({ registeredOn: '2026-11-22' }), setup.officer),
    );
    await must(
      setup.backend.call('assessments.create', assessmentInput({ registeredOn: '2026-11-02' }), setup.officer),
    );
    await submitted(setup, { registeredOn: '2026-11-01' });
    const draft = await must(setup.backend.call('reports.draft', {}, setup.officer));
    expect(draft.sections[0]!.paragraphs[3]).toBe(
      '今日稳评立项 1 件、作出决策 0 件；尚未决策的稳评 3 件，其中待决策 1 件。',
    );
    expect(draft.figures.rows.filter((row) => row[0]!.includes('稳评'))).toEqual([
      ['稳评立项', '1', '3'],
      ['稳评决策', '0', '—'],
      ['待决策稳评', '—', '1'],
    ]);
  });

  it('saves the edited text, lists it, serves it as Word, audited; the next draft is issue 2', async () => {
    const setup = await petitionBackend();
    await aDay(setup);
    const draft = await must(setup.backend.call('reports.draft', {}, setup.officer));
    const edited = {
      ...draft,
      signer: '刘带班',
      sections: [
        { heading: '总体情况', paragraphs: ['今日全县总体平稳，值班员补充说明。'] },
        ...draft.sections.slice(1),
      ],
    };
    const saved = await must(setup.backend.call('reports.save', { document: edited }, setup.officer));
    expect(saved).toMatchObject({ kind: 'daily', date: '2026-11-22', issueNo: '第 1 期' });
    const list = await must(setup.backend.call('reports.list', {}, setup.leader));
    expect(list.items.map((r) => r.id)).toEqual([saved.id]);
    expect((await must(setup.backend.call('reports.get', { id: saved.id }, setup.leader))).document).toEqual(edited);
    const file = await must(setup.backend.call('reports.docx', { id: saved.id }, setup.leader));
    expect(file.fileName).toBe('2026年11月22日社会稳定形势日报（第 1 期）.docx');
    const xml = await (
      await JSZip.loadAsync(Buffer.from(file.base64, 'base64'))
    )
      .file('word/document.xml')!
      .async('string');
    expect(xml).toContain('今日全县总体平稳，值班员补充说明。');
    expect(xml).toContain('签发：刘带班');
    const audit = setup.backend.services.sql.db
      .prepare("SELECT action, entity_id FROM audit_log WHERE entity = 'report'")
      .all();
    expect(audit).toEqual([{ action: 'reports.save', entity_id: saved.id }]);
    expect((await must(setup.backend.call('reports.draft', {}, setup.officer))).issueNo).toBe('第 2 期');
  });

  it('drafts the weekly review with the townships ranked over the seven days to the day', async () => {
    const setup = await petitionBackend();
    await aDay(setup);
    const weekly = await must(
      setup.backend.call('reports.draft', { kind: 'weekly', date: '2026-11-22' }, setup.officer),
    );
    expect(weekly).toMatchObject({ kind: 'weekly', masthead: '综治工作周点评', issueNo: '第 1 期' });
    expect(weekly.title).toBe('2026年11月16日至2026年11月22日综治工作点评');
    expect(weekly.figures.rows).toEqual([
      ['1', '东镇', '3', '0', '0.00%', '0', '0', '—', '0'],
      ['2', '西街道', '0', '0', '—', '0', '0', '—', '0'],
    ]);
    const lastWeek = await must(
      setup.backend.call('reports.draft', { kind: 'weekly', date: '2026-11-15' }, setup.officer),
    );
    expect(lastWeek.figures.rows[0]).toEqual(['1', '东镇', '0', '0', '—', '0', '0', '—', '0']);
  });

  it('prints tied townships of the 月通报 at one rank in the Word file, naming nobody 靠后', async () => {
    const setup = await petitionBackend();
    // One case each in October, none resolved: 0 of 1 in both townships, a tie.
    for (const townshipCode of [EAST, WEST]) {
      await must(
        setup.backend.call(
          'petitions.create',
          registration({ townshipCode, receivedDate: '2026-10-12', separateCase: true }),
          setup.officer,
        ),
      );
    }
    const monthly = await must(
      setup.backend.call('reports.draft', { kind: 'monthly', date: '2026-11-22' }, setup.officer),
    );
    const saved = await must(
      setup.backend.call('reports.save', { document: { ...monthly, signer: '刘带班' } }, setup.officer),
    );
    const file = await must(setup.backend.call('reports.docx', { id: saved.id }, setup.leader));
    const xml = await (
      await JSZip.loadAsync(Buffer.from(file.base64, 'base64'))
    )
      .file('word/document.xml')!
      .async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('本月各乡镇（街道）积案化解率、隐患化解率和超期积案均相同，并列第 1 名，不分先后。');
    expect(text).not.toContain('靠后');
    // The cases' 化解率 and the hazards' 隐患化解率 apart in the Word file, each with what it divides.
    expect(text).toContain(
      '本月积案化解率 0.00%（期内化解的积案数 0 件 ÷ 期内在办积案数 2 件）；' +
        '隐患化解率 —（期内化解的隐患数 0 处 ÷ 期内在办隐患数 0 处）',
    );
    // Each row of the figures table: rank, name, …, rate; both townships first.
    const rows = [...xml.matchAll(/<w:tr[ >].*?<\/w:tr>/g)].map((row) =>
      [...row[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((cell) => cell[1]),
    );
    expect(rows.filter((cells) => ['东镇', '西街道'].includes(cells[1]!))).toEqual([
      ['1', '东镇', '1', '0', '0.00%', '0', '0', '—', '0'],
      ['1', '西街道', '1', '0', '0.00%', '0', '0', '—', '0'],
    ]);
  });

  it('refuses an empty section by field, saving nothing; leaders read but do not compile; townships may not', async () => {
    const setup = await petitionBackend();
    const draft = await must(setup.backend.call('reports.draft', {}, setup.officer));
    const bad = await setup.backend.call(
      'reports.save',
      { document: { ...draft, sections: [{ heading: '', paragraphs: ['x'] }] } },
      setup.officer,
    );
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(JSON.stringify(bad)).toContain('小标题不能为空');
    expect((await must(setup.backend.call('reports.list', {}, setup.officer))).total).toBe(0);
    expect(await setup.backend.call('reports.draft', {}, setup.leader)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const township = await signInAs(setup.backend, setup.admin, ['duty_officer'], EAST);
    const refused = await setup.backend.call('reports.draft', {}, township.client);
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
