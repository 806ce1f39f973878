import type { Page } from '@shared/contract';
import type { PetitionRow } from '@shared/contract/petitions';
import { PETITION_ITEM_TYPE_LABELS } from '@shared/domain/petitions/classification';
import { DEADLINE_STAGE_LABELS } from '@shared/domain/ledger/deadlines';
import { PETITION_STATUS_LABELS } from '@shared/domain/petitions/statuses';
import type { Paging } from '@/composables/useTableState';
import { describeFilters, labelled, townshipFilter, type ListPrint } from '@/ledger/print/listPrint';

/** What the page knows that a filter's code does not say: the names it shows in its pickers. */
interface PetitionNames {
  category: (code: string) => string;
  unit: (id: string) => string;
  leader: (id: string) => string;
  /** The figure behind the list, in words (empty when none). */
  figure: () => string;
}

/** 打印当前列表 of 积案台账: its columns (petitioners masked, as the table shows them) and filter in words. */
export const petitionListPrint = (
  fetch: (paging: Paging) => Promise<Page<PetitionRow>>,
  applied: () => Readonly<Record<string, unknown>>,
  names: PetitionNames,
): ListPrint<PetitionRow> => ({
  title: '信访积案台账',
  fetch,
  describe: async () => {
    const figure = names.figure();
    const text = await describeFilters(applied(), {
      keyword: '关键词',
      townshipCode: townshipFilter,
      category: { label: '问题类别', show: (v) => names.category(String(v)) },
      itemType: labelled('事项类型', PETITION_ITEM_TYPE_LABELS),
      status: labelled('状态', PETITION_STATUS_LABELS),
      stage: labelled('期限状态', DEADLINE_STAGE_LABELS),
      handlingUnitId: { label: '承办单位', show: (v) => names.unit(String(v)) },
      leaderId: { label: '包案领导', show: (v) => names.leader(String(v)) },
      receivedFrom: '登记日期自',
      receivedTo: '登记日期至',
      voided: { label: '范围', show: (v) => (v === 'only' ? '只看已作废' : '') },
    });
    return figure ? `${text}；统计口径：${figure}` : text;
  },
  columns: [
    { label: '案件编号', value: (r) => r.caseNo, width: '12%' },
    { label: '乡镇/街道', value: (r) => r.townshipName, width: '8%' },
    { label: '信访人', value: (r) => r.petitionerNames.join('、'), width: '10%' },
    { label: '诉求摘要', value: (r) => r.summary },
    { label: '状态', value: (r) => PETITION_STATUS_LABELS[r.status], width: '7%' },
    { label: '承办单位', value: (r) => r.handlingUnitName, width: '14%' },
    { label: '办理时限', value: (r) => r.dueDate, width: '9.5%' },
    { label: '登记日期', value: (r) => r.receivedDate, width: '9.5%' },
  ],
});
