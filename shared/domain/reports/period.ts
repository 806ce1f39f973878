/**
 * The weekly review (周点评) and monthly bulletin (月通报): the period's totals and the townships
 * ranked by their rates, the rule stated in the report itself.
 *
 * Two rates side by side, never added together: the cases' 化解率 (PERIOD_RESOLUTION, in 件) and the
 * hazards' 隐患化解率 (PERIOD_HAZARD_RESOLUTION, in 处), each defined where its ledger's figures are.
 * Townships rank by the cases' rate, then the hazards', then fewer overdue cases, compared exactly
 * as fractions. Townships equal on all three share a rank (1, 2, 2, 4) and are listed by code; a tie
 * is never split when the first or last three are named (docs/domain.md, Reports).
 */
import { addDays } from '../ledger/calendar';
import { formatRate, type MetricResult } from '../ledger/figures';
import { competitionRanks, type Ranked } from '../ledger/ranking';
import { conclusionRateOf, PERIOD_CONCLUSION, PERIOD_RESOLUTION } from '../petitions/metrics';
import { PERIOD_HAZARD_RESOLUTION } from '../risks/figures';
import { documentDate, type ReportDocument, type ReportKind } from './document';
import { rateSentence, type ReportMeta } from './daily';

export interface TownshipPeriod {
  code: string;
  name: string;
  casesOpenAtStart: number;
  casesNew: number;
  casesResolved: number;
  /** Cases concluded (办结) on or before the period's last day. */
  casesConcluded: number;
  hazardsOpenAtStart: number;
  hazardsNew: number;
  hazardsResolved: number;
  /** Open cases past their due date at the end of the period. */
  casesOverdue: number;
}

export interface PeriodFacts {
  kind: Exclude<ReportKind, 'daily'>;
  from: string;
  to: string;
  townships: TownshipPeriod[];
}

/**
 * The period a report made on `date` covers: for a weekly review the seven days ending that day;
 * for a monthly bulletin that month when `date` is its last day, otherwise the month before (月通报
 * are issued early in the following month).
 */
export function periodOf(kind: PeriodFacts['kind'], date: string): { from: string; to: string } {
  if (kind === 'weekly') return { from: addDays(date, -6), to: date };
  const monthEnd = addDays(`${addDays(`${date.slice(0, 8)}01`, 32).slice(0, 8)}01`, -1);
  if (date === monthEnd) return { from: `${date.slice(0, 8)}01`, to: date };
  const previousEnd = addDays(`${date.slice(0, 8)}01`, -1);
  return { from: `${previousEnd.slice(0, 8)}01`, to: previousEnd };
}

const caseRate = (t: TownshipPeriod) =>
  PERIOD_RESOLUTION.of({ openAtStart: t.casesOpenAtStart, new: t.casesNew, resolved: t.casesResolved });
const hazardRate = (t: TownshipPeriod) =>
  PERIOD_HAZARD_RESOLUTION.of({ openAtStart: t.hazardsOpenAtStart, new: t.hazardsNew, resolved: t.hazardsResolved });
const hasWork = (t: TownshipPeriod) => caseRate(t).denominator + hazardRate(t).denominator > 0;

/** Higher rate first, a rate with nothing to divide last; fractions cross-multiplied in integers. 0 is a tie. */
function compareRates(a: MetricResult, b: MetricResult): number {
  if (!a.denominator || !b.denominator) return Number(!a.denominator) - Number(!b.denominator);
  return b.numerator * a.denominator - a.numerator * b.denominator;
}

/** The cases' 化解率, then the hazards' 隐患化解率, then fewer overdue cases. */
const compareTownships = (a: TownshipPeriod, b: TownshipPeriod): number =>
  compareRates(caseRate(a), caseRate(b)) ||
  compareRates(hazardRate(a), hazardRate(b)) ||
  a.casesOverdue - b.casesOverdue;

const byCode = (a: TownshipPeriod, b: TownshipPeriod) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

/** The townships in rank order, each with its competition rank. */
export const rankTownships = (townships: readonly TownshipPeriod[]): Ranked<TownshipPeriod>[] =>
  competitionRanks(townships, compareTownships, byCode);

/**
 * Whom the report names: the first three and the last three of the townships with work, a tie
 * group only when all of it fits (a tie across the third or the third-last place names none of
 * it), nobody twice, and nobody at all when every township ties.
 */
export function namedTownships<T>(withWork: readonly Ranked<T>[]) {
  const count = withWork.length;
  const lastOf = (entry: Ranked<T>) => entry.rank + entry.tiedWith - 1;
  const allTied = count > 0 && withWork[0]!.tiedWith === count;
  const top = allTied ? [] : withWork.filter((entry) => lastOf(entry) <= 3);
  const bottom = allTied
    ? []
    : withWork.filter((entry) => entry.rank >= count - 2 && entry.rank > 3 && !top.includes(entry)).reverse();
  // A tie that reaches into the last three places but starts above them is left unnamed, and said so.
  const splitTie = withWork.filter((entry) => entry.rank > 3 && entry.rank < count - 2 && lastOf(entry) >= count - 2);
  return { top, bottom, splitTie, allTied };
}

