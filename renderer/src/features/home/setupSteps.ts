import type { ImportKindKey } from '@shared/contract/imports';
import type { SystemInfo } from '@shared/contract/system';
import { REFERENCE_COUNTS } from '@/app/referenceCounts';

type Counts = SystemInfo['counts'];

/** The steps of 设置本县 after the county itself: each kind typed in or imported from Excel. */
export interface ReferenceStep {
  kind: ImportKindKey;
  title: string;
  hint: string;
  /** The counts that show how far it has come; the step is done once the first is above 0. */
  counts: ReadonlyArray<keyof Counts>;
}

export const REFERENCE_STEPS: readonly ReferenceStep[] = [
  {
    kind: 'regions',
    title: '行政区划',
    hint: '乡镇/街道、村/社区和网格，使用 12 位统计用区划代码（网格 15 位），先有上级再有下级。',
    counts: ['townships', 'villages', 'grids'],
  },
  {
    kind: 'units',
    title: '承办单位',
    hint: '乡镇人民政府/街道办事处、县直部门、政法单位等；乡镇政府须注明所属乡镇。',
    counts: ['units'],
  },
  {
    kind: 'people',
    title: '领导与责任人',
    hint: '包案/包保领导和责任人，含职务、所在单位和电话（电话只以脱敏形式显示）。',
    counts: ['people'],
  },
];

export const stepDone = (step: ReferenceStep, counts: Counts): boolean => counts[step.counts[0]!] > 0;

/** “乡镇/街道 12 个、村/社区 0 个”: what a step has so far. */
export function stepCounts(step: ReferenceStep, counts: Counts): string {
  return step.counts
    .map((key) => {
      const named = REFERENCE_COUNTS.find((item) => item.key === key)!;
      return `${named.label} ${counts[key]} ${named.unit}`;
    })
    .join('、');
}

/** Whether the county and every step have something: the home page then leaves the setup path. */
export const setupComplete = (info: SystemInfo): boolean =>
  !!info.county && REFERENCE_STEPS.every((step) => stepDone(step, info.counts));
