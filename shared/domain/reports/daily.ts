/**
 * The daily report (日报) from the day's facts: what arrived, what was analysed, assigned and
 * decided, what needs attention, and a table of the day's figures. Pure, so the numbers can be
 * checked exactly on a hand-built day; the backend gathers the facts.
 */
import { formatRate, type MetricResult } from '../ledger/figures';
import { petitionMetric } from '../petitions/metrics';
import { HAZARD_LEVEL_LABELS, HAZARD_LEVELS, type HazardLevel } from '../risks/hazard-levels';
import { documentDate, type ReportDocument, type ReportSection } from './document';

export interface DailyFacts {
  date: string;
  petitions: {
    registered: number;
    resolved: number;
    closed: number;
    open: number;
    overdue: number;
    dueSoon: number;
    /** 办结率 and 化解率 of the whole ledger today (conclusion_rate, resolution_rate). */
    conclusion: MetricResult;
    resolution: MetricResult;
  };
  hazards: {
    found: Record<HazardLevel, number>;
    raised: number;
    resolved: number;
    open: Record<HazardLevel, number>;
  };
  /** Today's analysis notes (研判记录), in the order they were written. */
  notes: Array<{ hazardNo: string; title: string; content: string }>;
  /** Tasks assigned today (measures and meeting assignments). */
  assigned: Array<{ title: string; unitName: string; dueDate: string }>;
  /** Stability assessments: registered today; not yet decided (立项, 评估中, 待决策), of them 待决策. */
  assessments: { registered: number; undecided: number; pendingDecision: number };
  /** Assessments decided today, with the decision in words. */
  decisions: Array<{ title: string; decision: string }>;
  tasks: { completed: number; overdue: number; dueSoon: number };
}

export interface ReportMeta {
  issuer: string;
  issueNo: string;
  signer: string;
  drafter: string;
}

const total = (byLevel: Record<HazardLevel, number>) => HAZARD_LEVELS.reduce((sum, level) => sum + byLevel[level], 0);

/** 3 处（红色 1、黄色 2）: a count with its colours, leaving out the colours with none. */
function byColour(byLevel: Record<HazardLevel, number>): string {
  const parts = HAZARD_LEVELS.filter((level) => byLevel[level] > 0).map(
    (level) => `${HAZARD_LEVEL_LABELS[level]} ${byLevel[level]}`,
  );
  return `${total(byLevel)} 处${parts.length ? `（${parts.join('、')}）` : ''}`;
}

/** 办结率 87.05%（已办结积案数 3,783 ÷ 应办结积案数 4,346）: a rate with what it divides, in the metric's words. */
export function rateSentence(
  definition: { name: string; numeratorLabel: string; denominatorLabel: string },
  result: MetricResult,
  unit: string,
): string {
  const short = (label: string) => label.replace(/（.*$/, '');
  const count = (n: number) => n.toLocaleString('zh-CN');
  return (
    `${definition.name} ${formatRate(result)}` +
    `（${short(definition.numeratorLabel)} ${count(result.numerator)} ${unit} ÷ ` +
    `${short(definition.denominatorLabel)} ${count(result.denominator)} ${unit}）`
  );
}

const listed = <T>(items: T[], none: string, line: (item: T, index: number) => string): string[] =>
  items.length ? items.map(line) : [none];

const ORDINALS = ['（一）', '（二）', '（三）', '（四）', '（五）', '（六）', '（七）', '（八）', '（九）', '（十）'];
const ordinal = (index: number) => ORDINALS[index] ?? `（${index + 1}）`;

export function dailyReport(facts: DailyFacts, meta: ReportMeta): ReportDocument {
  const { petitions: p, hazards: h, assessments: a, tasks: t } = facts;
  const sections: ReportSection[] = [
    {
      heading: '总体情况',
      paragraphs: [
        `今日新登记信访积案 ${p.registered} 件，化解 ${p.resolved} 件，销号 ${p.closed} 件；` +
          `在办积案 ${p.open} 件，其中超期 ${p.overdue} 件、临期 ${p.dueSoon} 件。`,
        `截至今日，全县积案${rateSentence(petitionMetric('conclusion_rate'), p.conclusion, '件')}；` +
          `${rateSentence(petitionMetric('resolution_rate'), p.resolution, '件')}。`,
        `今日新发现风险隐患 ${byColour(h.found)}，化解 ${h.resolved} 处，调升等级 ${h.raised} 处；` +
          `在办风险隐患 ${byColour(h.open)}。`,
        `今日稳评立项 ${a.registered} 件、作出决策 ${facts.decisions.length} 件；` +
          `尚未决策的稳评 ${a.undecided} 件，其中待决策 ${a.pendingDecision} 件。`,
      ],
    },
    {
      heading: '研判情况',
      paragraphs: listed(
        facts.notes,
        '今日无研判记录。',
        (n, i) => `${ordinal(i)}${n.title}（${n.hazardNo}）：${n.content}`,
      ),
    },
    {
      heading: '交办与决策',
      paragraphs: [
        ...listed(
          facts.assigned,
          '今日无新交办事项。',
          (a, i) => `${ordinal(i)}${a.title}，交${a.unitName}办理，${documentDate(a.dueDate)}前完成。`,
        ),
        ...facts.decisions.map((d) => `稳评事项“${d.title}”今日决策：${d.decision}。`),
      ],
    },
    {
      heading: '需关注事项',
      paragraphs: [
        `超期积案 ${p.overdue} 件、临期积案 ${p.dueSoon} 件；逾期未完成的措施和交办事项 ${t.overdue} 项，` +
          `临近期限 ${t.dueSoon} 项。今日完成措施和交办事项 ${t.completed} 项。`,
      ],
    },
  ];
  return {
    kind: 'daily',
    masthead: '综治工作日报',
    issueNo: meta.issueNo,
    issuer: meta.issuer,
    date: facts.date,
    title: `${documentDate(facts.date)}社会稳定形势日报`,
    sections,
    figures: {
      caption: '今日主要数据',
      columns: ['项目', '今日', '在办'],
      rows: [
        ['信访积案', String(p.registered), String(p.open)],
        ['风险隐患', String(total(h.found)), String(total(h.open))],
        ['其中红色隐患', String(h.found.red), String(h.open.red)],
        ['研判记录', String(facts.notes.length), '—'],
        ['交办事项', String(facts.assigned.length), '—'],
        ['稳评立项', String(a.registered), String(a.undecided)],
        ['稳评决策', String(facts.decisions.length), '—'],
        ['待决策稳评', '—', String(a.pendingDecision)],
        ['超期积案', '—', String(p.overdue)],
        ['积案办结率', '—', formatRate(p.conclusion)],
        ['积案化解率', '—', formatRate(p.resolution)],
        ['逾期措施和交办事项', '—', String(t.overdue)],
      ],
    },
    signer: meta.signer,
    drafter: meta.drafter,
  };
}
