import { onMounted, type Ref } from 'vue';
import type { LedgerKey } from '@shared/domain/ledger/records';
import { useListPage, type ItemOf } from '@/composables/useListPage';
import type { FormModel } from '@/composables/useSchemaForm';
import type { TableState } from '@/composables/useTableState';
import { columnOf } from './columns';
import { featureOf, type LedgerFeature } from './ledgerFeatures';
import { useLedgerDialogs } from './useLedgerDialogs';
import { useTableSort, type TableSort } from './useTableSort';

type ListMethodOf<L extends LedgerKey> = `${LedgerFeature<L>}.list`;

/**
 * A ledger's list page over `<feature>.list`: `useListPage` with the form every ledger list has
 * (关键字, 只看已作废, then the ledger's own `filters`, the sort and its direction, newest first),
 * searched once mounted; the table's server-side sort by one of `sorts` (`sort` when cleared), the
 * drawer and register form (`useLedgerDialogs`), and `Column` typed by the list's rows.
 * `LedgerList` shows it.
 */
export function useLedgerList<L extends LedgerKey, F extends FormModel, S extends string>(
  ledger: L,
  filters: F,
  sort: S,
  sorts: readonly S[],
) {
  const initial = { keyword: '', voided: '' as 'only' | '', ...filters, sort, direction: 'desc' as 'asc' | 'desc' };
  const list = useListPage(`${featureOf(ledger)}.list` as ListMethodOf<L>, initial);
  onMounted(list.search);
  return {
    ledger,
    ...list,
    Column: columnOf<ItemOf<ListMethodOf<L>> & object>(),
    ...useTableSort(list.form.model, sorts, sort, list.search),
    ...useLedgerDialogs(list.table),
  };
}

/** What `LedgerList` reads of `useLedgerList`. */
export interface LedgerListState<Row> {
  ledger: LedgerKey;
  form: { model: { keyword: string; voided: 'only' | '' }; errors: Readonly<Record<string, string | undefined>> };
  table: TableState<Row>;
  search(): void;
  reset(): void;
  appliedFilters(): Readonly<Record<string, unknown>>;
  defaultSort: Readonly<Ref<TableSort>>;
  changeSort(sort: TableSort): void;
  openId: Ref<string | null>;
  creating: Ref<boolean>;
  open(row: { id: string }): void;
  created(id: string): void;
}
