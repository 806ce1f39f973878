/**
 * The fields of a hazard as registered: what it is, where, how many people, how serious, where it
 * came from. Categories (欠薪, 土地纠纷, 问题楼盘 …) are the editable `hazard_category` dictionary and
 * are not repeated here; the backend checks the code exists.
 */
import { isBlank, type FieldProblem } from '../ledger/state-machine';
import { choiceProblem, compact, isCount } from './fields';
import { dateProblem, todayBound } from '../ledger/dates';
import { coordinateProblems, locationProblems, type CountyExtent } from './hazard-location';
import { HAZARD_LEVEL_LABELS, HAZARD_LEVELS } from './hazard-levels';

/** Where hazards are found (docs/domain.md): grid workers, sweeps, hotlines, petitions. */
export const HAZARD_SOURCES = ['grid', 'sweep', 'hotline', 'petition', 'other'] as const;
export type HazardSource = (typeof HAZARD_SOURCES)[number];

export const HAZARD_SOURCE_LABELS: Record<HazardSource, string> = {
  grid: '网格员上报',
  sweep: '排查',
  hotline: '热线',
  petition: '信访',
  other: '其他',
};

export interface HazardDraft {
  title?: string | null;
  category?: string | null;
  source?: string | null;
  level?: string | null;
  foundOn?: string | null;
  townshipCode?: string | null;
  villageCode?: string | null;
  gridCode?: string | null;
  lng?: number | null;
  lat?: number | null;
  /** People involved (涉及人数). */
  peopleInvolved?: number | null;
}

/** Everything wrong with a new or edited hazard; `extent` is the county's, from its boundary file. */
export function hazardDraftProblems(draft: HazardDraft, extent: CountyExtent, today?: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (isBlank(draft.title)) problems.push({ path: 'title', message: '请填写“隐患名称”' });
  if (isBlank(draft.category)) problems.push({ path: 'category', message: '请选择“隐患类别”' });
  if (isBlank(draft.level)) problems.push({ path: 'level', message: '请选择“风险等级”' });
  if (isBlank(draft.foundOn)) problems.push({ path: 'foundOn', message: '请填写“发现日期”' });
  problems.push(
    ...compact([
      choiceProblem('source', '来源', draft.source, HAZARD_SOURCES, HAZARD_SOURCE_LABELS),
      choiceProblem('level', '风险等级', draft.level, HAZARD_LEVELS, HAZARD_LEVEL_LABELS),
      dateProblem('foundOn', '发现日期', draft.foundOn, { notAfter: todayBound(today) }),
    ]),
  );
  problems.push(...locationProblems(draft));
  problems.push(...coordinateProblems(draft, extent));
  if (draft.peopleInvolved !== undefined && draft.peopleInvolved !== null && !isCount(draft.peopleInvolved)) {
    problems.push({ path: 'peopleInvolved', message: '“涉及人数”应为不小于 0 的整数' });
  }
  return problems;
}

/** The names of a hazard's correctable fields, as the drawer, the correction form and the timeline show them. */
export const HAZARD_FIELD_LABELS = {
  title: '隐患名称',
  category: '隐患类别',
  source: '来源',
  description: '基本情况',
  foundOn: '发现日期',
  townshipCode: '乡镇/街道',
  villageCode: '村/社区',
  gridCode: '网格',
  lng: '经度',
  lat: '纬度',
  peopleInvolved: '涉及人数',
  people: '涉及人员',
  plan: '化解方案',
  measures: '稳控化解措施',
} as const;
