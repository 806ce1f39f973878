import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { InputOf } from '../../shared/contract';
import type { ReportDocument } from '../../shared/domain/reports/document';
import { disputeMonthlySection, rankDisputeTownships } from '../../shared/domain/reports/disputes';
import { DISPUTE_REPORT_SQL } from '../../electron/backend/features/reports/dispute-facts';
import { intake, transition } from '../helpers/disputes';
import { BUREAU, EAST, must, petitionBackend, TOWN_UNIT, WEST } from '../helpers/petitions';

type Setup = Awaited<ReturnType<typeof petitionBackend>>;
type Step = Omit<InputOf<'disputes.transition'>, 'id'>;

/** A dispute taken in, then worked through `steps` (each dated where it says), as the officer. */
async function dispute(setup: Setup, over: Parameters<typeof intake>[0], steps: Step[] = []) {
  const { backend, officer } = setup;
  const created = await must(backend.call('disputes.create', intake({ villageCode: null, ...over }), officer));
  for (const step of steps) await transition(backend, officer, created.id, step);
  return created;
}

const route = (happenedOn: string, unitId = TOWN_UNIT, handlingKind: Step['handlingKind'] = 'people_mediation') =>
  ({ action: 'route', handlingKind, unitId, happenedOn }) as Step;
const mediate = { action: 'startMediation', coordination: 'single', mediator: '刘调解员' } as Step;
const settle = (happenedOn: string, over: Partial<Step> = {}) =>
  ({ action: 'settle', agreement: '双方达成协议', judicialConfirmation: 'no', happenedOn, ...over }) as Step;
const guide = { action: 'guide', legalPath: 'litigation', reason: '须经法院确认' } as Step;
const visit = (satisfaction: Step['satisfaction']) => ({ action: 'visit', satisfaction, visitNote: '已履行' }) as Step;

async function moveUp(setup: Setup, id: string) {
  await must(
    setup.backend.call(
      'disputes.transfer',
      { id, version: 1, toLevel: 'township', reason: '村里调解不了' },
      setup.officer,
    ),
  );
}

/** The report drafted, saved and fetched as a Word file; its body's text and its tables' count. */
async function asWord(setup: Setup, draft: ReportDocument) {
  const document = { ...draft, signer: '吴带班' };
  const saved = await must(setup.backend.call('reports.save', { document }, setup.officer));
  const file = await must(setup.backend.call('reports.docx', { id: saved.id }, setup.officer));
  const zip = await JSZip.loadAsync(Buffer.from(file.base64, 'base64'));
  const xml = await zip.file('word/document.xml')!.async('string');
  const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  return { text, tables: xml.match(/<w:tbl>/g)?.length ?? 0 };
}

/** Every part found in `text`, each after the one before. */
function expectInOrder(text: string, parts: string[]): void {
  let from = 0;
  for (const part of parts) {
    const at = text.indexOf(part, from);
    expect([part, at >= 0]).toEqual([part, true]);
    from = at + part.length;
  }
}

const draft = (setup: Setup, kind: ReportDocument['kind'], date?: string) =>
  must(setup.backend.call('reports.draft', { kind, ...(date ? { date } : {}) }, setup.officer));
const section = (report: ReportDocument) => report.sections.find((s) => s.heading === '矛盾纠纷多元化解')!;

