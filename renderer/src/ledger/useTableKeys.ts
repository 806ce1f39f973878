import type { TableInstance } from 'element-plus';
import { nextTick, ref, watch, type ShallowRef } from 'vue';

interface KeyedTable<Row> {
  items: readonly Row[];
  page: number;
  pageSize: number;
  total: number;
  setPaging(next: { page: number; pageSize: number }): Promise<void>;
}

/**
 * A ledger table worked from the keyboard once it has focus: ↑ / ↓ choose a row, Enter opens it,
 * PageUp / PageDown turn the page (the first row of the new page chosen).
 */
export function useTableKeys<Row extends object>(
  element: Readonly<ShallowRef<TableInstance | null>>,
  table: KeyedTable<Row>,
  open: (row: Row) => void,
) {
  const current = ref(-1);
  watch(
    () => table.items,
    () => (current.value = -1),
  );

  function choose(index: number): void {
    const row = table.items[index];
    if (row === undefined) return;
    current.value = index;
    element.value?.setCurrentRow(row);
    void nextTick(() => element.value?.$el.querySelector('.current-row')?.scrollIntoView({ block: 'nearest' }));
  }

  async function turn(page: number): Promise<void> {
    const last = Math.max(1, Math.ceil(table.total / table.pageSize));
    if (page < 1 || page > last || page === table.page) return;
    await table.setPaging({ page, pageSize: table.pageSize });
    choose(0);
  }

  function onKeydown(event: KeyboardEvent): void {
    const keys: Record<string, () => unknown> = {
      ArrowDown: () => choose(Math.min(current.value + 1, table.items.length - 1)),
      ArrowUp: () => choose(Math.max(current.value - 1, 0)),
      Enter: () => current.value >= 0 && open(table.items[current.value] as Row),
      PageDown: () => turn(table.page + 1),
      PageUp: () => turn(table.page - 1),
    };
    const action = keys[event.key];
    if (!action || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    void action();
  }

  /** A clicked row is the chosen one, so the keys go on from there. */
  const chosen = (row: Row) => (current.value = table.items.indexOf(row));

  return { onKeydown, chosen };
}
