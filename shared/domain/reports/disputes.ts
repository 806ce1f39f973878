/**
 * The disputes' part of the 日报, 周点评 and 月通报 (矛盾纠纷多元化解), written from facts the backend
 * gathers: the rates are the disputes' own figures (disputes/figures.ts) over the period's intake,
 * each printed with its numerator and denominator. A period with nothing to say says 本期无矛盾纠纷
 * instead of a table of zeros.
 */
import { DISPUTE_FIGURES, type DisputeFigureCode, type DisputeFigureResults } from '../disputes/figures';
import { DISPUTE_CHANNEL_LABELS, DISPUTE_CHANNELS, type DisputeChannel } from '../disputes/intake';
import { formatRate, resultOf, type MetricResult } from '../ledger/figures';
import { competitionRanks, type Ranked } from '../ledger/ranking';
import { rateSentence } from './daily';
import type { ReportDocument, ReportSection, ReportTable } from './document';
import { namedTownships, rankingSentence } from './period';

export const DISPUTE_SECTION_HEADING = '矛盾纠纷多元化解';
export const NO_DISPUTES = '本期无矛盾纠纷。';

/** The day's disputes: taken in by channel, routed and concluded that day; open ones as they stand. */
export interface DisputeDayFacts {
  received: Record<DisputeChannel, number>;
  /** 分流 on the day (归口 to a mediation body or unit). */
  routed: number;
  /** A result recorded on the day (办结), of them 调解成功 (化解). */
  concluded: number;
  settled: number;
  open: number;
  /** Open and past their 办理时限. */
  overdue: number;
}

/** A township's or a category's disputes taken in during the period, with every figure over them. */
export interface DisputeFigureRow {
  key: string;
  label: string;
  figures: DisputeFigureResults;
  preventedCriminalPeople: number;
}

export interface DisputePeriodFacts {
  /** The county's figures over the disputes taken in during the period. */
  figures: DisputeFigureResults;
  preventedCriminalPeople: number;
  /** Only townships and categories that took disputes in. */
  byTownship: DisputeFigureRow[];
  byCategory: DisputeFigureRow[];
  /** Every township, so those without intake can be named. */
  townships: Array<{ code: string; name: string }>;
  /** Open at the period's end and past their 办理时限 then, per unit, most first. */
  overdueByUnit: Array<{ unitName: string; overdue: number }>;
}

const received = (row: { figures: DisputeFigureResults }) => row.figures.resolution_rate.denominator;
const rate = (code: DisputeFigureCode, result: MetricResult) => rateSentence(DISPUTE_FIGURES[code], result, '件');

/** 来访 3 件、来电 1 件: the channels with any, in the channels' order. */
const channels = (byChannel: Record<DisputeChannel, number>) =>
  DISPUTE_CHANNELS.filter((c) => byChannel[c] > 0)
    .map((c) => `${DISPUTE_CHANNEL_LABELS[c]} ${byChannel[c]} 件`)
    .join('、');

export function disputeDailySection(facts: DisputeDayFacts): ReportSection {
  const intake = DISPUTE_CHANNELS.reduce((n, c) => n + facts.received[c], 0);
  if (!intake && !facts.routed && !facts.concluded && !facts.open) {
    return { heading: DISPUTE_SECTION_HEADING, paragraphs: [NO_DISPUTES] };
  }
  const taken = intake ? `今日受理矛盾纠纷 ${intake} 件（${channels(facts.received)}）` : '今日未受理新的矛盾纠纷';
  const backlog =
    `在办矛盾纠纷 ${facts.open} 件，` +
    (facts.overdue ? `其中超过办理时限 ${facts.overdue} 件，请归口单位抓紧调处。` : '均在办理时限内。');
  return {
    heading: DISPUTE_SECTION_HEADING,
    paragraphs: [
      `${taken}；分流 ${facts.routed} 件，办结 ${facts.concluded} 件，其中调解成功（化解）${facts.settled} 件。`,
      backlog,
    ],
  };
}

const UNITS_NAMED = 5;

/** 期末超期 …: the units with overdue disputes at the period's end, the most first. */
function overdueSentence(overdue: DisputePeriodFacts['overdueByUnit']): string {
  const total = overdue.reduce((n, u) => n + u.overdue, 0);
  if (!total) return '期末无超过办理时限未办结的矛盾纠纷。';
  const named = overdue.slice(0, UNITS_NAMED).map((u) => `${u.unitName} ${u.overdue} 件`);
  const more = overdue.length > UNITS_NAMED ? `等 ${overdue.length} 个单位` : '';
  return (
    `期末超过办理时限未办结的矛盾纠纷 ${total} 件：${named.join('、')}${more}。` +
    '请上述单位抓紧调处，逾期仍未办结的由中心督办。'
  );
}

const TOP_CATEGORIES = 3;

/** The most frequent categories of the period and their share of the intake. */
function categorySentence(noun: string, byCategory: readonly DisputeFigureRow[], total: number): string {
  const top = [...byCategory]
    .sort((a, b) => received(b) - received(a) || a.label.localeCompare(b.label, 'zh-CN'))
    .slice(0, TOP_CATEGORIES);
  const share = resultOf(
    top.reduce((n, row) => n + received(row), 0),
    total,
  );
  return (
    `${noun}受理较多的类别是${top.map((row) => `${row.label} ${received(row)} 件`).join('、')}，` +
    `占${noun}受理数的 ${formatRate(share)}。`
  );
}

