/**
 * The weekly review (周点评) and monthly bulletin (月通报): the period's totals and the townships
 * ranked by their resolution rate, the rule stated in the report itself.
 *
 * 化解率 of a township = cases and hazards resolved in the period ÷ (those open at its start + those
 * new in it), compared exactly as fractions; at an equal rate fewer overdue cases come first.
 * Townships equal on both share a rank (1, 2, 2, 4) and are listed by code; a tie is never split
 * when the first or last three are named (docs/domain.md, Reports).
 */
import { addDays } from '../ledger/calendar';
import { formatRate } from '../ledger/figures';
import { competitionRanks, type Ranked } from '../ledger/ranking';
import { documentDate, type ReportDocument, type ReportKind } from './document';
import type { ReportMeta } from './daily';

export interface TownshipPeriod {
  code: string;
  name: string;
  casesOpenAtStart: number;
  casesNew: number;
  casesResolved: number;
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

const resolvedOf = (t: TownshipPeriod) => t.casesResolved + t.hazardsResolved;
const baseOf = (t: TownshipPeriod) => t.casesOpenAtStart + t.casesNew + t.hazardsOpenAtStart + t.hazardsNew;
const rateOf = (t: TownshipPeriod) => formatRate({ numerator: resolvedOf(t), denominator: baseOf(t) });

/** Higher rate first (a township with nothing to resolve last), then fewer overdue cases; 0 is a tie. */
function compareTownships(a: TownshipPeriod, b: TownshipPeriod): number {
  if (!baseOf(a) || !baseOf(b)) return Number(!baseOf(a)) - Number(!baseOf(b)) || a.casesOverdue - b.casesOverdue;
  // resolved/base compared as fractions, cross-multiplied in integers.
  return resolvedOf(b) * baseOf(a) - resolvedOf(a) * baseOf(b) || a.casesOverdue - b.casesOverdue;
}

const byCode = (a: TownshipPeriod, b: TownshipPeriod) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

/** The townships in rank order, each with its competition rank. */
export const rankTownships = (townships: readonly TownshipPeriod[]): Ranked<TownshipPeriod>[] =>
  competitionRanks(townships, compareTownships, byCode);

/**
 * Whom the report names: the first three and the last three of the townships with work, a tie
 * group only when all of it fits (a tie across the third or the third-last place names none of
 * it), nobody twice, and nobody at all when every township ties.
 */
export function namedTownships(withWork: readonly Ranked<TownshipPeriod>[]) {
  const count = withWork.length;
  const lastOf = (entry: Ranked<TownshipPeriod>) => entry.rank + entry.tiedWith - 1;
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
const names = (items: readonly Ranked<TownshipPeriod>[]) => items.map(({ item }) => item.name).join('、');

const NAMES = {
  weekly: { masthead: '综治工作周点评', noun: '本周' },
  monthly: { masthead: '综治工作月通报', noun: '本月' },
};

export function periodReport(facts: PeriodFacts, meta: ReportMeta): ReportDocument {
  const { noun, masthead } = NAMES[facts.kind];
  const ranked = rankTownships(facts.townships);
  const withWork = ranked.filter(({ item }) => baseOf(item) > 0);
  const { top, bottom, splitTie, allTied } = namedTownships(withWork);
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
        ],
      },
      {
        heading: '乡镇（街道）排名',
        paragraphs: [
          '按化解率从高到低排列。化解率 = 期内化解的积案和隐患 ÷（期初在办 + 期内新增），化解率相同的超期积案少者在前；' +
            '两项均相同的并列同一名次，并列者不拆开点名。',
          rankingSentence(noun, withWork.length, { top, bottom, splitTie, allTied }),
        ],
      },
    ],
    figures: {
      caption: `${noun}各乡镇（街道）排名`,
      columns: ['排名', '乡镇（街道）', '新增积案', '化解积案', '新增隐患', '化解隐患', '超期积案', '化解率'],
      rows: ranked.map(({ item: t, rank }) => [
        String(rank),
        t.name,
        String(t.casesNew),
        String(t.casesResolved),
        String(t.hazardsNew),
        String(t.hazardsResolved),
        String(t.casesOverdue),
        rateOf(t),
      ]),
    },
    signer: meta.signer,
    drafter: meta.drafter,
  };
}

function rankingSentence(noun: string, withWork: number, named: ReturnType<typeof namedTownships>): string {
  if (!withWork) return `${noun}各乡镇（街道）均无在办积案和隐患。`;
  if (named.allTied) return `${noun}各乡镇（街道）化解率和超期积案均相同，并列第 1 名，不分先后。`;
  const parts = [
    named.top.length ? `排名靠前的是${names(named.top)}` : '',
    named.bottom.length ? `排名靠后的是${names(named.bottom)}，请加大化解力度` : '',
    named.splitTie.length ? `${names(named.splitTie)}并列第 ${named.splitTie[0]!.rank} 名，跨越后三位，均不点名` : '',
  ].filter(Boolean);
  return parts.length ? `${parts.join('；')}。` : '';
}
