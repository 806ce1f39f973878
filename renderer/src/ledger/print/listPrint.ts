import type { Page } from '@shared/contract';
import { PAGE_SIZE_MAX } from '@shared/contract/define';
import { listTownships } from '@/api/townships';
import type { Paging } from '@/composables/useTableState';

/** More rows than this are not printed: the list says how many there are and prints the first ones. */
export const LIST_PRINT_MAX = 2000;

/** A column of a printed list: its heading, its text for a row, its share of the width. */
export interface PrintColumn<Row> {
  label: string;
  value: (row: Row) => string | number | null | undefined;
  /** A CSS width (`12%`); the rest share what is left. */
  width?: string;
}

/** How a filter field reads in the printed description; a function turns a code into its label (empty: not said). */
export type FilterLabels = Record<
  string,
  string | { label: string; show: (value: unknown) => string | Promise<string> }
>;

/** The township filter by the township's name. */
export const townshipFilter = {
  label: '乡镇/街道',
  show: async (code: unknown) => (await listTownships()).find((t) => t.code === code)?.name ?? String(code),
};

/** A code among labels (a status, a stage): its label. */
export const labelled = (label: string, labels: Readonly<Record<string, string>>) => ({
  label,
  show: (value: unknown) => labels[String(value)] ?? String(value),
});

/** What a ledger page lends 打印当前列表 (LedgerListPage's `print`). */
export interface ListPrint<Row> {
  title: string;
  columns: readonly PrintColumn<Row>[];
  /** The search the table shows, as words (`describeFilters`). */
  describe: () => Promise<string>;
  /** A page of the list under that search, in its order (useListPage's `fetchApplied`). */
  fetch: (paging: Paging) => Promise<Page<Row>>;
}

const empty = (value: unknown) => value === undefined || value === null || value === '' || value === false;

/** `问题类别：征地拆迁；状态：办理中`: each field set, by its label; 全部记录 when none is. */
export async function describeFilters(
  applied: Readonly<Record<string, unknown>>,
  labels: FilterLabels,
): Promise<string> {
  const parts: string[] = [];
  for (const [key, label] of Object.entries(labels)) {
    const value = applied[key];
    if (empty(value)) continue;
    if (typeof label === 'string') parts.push(`${label}：${value === true ? '是' : String(value)}`);
    else {
      const shown = await label.show(value);
      if (shown) parts.push(`${label.label}：${shown}`);
    }
  }
  return parts.length ? parts.join('；') : '全部记录（未设筛选条件）';
}

/** The list's rows up to the cap, page after page (the largest page the contract allows), and the whole count. */
export async function fetchForPrint<Row>(
  fetch: ListPrint<Row>['fetch'],
  max = LIST_PRINT_MAX,
): Promise<{ rows: Row[]; total: number }> {
  const rows: Row[] = [];
  let total: number;
  for (let page = 1; ; page++) {
    const answer = await fetch({ page, pageSize: PAGE_SIZE_MAX });
    total = answer.total;
    rows.push(...answer.items);
    if (answer.items.length < PAGE_SIZE_MAX || rows.length >= Math.min(total, max)) break;
  }
  return { rows: rows.slice(0, max), total };
}

export const cellText = (value: string | number | null | undefined): string =>
  value === null || value === undefined || value === '' ? '—' : String(value);
