import { PETITION_ITEM_TYPE_LABELS, type PetitionItemType } from './classification';
import { DEADLINE_STAGE_LABELS, type DeadlineStage } from '../ledger/deadlines';
import { PETITION_STATUS_LABELS, type PetitionStatus } from './statuses';

/** The petition list's filter fields, by their names on the search form. */
export const PETITION_FILTER_LABELS = {
  keyword: '关键字',
  townshipCode: '乡镇',
  category: '类别',
  itemType: '事项类型',
  status: '状态',
  stage: '期限状态',
  handlingUnitId: '承办单位',
  leaderId: '包案领导',
  receivedFrom: '登记日期起',
  receivedTo: '登记日期止',
} as const;

export type PetitionFilter = Partial<{
  [K in keyof typeof PETITION_FILTER_LABELS]: K extends 'itemType'
    ? PetitionItemType
    : K extends 'status'
      ? PetitionStatus
      : K extends 'stage'
        ? DeadlineStage
        : string;
}>;

const valueOf = (filter: PetitionFilter, key: keyof PetitionFilter): string => {
  if (key === 'itemType') return PETITION_ITEM_TYPE_LABELS[filter.itemType!];
  if (key === 'status') return PETITION_STATUS_LABELS[filter.status!];
  if (key === 'stage') return DEADLINE_STAGE_LABELS[filter.stage!];
  // A keyword may be a petitioner's name: the audit log notes that one was given, not what.
  if (key === 'keyword') return '（不记原文）';
  return filter[key]!;
};

/** `状态=化解中；乡镇=999901001000`, or `全部`: a filter as the audit log records it. */
export function describePetitionFilter(filter: PetitionFilter): string {
  const keys = (Object.keys(PETITION_FILTER_LABELS) as Array<keyof PetitionFilter>).filter((key) => filter[key]);
  return keys.length ? keys.map((key) => `${PETITION_FILTER_LABELS[key]}=${valueOf(filter, key)}`).join('；') : '全部';
}
