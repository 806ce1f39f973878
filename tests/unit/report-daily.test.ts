import { describe, expect, it } from 'vitest';
import { resultOf } from '../../shared/domain/ledger/figures';
import { dailyReport, type DailyFacts } from '../../shared/domain/reports/daily';
import { periodOf, periodReport, rankTownships, type TownshipPeriod } from '../../shared/domain/reports/period';

const META = { issuer: '青禾县社会治理综合服务中心', issueNo: '第 5 期', signer: '刘带班', drafter: '王值班' };

// A hand-built day: 2 cases registered, 1 resolved; 3 hazards found (1 red, 2 yellow), one raised;
// 1 assessment registered and 1 decided, 6 not yet decided of which 2 await the decision; the
// published 办结率 (3,783 of 4,346) and a 化解率 at an exact half (57/800 = 7.125%).
const DAY: DailyFacts = {
  date: '2026-11-22',
  petitions: {
    registered: 2,
    resolved: 1,
    closed: 0,
    open: 14,
    overdue: 3,
    dueSoon: 2,
    conclusion: resultOf(3783, 4346),
    resolution: resultOf(57, 800),
  },
  hazards: {
    found: { red: 1, orange: 0, yellow: 2, blue: 0 },
    raised: 1,
    resolved: 0,
    open: { red: 2, orange: 1, yellow: 5, blue: 4 },
  },
  notes: [
    { hazardNo: 'FX2026-000007', title: '南关街道某工地欠薪', content: '涉及 40 人，情绪激动，建议调升为红色。' },
    { hazardNo: 'FX2026-000009', title: '东镇土地纠纷', content: '双方同意调解。' },
  ],
  assessments: { registered: 1, undecided: 6, pendingDecision: 2 },
  assigned: [{ title: '督促支付拖欠工资', unitName: '青禾县人力资源和社会保障局', dueDate: '2026-11-25' }],
  decisions: [{ title: '城东片区旧改项目', decision: '暂缓实施' }],
  tasks: { completed: 4, overdue: 2, dueSoon: 1 },
};

describe('the daily report from a hand-built day', () => {
  const report = dailyReport(DAY, META);

  it('states the day’s numbers exactly, with the colours of the hazards', () => {
    expect(report.title).toBe('2026年11月22日社会稳定形势日报');
    expect(report.sections.map((s) => s.heading)).toEqual(['总体情况', '研判情况', '交办与决策', '需关注事项']);
    expect(report.sections[0]!.paragraphs).toEqual([
      '今日新登记信访积案 2 件，化解 1 件，销号 0 件；在办积案 14 件，其中超期 3 件、临期 2 件。',
      '截至今日，全县积案办结率 87.05%（已办结积案数 3,783 件 ÷ 应办结积案数 4,346 件）；' +
        '化解率 7.13%（已化解积案数 57 件 ÷ 积案总数 800 件）。',
      '今日新发现风险隐患 3 处（红色 1、黄色 2），化解 0 处，调升等级 1 处；在办风险隐患 12 处（红色 2、橙色 1、黄色 5、蓝色 4）。',
      '今日稳评立项 1 件、作出决策 1 件；尚未决策的稳评 6 件，其中待决策 2 件。',
    ]);
    expect(report.sections[1]!.paragraphs).toEqual([
      '（一）南关街道某工地欠薪（FX2026-000007）：涉及 40 人，情绪激动，建议调升为红色。',
      '（二）东镇土地纠纷（FX2026-000009）：双方同意调解。',
    ]);
    expect(report.sections[2]!.paragraphs).toEqual([
      '（一）督促支付拖欠工资，交青禾县人力资源和社会保障局办理，2026年11月25日前完成。',
      '稳评事项“城东片区旧改项目”今日决策：暂缓实施。',
    ]);
  });

  it('fills the figures table from the same facts', () => {
    expect(report.figures.rows).toEqual([
      ['信访积案', '2', '14'],
      ['风险隐患', '3', '12'],
      ['其中红色隐患', '1', '2'],
      ['研判记录', '2', '—'],
      ['交办事项', '1', '—'],
      ['稳评立项', '1', '6'],
      ['稳评决策', '1', '—'],
      ['待决策稳评', '—', '2'],
      ['超期积案', '—', '3'],
      ['积案办结率', '—', '87.05%'],
      ['积案化解率', '—', '7.13%'],
      ['逾期措施和交办事项', '—', '2'],
    ]);
  });

  it('says so when a day has no notes and no assignments', () => {
    const quiet = dailyReport({ ...DAY, notes: [], assigned: [], decisions: [] }, META);
    expect(quiet.sections[1]!.paragraphs).toEqual(['今日无研判记录。']);
    expect(quiet.sections[2]!.paragraphs).toEqual(['今日无新交办事项。']);
    expect(quiet.sections[0]!.paragraphs[2]).toContain('今日新发现风险隐患 3 处');
  });
});

