/**
 * The weekly review (周点评) and monthly bulletin (月通报): the period's totals and the townships
 * ranked by their resolution rate, the rule stated in the report itself.
 *
 * 化解率 of a township = cases and hazards resolved in the period ÷ (those open at its start + those
 * new in it). Ties: fewer overdue cases first, then the township code, so the order is stable.
 */
import { addDays } from '../ledger/calendar';
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
export const townshipRate = (t: TownshipPeriod): number | null => (baseOf(t) ? resolvedOf(t) / baseOf(t) : null);

/** Highest rate first; a township with nothing to resolve comes last. */
export function rankTownships(townships: readonly TownshipPeriod[]): TownshipPeriod[] {
  return [...townships].sort((a, b) => {
    const ra = townshipRate(a) ?? -1;
    const rb = townshipRate(b) ?? -1;
    return rb - ra || a.casesOverdue - b.casesOverdue || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  });
}

const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);
const sum = (items: readonly TownshipPeriod[], key: keyof Omit<TownshipPeriod, 'code' | 'name'>) =>
  items.reduce((total, t) => total + t[key], 0);

const NAMES = {
  weekly: { masthead: '综治工作周点评', noun: '本周' },
  monthly: { masthead: '综治工作月通报', noun: '本月' },
};

export function periodReport(facts: PeriodFacts, meta: ReportMeta): ReportDocument {
  const { noun, masthead } = NAMES[facts.kind];
  const ranked = rankTownships(facts.townships);
  const withWork = ranked.filter((t) => townshipRate(t) !== null);
  const names = (items: TownshipPeriod[]) => items.map((t) => t.name).join('、');
  // The last three, lowest first, and never one already named among the first three.
  const bottom = withWork.slice(Math.max(3, withWork.length - 3)).reverse();
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
          '按化解率从高到低排列。化解率 = 期内化解的积案和隐患 ÷（期初在办 + 期内新增），化解率相同的超期积案少者在前。',
          withWork.length
            ? `排名靠前的是${names(withWork.slice(0, 3))}${bottom.length ? `；排名靠后的是${names(bottom)}，请加大化解力度` : ''}。`
            : `${noun}各乡镇（街道）均无在办积案和隐患。`,
        ],
      },
    ],
    figures: {
      caption: `${noun}各乡镇（街道）排名`,
      columns: ['排名', '乡镇（街道）', '新增积案', '化解积案', '新增隐患', '化解隐患', '超期积案', '化解率'],
      rows: ranked.map((t, index) => [
        String(index + 1),
        t.name,
        String(t.casesNew),
        String(t.casesResolved),
        String(t.hazardsNew),
        String(t.hazardsResolved),
        String(t.casesOverdue),
        percent(townshipRate(t)),
      ]),
    },
    signer: meta.signer,
    drafter: meta.drafter,
  };
}
