import type { Page } from '@shared/contract';
import type { HazardRow } from '@shared/contract/hazards';
import { HAZARD_LEVEL_LABELS } from '@shared/domain/risks/hazard-levels';
import { HAZARD_STATUS_LABELS } from '@shared/domain/risks/hazard-statuses';
import type { Paging } from '@/composables/useTableState';
import { describeFilters, labelled, townshipFilter, type ListPrint } from '@/ledger/print/listPrint';

/** 打印当前列表 of 风险隐患台账: its columns and its filter in words (the figure behind it included). */
export const hazardListPrint = (
  fetch: (paging: Paging) => Promise<Page<HazardRow>>,
  applied: () => Readonly<Record<string, unknown>>,
  category: (code: string) => string,
  figure: () => string,
): ListPrint<HazardRow> => ({
  title: '风险隐患台账',
  fetch,
  describe: async () => {
    const text = await describeFilters(applied(), {
      keyword: '关键词',
      townshipCode: townshipFilter,
      category: { label: '隐患类别', show: (v) => category(String(v)) },
      level: labelled('风险等级', HAZARD_LEVEL_LABELS),
      status: labelled('状态', HAZARD_STATUS_LABELS),
      foundFrom: '发现日期自',
      foundTo: '发现日期至',
      voided: { label: '范围', show: (v) => (v === 'only' ? '只看已作废' : '') },
    });
    return figure() ? `${text}；统计口径：${figure()}` : text;
  },
  columns: [
    { label: '隐患编号', value: (r) => r.hazardNo, width: '15%' },
    { label: '名称', value: (r) => r.title },
    { label: '等级', value: (r) => HAZARD_LEVEL_LABELS[r.level], width: '7%' },
    { label: '类别', value: (r) => category(r.category), width: '11%' },
    { label: '乡镇/街道', value: (r) => [r.townshipName, r.villageName].filter(Boolean).join(' '), width: '14%' },
    { label: '状态', value: (r) => HAZARD_STATUS_LABELS[r.status], width: '8%' },
    { label: '发现日期', value: (r) => r.foundOn, width: '12%' },
    { label: '包保领导', value: (r) => r.leaderName, width: '10%' },
  ],
});