describe('reports: the disputes’ section', () => {
  it('日报: today’s intake by channel, routed, concluded and settled, open and overdue; voided ones nowhere', async () => {
    const setup = await petitionBackend(); // today 2026-11-22
    await dispute(setup, { receivedOn: '2026-11-22', channel: 'visit' });
    await dispute(setup, { receivedOn: '2026-11-22', channel: 'visit' }, [route('2026-11-22')]);
    await dispute(setup, { receivedOn: '2026-11-22', channel: 'phone' }, [guide]);
    // 归口单位办理 15 days from 11-01: due 11-16, overdue today.
    await dispute(setup, { receivedOn: '2026-11-01', channel: 'grid' }, [route('2026-11-01', BUREAU, 'unit')]);
    await dispute(setup, { receivedOn: '2026-11-10' }, [route('2026-11-10'), mediate, settle('2026-11-22')]);
    const voided = await dispute(setup, { receivedOn: '2026-11-22', channel: 'letter' }, [route('2026-11-22')]);
    await must(setup.backend.call('disputes.void', { id: voided.id, version: 2, reason: '重复录入' }, setup.leader));

    const report = await draft(setup, 'daily');
    expect(report.sections.map((s) => s.heading)).toEqual([
      '总体情况',
      '研判情况',
      '交办与决策',
      '矛盾纠纷多元化解',
      '需关注事项',
    ]);
    expect(section(report)).toEqual({
      heading: '矛盾纠纷多元化解',
      paragraphs: [
        '今日受理矛盾纠纷 3 件（来访 2 件、来电 1 件）；分流 1 件，办结 2 件，其中调解成功（化解）1 件。',
        '在办矛盾纠纷 3 件，其中超过办理时限 1 件，请归口单位抓紧调处。',
      ],
    });
    const word = await asWord(setup, report);
    expectInOrder(word.text, [
      '三、交办与决策',
      '四、矛盾纠纷多元化解',
      '今日受理矛盾纠纷 3 件（来访 2 件、来电 1 件）；分流 1 件，办结 2 件，其中调解成功（化解）1 件。',
      '在办矛盾纠纷 3 件，其中超过办理时限 1 件，请归口单位抓紧调处。',
      '五、需关注事项',
    ]);
    // A day before anything arrived still has the open ones: not an empty day.
    const earlier = await draft(setup, 'daily', '2026-10-31');
    expect(section(earlier).paragraphs).toEqual([
      '今日未受理新的矛盾纠纷；分流 0 件，办结 0 件，其中调解成功（化解）0 件。',
      '在办矛盾纠纷 3 件，均在办理时限内。',
    ]);
  });

  it('周点评: the week’s intake, 化解率 and 上交率, top categories, overdue by unit at the week’s end', async () => {
    const setup = await petitionBackend();
    const steps = (resolved: string) => [route('2026-11-16'), mediate, settle(resolved)];
    await dispute(setup, { receivedOn: '2026-11-16', category: 'neighbour' }, steps('2026-11-20'));
    await dispute(setup, { receivedOn: '2026-11-16', category: 'neighbour' }, steps('2026-11-21'));
    const up = await dispute(setup, { receivedOn: '2026-11-18', category: 'contract', townshipCode: WEST });
    await moveUp(setup, up.id);
    await dispute(setup, { receivedOn: '2026-11-19', category: 'labour', townshipCode: WEST }, [
      route('2026-11-19', BUREAU, 'unit'),
    ]);
    await dispute(setup, { receivedOn: '2026-11-20', category: 'marriage_family' }, [guide]);
    // Taken in earlier: one still open past 11-04, one past 11-09 that was settled only on 11-20.
    await dispute(setup, { receivedOn: '2026-10-20' }, [route('2026-10-20', BUREAU, 'unit')]);
    await dispute(setup, { receivedOn: '2026-10-25' }, [
      route('2026-10-25', TOWN_UNIT, 'unit'),
      mediate,
      settle('2026-11-20'),
    ]);

    const report = await draft(setup, 'weekly'); // 2026-11-16 to 11-22
    expect(report.sections.map((s) => s.heading)).toEqual(['总体情况', '乡镇（街道）排名', '矛盾纠纷多元化解']);
    const paragraphs = [
      '本周受理矛盾纠纷 5 件，化解率 40.00%（化解数 2 件 ÷ 受理数 5 件）；上交率 20.00%（曾上交上级 1 件 ÷ 受理数 5 件）。',
      '本周受理较多的类别是邻里 2 件、合同 1 件、婚姻家庭 1 件，占本周受理数的 80.00%。',
      '期末超过办理时限未办结的矛盾纠纷 1 件：测试县信访局 1 件。请上述单位抓紧调处，逾期仍未办结的由中心督办。',
    ];
    expect(section(report).paragraphs).toEqual(paragraphs);
    expect(section(report).tables).toBeUndefined();
    const word = await asWord(setup, report);
    expectInOrder(word.text, ['二、乡镇（街道）排名', '三、矛盾纠纷多元化解', ...paragraphs, '本周各乡镇（街道）排名']);
    expect(word.tables).toBe(1);

    // The week before: nothing taken in, and at its end both earlier ones were overdue (as it stood then).
    const before = await draft(setup, 'weekly', '2026-11-15');
    expect(section(before).paragraphs).toEqual([
      '本周未受理矛盾纠纷。',
      '期末超过办理时限未办结的矛盾纠纷 2 件：测试县东镇人民政府 1 件、测试县信访局 1 件。' +
        '请上述单位抓紧调处，逾期仍未办结的由中心督办。',
    ]);
  });

  it('月通报: the month’s rates, 防止民转刑 件/人 and 群体性上访, townships ranked, tables by township and category', async () => {
    const setup = await petitionBackend();
    const mediated = (over: Partial<Step>, satisfaction: Step['satisfaction']) => [
      route('2026-10-07'),
      mediate,
      settle('2026-10-20', over),
      visit(satisfaction),
    ];
    await dispute(
      setup,
      { receivedOn: '2026-10-05', category: 'neighbour' },
      mediated({ preventedCriminal: true, preventedCriminalPeople: 3 }, 'satisfied'),
    );
    await dispute(
      setup,
      { receivedOn: '2026-10-06', category: 'neighbour' },
      mediated({ preventedCollective: true }, 'unsatisfied'),
    );
    await dispute(setup, { receivedOn: '2026-10-07', category: 'contract' }, [guide]);
    await dispute(setup, { receivedOn: '2026-10-08', category: 'labour', townshipCode: WEST }, [
      route('2026-10-08', BUREAU, 'unit'),
      mediate,
      { action: 'fail', legalPath: 'arbitration', reason: '双方分歧大', happenedOn: '2026-10-20' },
    ]);
    const up = await dispute(setup, { receivedOn: '2026-10-09', category: 'labour', townshipCode: WEST });
    await moveUp(setup, up.id);
    // November's count in November's bulletin only.
    await dispute(setup, { receivedOn: '2026-11-02', townshipCode: EAST });

    const report = await draft(setup, 'monthly', '2026-11-22'); // October
    const disputes = section(report);
    expect(disputes.paragraphs).toEqual([
      '本月受理矛盾纠纷 5 件，化解率 40.00%（化解数 2 件 ÷ 受理数 5 件）；办结率 80.00%（办结数 4 件 ÷ 受理数 5 件）；' +
        '回访满意率 50.00%（满意和基本满意 1 件 ÷ 已回访 2 件）；上交率 20.00%（曾上交上级 1 件 ÷ 受理数 5 件）。',
      '调解成功的矛盾纠纷中，防止民转刑 1 件 3 人，防止群体性上访 1 件。',
      '各乡镇（街道）按本月受理的矛盾纠纷化解率从高到低排列，相同的上交率低者在前，再相同的按办结率；' +
        '三项均相同的并列同一名次，并列者不拆开点名。排名靠前的是东镇、西街道。',
    ]);
    expect(disputes.tables).toEqual([
      {
        caption: '本月各乡镇（街道）矛盾纠纷化解情况',
        columns: ['排名', '乡镇（街道）', '受理', '化解', '化解率', '办结率', '回访满意率', '上交率'],
        rows: [
          ['1', '东镇', '3', '2', '66.67%', '100.00%', '50.00%', '0.00%'],
          ['2', '西街道', '2', '0', '0.00%', '50.00%', '—', '50.00%'],
        ],
      },
      {
        caption: '本月矛盾纠纷分类情况',
        columns: ['类别', '受理', '化解', '化解率', '办结率', '上交率'],
        rows: [
          ['劳动争议', '2', '0', '0.00%', '50.00%', '50.00%'],
          ['邻里', '2', '2', '100.00%', '100.00%', '0.00%'],
          ['合同', '1', '0', '0.00%', '100.00%', '0.00%'],
        ],
      },
    ]);
    const word = await asWord(setup, report);
    expectInOrder(word.text, [
      '三、矛盾纠纷多元化解',
      ...disputes.paragraphs,
      '本月各乡镇（街道）矛盾纠纷化解情况',
      '排名乡镇（街道）受理化解化解率办结率回访满意率上交率',
      '1东镇3266.67%100.00%50.00%0.00%',
      '2西街道200.00%50.00%—50.00%',
      '本月矛盾纠纷分类情况',
      '劳动争议200.00%50.00%50.00%',
      '本月各乡镇（街道）排名',
      '签发：',
    ]);
    expect(word.tables).toBe(3);
  });

  it('says 本期无矛盾纠纷 in each report of an empty period, with no table of zeros', async () => {
    const setup = await petitionBackend();
    for (const kind of ['daily', 'weekly', 'monthly'] as const) {
      const report = await draft(setup, kind);
      expect(section(report)).toEqual({ heading: '矛盾纠纷多元化解', paragraphs: ['本期无矛盾纠纷。'] });
      const word = await asWord(setup, report);
      expectInOrder(word.text, ['、矛盾纠纷多元化解', '本期无矛盾纠纷。']);
      expect(word.tables).toBe(1);
    }
  });

  it('reads the disputes through indexes, never a whole scan of the ledger', async () => {
    const { backend } = await petitionBackend();
    const params = { date: '2026-11-22', to: '2026-11-22' };
    const plans = DISPUTE_REPORT_SQL.flatMap((text) =>
      (backend.services.sql.db.prepare(`EXPLAIN QUERY PLAN ${text}`).all(params) as Array<{ detail: string }>).map(
        (row) => row.detail,
      ),
    );
    expect(plans.filter((detail) => /^SCAN disputes\b/.test(detail))).toEqual([]);
    // The days a step happened on, through migration 0025's indexes.
    expect(plans).toContain('SEARCH disputes USING COVERING INDEX disputes_routed (routed_on=? AND voided_at=?)');
    expect(plans).toContain('SEARCH disputes USING INDEX disputes_result (result_on>?)');
  });
});