describe('the weekly review and the monthly bulletin', () => {
  const town = (code: string, name: string, over: Partial<TownshipPeriod>): TownshipPeriod => ({
    code,
    name,
    casesOpenAtStart: 0,
    casesNew: 0,
    casesResolved: 0,
    casesConcluded: 0,
    hazardsOpenAtStart: 0,
    hazardsNew: 0,
    hazardsResolved: 0,
    casesOverdue: 0,
    ...over,
  });
  // 东镇 cases 3 of 6 and hazards 1 of 2 (50%, 50%); 南乡 cases 1 of 2 (50%) but no hazards to
  // resolve; 西街道 cases 0 of 3, hazards 1 of 1; 北镇 nothing to do.
  const TOWNS = [
    town('001', '东镇', {
      casesOpenAtStart: 5,
      casesNew: 1,
      casesResolved: 3,
      casesConcluded: 9,
      hazardsNew: 2,
      hazardsResolved: 1,
    }),
    town('002', '西街道', { casesOpenAtStart: 3, hazardsOpenAtStart: 1, hazardsResolved: 1, casesOverdue: 1 }),
    town('003', '南乡', { casesNew: 2, casesResolved: 1, casesOverdue: 2 }),
    town('004', '北镇', {}),
  ];

  it('covers the seven days to the day for a week, and the last complete month for a month', () => {
    expect(periodOf('weekly', '2026-11-22')).toEqual({ from: '2026-11-16', to: '2026-11-22' });
    expect(periodOf('weekly', '2026-03-02')).toEqual({ from: '2026-02-24', to: '2026-03-02' });
    expect(periodOf('monthly', '2026-02-28')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(periodOf('monthly', '2024-02-28')).toEqual({ from: '2024-01-01', to: '2024-01-31' });
    expect(periodOf('monthly', '2026-12-03')).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(periodOf('monthly', '2027-01-01')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });

  it('ranks by the cases’ 化解率, then the hazards’ 隐患化解率, idle townships last, the two rates apart', () => {
    expect(rankTownships(TOWNS).map(({ item, rank }) => [rank, item.name])).toEqual([
      [1, '东镇'],
      [2, '南乡'],
      [3, '西街道'],
      [4, '北镇'],
    ]);
    const report = periodReport({ kind: 'weekly', from: '2026-11-16', to: '2026-11-22', townships: TOWNS }, META);
    expect(report).toMatchObject({ kind: 'weekly', masthead: '综治工作周点评', date: '2026-11-22' });
    expect(report.title).toBe('2026年11月16日至2026年11月22日综治工作点评');
    expect(report.sections[0]!.paragraphs[0]).toBe(
      '本周全县新登记信访积案 3 件，化解 4 件；新发现风险隐患 2 处，化解 2 处；期末超期积案 3 件。',
    );
    // Cases 4 of 8 + 3, hazards 2 of 1 + 2, never added together; 办结率 9 of 9 + 3 overdue.
    expect(report.sections[0]!.paragraphs[1]).toBe(
      '本周积案化解率 36.36%（期内化解的积案数 4 件 ÷ 期内在办积案数 11 件）；' +
        '隐患化解率 66.67%（期内化解的隐患数 2 处 ÷ 期内在办隐患数 3 处）；' +
        '截至期末积案办结率 75.00%（截至期末已办结的积案数 9 件 ÷ 截至期末应办结的积案数 12 件）。',
    );
    expect(report.figures.columns.join('、')).toBe(
      '排名、乡镇（街道）、新增积案、化解积案、积案化解率、新增隐患、化解隐患、隐患化解率、超期积案',
    );
    expect(report.sections[1]!.paragraphs[1]).toBe('排名靠前的是东镇、南乡、西街道。');
    expect(report.figures.rows).toEqual([
      ['1', '东镇', '1', '3', '50.00%', '2', '1', '50.00%', '0'],
      ['2', '南乡', '2', '1', '50.00%', '0', '0', '—', '2'],
      ['3', '西街道', '0', '0', '0.00%', '0', '1', '100.00%', '1'],
      ['4', '北镇', '0', '0', '—', '0', '0', '—', '0'],
    ]);
    const more = [
      ...TOWNS,
      town('005', '中镇', { casesNew: 10 }),
      town('006', '新区', { casesNew: 4, casesResolved: 1 }),
    ];
    const longer = periodReport({ kind: 'weekly', from: '2026-11-16', to: '2026-11-22', townships: more }, META);
    expect(longer.sections[1]!.paragraphs[1]).toBe(
      '排名靠前的是东镇、南乡、新区；排名靠后的是中镇、西街道，请加大化解力度。',
    );
    const monthly = periodReport({ kind: 'monthly', from: '2026-11-01', to: '2026-11-30', townships: [] }, META);
    expect(monthly.masthead).toBe('综治工作月通报');
    expect(monthly.sections[1]!.paragraphs[1]).toBe('本月各乡镇（街道）均无在办积案和隐患。');
  });

  const week = (townships: TownshipPeriod[]) =>
    periodReport({ kind: 'weekly', from: '2026-11-16', to: '2026-11-22', townships }, META);

  it('gives townships equal on rate and overdue cases one rank (1, 2, 2, 4), listed by code', () => {
    const report = week([
      town('004', '北镇', { casesNew: 4, casesResolved: 1 }),
      town('003', '南乡', { casesNew: 2, casesResolved: 1 }),
      // 2/4 and 1/2 are the same rate, compared as fractions.
      town('002', '西街道', { casesNew: 4, casesResolved: 2 }),
      town('001', '东镇', { casesNew: 1, casesResolved: 1 }),
    ]);
    expect(report.figures.rows.map((row) => [row[0], row[1], row[4]])).toEqual([
      ['1', '东镇', '100.00%'],
      ['2', '西街道', '50.00%'],
      ['2', '南乡', '50.00%'],
      ['4', '北镇', '25.00%'],
    ]);
    expect(report.sections[1]!.paragraphs[0]).toContain('三项均相同的并列同一名次，并列者不拆开点名');
  });

  it('names nobody 靠后 when every township ties, and leaves a tie across the last three unnamed', () => {
    const tied = week([
      town('001', '东镇', { casesNew: 2, casesResolved: 1 }),
      town('002', '西街道', { casesNew: 2, casesResolved: 1 }),
    ]);
    expect(tied.figures.rows.map((row) => row[0])).toEqual(['1', '1']);
    expect(tied.sections[1]!.paragraphs[1]).toBe(
      '本周各乡镇（街道）积案化解率、隐患化解率和超期积案均相同，并列第 1 名，不分先后。',
    );
    // Seven townships, 100% … 0%: the fourth and fifth tie across the third-last place.
    const seven = week([
      town('001', '一镇', { casesNew: 8, casesResolved: 8 }),
      town('002', '二镇', { casesNew: 8, casesResolved: 7 }),
      town('003', '三镇', { casesNew: 8, casesResolved: 6 }),
      town('004', '四镇', { casesNew: 8, casesResolved: 5 }),
      town('005', '五镇', { casesNew: 8, casesResolved: 5 }),
      town('006', '六镇', { casesNew: 8, casesResolved: 3 }),
      town('007', '七镇', { casesNew: 8, casesResolved: 0 }),
    ]);
    expect(seven.figures.rows.map((row) => row[0])).toEqual(['1', '2', '3', '4', '4', '6', '7']);
    expect(seven.sections[1]!.paragraphs[1]).toBe(
      '排名靠前的是一镇、二镇、三镇；排名靠后的是七镇、六镇，请加大化解力度；四镇、五镇并列第 4 名，跨越后三位，均不点名。',
    );
    // A tie across the third place: only the township above it is named first.
    const topTie = week([
      town('001', '一镇', { casesNew: 4, casesResolved: 4 }),
      town('002', '二镇', { casesNew: 4, casesResolved: 3 }),
      town('003', '三镇', { casesNew: 4, casesResolved: 2 }),
      town('004', '四镇', { casesNew: 4, casesResolved: 2 }),
      town('005', '五镇', { casesNew: 4, casesResolved: 1 }),
      town('006', '六镇', { casesNew: 4, casesResolved: 0 }),
    ]);
    expect(topTie.sections[1]!.paragraphs[1]).toBe('排名靠前的是一镇、二镇；排名靠后的是六镇、五镇，请加大化解力度。');
  });
});
