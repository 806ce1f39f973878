import type { Page } from '@shared/contract';
import type { MeetingRow } from '@shared/contract/meetings';
import { MEETING_LEVEL_LABELS } from '@shared/domain/risks/meetings';
import type { Paging } from '@/composables/useTableState';
import { describeFilters, labelled, townshipFilter, type ListPrint } from '@/ledger/print/listPrint';

/** 打印当前列表 of 会商研判: its columns and its filter in words. */
export const meetingListPrint = (
  fetch: (paging: Paging) => Promise<Page<MeetingRow>>,
  applied: () => Readonly<Record<string, unknown>>,
): ListPrint<MeetingRow> => ({
  title: '会商研判会议台账',
  fetch,
  describe: () =>
    describeFilters(applied(), {
      keyword: '关键词',
      level: labelled('会议层级', MEETING_LEVEL_LABELS),
      townshipCode: townshipFilter,
      heldFrom: '会议日期自',
      heldTo: '会议日期至',
    }),
  columns: [
    { label: '会议编号', value: (r) => r.meetingNo, width: '15%' },
    { label: '会议日期', value: (r) => r.heldOn, width: '12%' },
    { label: '层级', value: (r) => MEETING_LEVEL_LABELS[r.level], width: '9%' },
    { label: '议题', value: (r) => r.topic },
    { label: '主持人', value: (r) => r.chairedBy, width: '10%' },
    { label: '乡镇/街道', value: (r) => r.townshipName ?? '全县', width: '12%' },
    { label: '研判事项', value: (r) => `${r.itemCount} 项`, width: '9%' },
  ],
});