describe('reports: the 月通报’s township ranking of disputes (hand-built facts)', () => {
  const figures = (settled: number, received: number, escalated: number) => {
    const none = { numerator: 0, denominator: 0, rate: null };
    const of = (n: number, d: number) => ({ numerator: n, denominator: d, rate: d ? n / d : null });
    return {
      resolution_rate: of(settled, received),
      closure_rate: of(settled, received),
      satisfaction_rate: none,
      escalation_rate: of(escalated, received),
      prevented_criminal: of(0, settled),
      prevented_collective: of(0, settled),
    };
  };
  const row = (key: string, label: string, settled: number, received: number, escalated = 0) => ({
    key,
    label,
    figures: figures(settled, received, escalated),
    preventedCriminalPeople: 0,
  });
  const facts = (byTownship: ReturnType<typeof row>[]) => ({
    figures: figures(3, 6, 0),
    preventedCriminalPeople: 0,
    byTownship,
    byCategory: [row('neighbour', '邻里', 3, 6)],
    townships: [1, 2, 3, 4, 5].map((n) => ({ code: `t${n}`, name: `${'一二三四五'[n - 1]}镇` })),
    overdueByUnit: [],
  });

  it('ranks by 化解率, then the lower 上交率; ties share a rank; townships without intake are named apart', () => {
    const ranked = rankDisputeTownships(
      facts([row('t1', '一镇', 1, 2, 1), row('t2', '二镇', 1, 2), row('t3', '三镇', 1, 1)]).byTownship,
    );
    expect(ranked.map(({ item, rank }) => [item.label, rank])).toEqual([
      ['三镇', 1],
      ['二镇', 2],
      ['一镇', 3],
    ]);
    const tied = disputeMonthlySection(facts([row('t1', '一镇', 1, 2), row('t2', '二镇', 2, 4)]));
    expect(tied.paragraphs[2]).toMatch(
      /三项均相同的并列同一名次，并列者不拆开点名。各乡镇（街道）三项均相同，并列第 1 名，不分先后。三镇、四镇、五镇本月未受理矛盾纠纷，不参加排名。$/,
    );
    const alone = disputeMonthlySection(facts([row('t2', '二镇', 1, 2)]));
    expect(alone.paragraphs[2]).toBe('本月仅二镇受理矛盾纠纷，不作排名。');
    expect(tied.tables![0]!.rows.map((r) => r.slice(0, 2))).toEqual([
      ['1', '一镇'],
      ['1', '二镇'],
    ]);
  });
});