export function disputeWeeklySection(facts: DisputePeriodFacts): ReportSection {
  const total = received(facts);
  const overdue = overdueSentence(facts.overdueByUnit);
  if (!total && !facts.overdueByUnit.length) return { heading: DISPUTE_SECTION_HEADING, paragraphs: [NO_DISPUTES] };
  if (!total) return { heading: DISPUTE_SECTION_HEADING, paragraphs: ['本周未受理矛盾纠纷。', overdue] };
  const f = facts.figures;
  return {
    heading: DISPUTE_SECTION_HEADING,
    paragraphs: [
      `本周受理矛盾纠纷 ${total} 件，${rate('resolution_rate', f.resolution_rate)}；` +
        `${rate('escalation_rate', f.escalation_rate)}。`,
      categorySentence('本周', facts.byCategory, total),
      overdue,
    ],
  };
}

/** Higher first; compared exactly as fractions (every row here took disputes in). */
const higher = (a: MetricResult, b: MetricResult) => b.numerator * a.denominator - a.numerator * b.denominator;
/** 化解率, then the lower 上交率 (小事不出村), then 办结率. */
const compareTownships = (a: DisputeFigureRow, b: DisputeFigureRow) =>
  higher(a.figures.resolution_rate, b.figures.resolution_rate) ||
  higher(b.figures.escalation_rate, a.figures.escalation_rate) ||
  higher(a.figures.closure_rate, b.figures.closure_rate);
const byKey = (a: DisputeFigureRow, b: DisputeFigureRow) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

export const rankDisputeTownships = (rows: readonly DisputeFigureRow[]): Ranked<DisputeFigureRow>[] =>
  competitionRanks(rows, compareTownships, byKey);

const RANKING_RULE =
  '各乡镇（街道）按本月受理的矛盾纠纷化解率从高到低排列，相同的上交率低者在前，再相同的按办结率；' +
  '三项均相同的并列同一名次，并列者不拆开点名。';

function monthlyTables(ranked: readonly Ranked<DisputeFigureRow>[], byCategory: readonly DisputeFigureRow[]) {
  const counts = (row: DisputeFigureRow) => [
    String(received(row)),
    String(row.figures.resolution_rate.numerator),
    formatRate(row.figures.resolution_rate),
    formatRate(row.figures.closure_rate),
  ];
  const townships: ReportTable = {
    caption: '本月各乡镇（街道）矛盾纠纷化解情况',
    columns: ['排名', '乡镇（街道）', '受理', '化解', '化解率', '办结率', '回访满意率', '上交率'],
    rows: ranked.map(({ item, rank }) => [
      String(rank),
      item.label,
      ...counts(item),
      formatRate(item.figures.satisfaction_rate),
      formatRate(item.figures.escalation_rate),
    ]),
  };
  const categories: ReportTable = {
    caption: '本月矛盾纠纷分类情况',
    columns: ['类别', '受理', '化解', '化解率', '办结率', '上交率'],
    rows: [...byCategory]
      .sort((a, b) => received(b) - received(a) || a.label.localeCompare(b.label, 'zh-CN'))
      .map((row) => [row.label, ...counts(row), formatRate(row.figures.escalation_rate)]),
  };
  return [townships, categories];
}

export function disputeMonthlySection(facts: DisputePeriodFacts): ReportSection {
  const total = received(facts);
  if (!total) return { heading: DISPUTE_SECTION_HEADING, paragraphs: [NO_DISPUTES] };
  const f = facts.figures;
  const ranked = rankDisputeTownships(facts.byTownship);
  const quiet = facts.townships.filter((t) => !facts.byTownship.some((row) => row.key === t.code));
  const ranking =
    ranked.length === 1
      ? `本月仅${ranked[0]!.item.label}受理矛盾纠纷，不作排名。`
      : RANKING_RULE +
        rankingSentence(
          ranked.length,
          namedTownships(ranked.map((entry) => ({ ...entry, item: { ...entry.item, name: entry.item.label } }))),
          { none: '', allTied: '各乡镇（街道）三项均相同，并列第 1 名，不分先后。' },
        ) +
        (quiet.length ? `${quiet.map((t) => t.name).join('、')}本月未受理矛盾纠纷，不参加排名。` : '');
  return {
    heading: DISPUTE_SECTION_HEADING,
    paragraphs: [
      `本月受理矛盾纠纷 ${total} 件，${rate('resolution_rate', f.resolution_rate)}；` +
        `${rate('closure_rate', f.closure_rate)}；${rate('satisfaction_rate', f.satisfaction_rate)}；` +
        `${rate('escalation_rate', f.escalation_rate)}。`,
      `调解成功的矛盾纠纷中，防止民转刑 ${f.prevented_criminal.numerator} 件 ${facts.preventedCriminalPeople} 人，` +
        `防止群体性上访 ${f.prevented_collective.numerator} 件。`,
      ranking,
    ],
    tables: monthlyTables(ranked, facts.byCategory),
  };
}

/** The disputes' section in its place: before the 日报's closing 需关注事项, after a period report's. */
export function withDisputeSection(report: ReportDocument, section: ReportSection): ReportDocument {
  const at = report.kind === 'daily' ? report.sections.length - 1 : report.sections.length;
  return { ...report, sections: [...report.sections.slice(0, at), section, ...report.sections.slice(at)] };
}