const sum = (items: readonly Ranked<TownshipPeriod>[], key: keyof Omit<TownshipPeriod, 'code' | 'name'>) =>
  items.reduce((total, { item }) => total + item[key], 0);
const names = (items: readonly Ranked<{ name: string }>[]) => items.map(({ item }) => item.name).join('、');

const NAMES = {
  weekly: { masthead: '综治工作周点评', noun: '本周' },
  monthly: { masthead: '综治工作月通报', noun: '本月' },
};

export function periodReport(facts: PeriodFacts, meta: ReportMeta): ReportDocument {
  const { noun, masthead } = NAMES[facts.kind];
  const ranked = rankTownships(facts.townships);
  const withWork = ranked.filter(({ item }) => hasWork(item));
  const county = (key: Exclude<keyof TownshipPeriod, 'code' | 'name'>) => sum(ranked, key);
  const countyCases = PERIOD_RESOLUTION.of({
    openAtStart: county('casesOpenAtStart'),
    new: county('casesNew'),
    resolved: county('casesResolved'),
  });
  const countyHazards = PERIOD_HAZARD_RESOLUTION.of({
    openAtStart: county('hazardsOpenAtStart'),
    new: county('hazardsNew'),
    resolved: county('hazardsResolved'),
  });
  const countyConclusion = conclusionRateOf({ concluded: county('casesConcluded'), overdue: county('casesOverdue') });
  const span = `${documentDate(facts.from)}至${documentDate(facts.to)}`;
  return {
    kind: facts.kind,
    masthead,
    issueNo: meta.issueNo,
    issuer: meta.issuer,
    date: facts.to,
    title: `${span}${facts.kind === 'weekly' ? '综治工作点评' : '综治工作通报'}`,
    sections: [
      {
        heading: '总体情况',
        paragraphs: [
          `${noun}全县新登记信访积案 ${sum(ranked, 'casesNew')} 件，化解 ${sum(ranked, 'casesResolved')} 件；` +
            `新发现风险隐患 ${sum(ranked, 'hazardsNew')} 处，化解 ${sum(ranked, 'hazardsResolved')} 处；` +
            `期末超期积案 ${sum(ranked, 'casesOverdue')} 件。`,
          `${noun}积案${rateSentence(PERIOD_RESOLUTION, countyCases, '件')}；` +
            `${rateSentence(PERIOD_HAZARD_RESOLUTION, countyHazards, '处')}；` +
            `截至期末积案${rateSentence(PERIOD_CONCLUSION, countyConclusion, '件')}。`,
        ],
      },
      {
        heading: '乡镇（街道）排名',
        paragraphs: [
          '按积案化解率从高到低排列，相同的按隐患化解率，再相同的超期积案少者在前。' +
            `积案化解率 = ${PERIOD_RESOLUTION.numeratorLabel} ÷ ${PERIOD_RESOLUTION.denominatorLabel}；` +
            `隐患化解率 = ${PERIOD_HAZARD_RESOLUTION.numeratorLabel} ÷ ${PERIOD_HAZARD_RESOLUTION.denominatorLabel}；` +
            '两率分别计算，积案（件）与隐患（处）不相加。三项均相同的并列同一名次，并列者不拆开点名。',
          rankingSentence(withWork.length, namedTownships(withWork), {
            none: `${noun}各乡镇（街道）均无在办积案和隐患。`,
            allTied: `${noun}各乡镇（街道）积案化解率、隐患化解率和超期积案均相同，并列第 1 名，不分先后。`,
          }),
        ],
      },
    ],
    figures: {
      caption: `${noun}各乡镇（街道）排名`,
      columns: [
        '排名',
        '乡镇（街道）',
        '新增积案',
        '化解积案',
        '积案化解率',
        '新增隐患',
        '化解隐患',
        '隐患化解率',
        '超期积案',
      ],
      rows: ranked.map(({ item: t, rank }) => [
        String(rank),
        t.name,
        String(t.casesNew),
        String(t.casesResolved),
        formatRate(caseRate(t)),
        String(t.hazardsNew),
        String(t.hazardsResolved),
        formatRate(hazardRate(t)),
        String(t.casesOverdue),
      ]),
    },
    signer: meta.signer,
    drafter: meta.drafter,
  };
}

/**
 * The ranking in one sentence: the first three as 靠前, the last three as 靠后 (asked to do more),
 * and a tie across the third-last place said to be named in neither; `words` for no township with
 * work and for all of them tied.
 */
export function rankingSentence<T extends { name: string }>(
  withWork: number,
  named: ReturnType<typeof namedTownships<T>>,
  words: { none: string; allTied: string },
): string {
  if (!withWork) return words.none;
  if (named.allTied) return words.allTied;
  const parts = [
    named.top.length ? `排名靠前的是${names(named.top)}` : '',
    named.bottom.length ? `排名靠后的是${names(named.bottom)}，请加大化解力度` : '',
    named.splitTie.length ? `${names(named.splitTie)}并列第 ${named.splitTie[0]!.rank} 名，跨越后三位，均不点名` : '',
  ].filter(Boolean);
  return parts.length ? `${parts.join('；')}。` : '';
}
