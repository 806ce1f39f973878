import type { TableColumnCtx, TableInstance } from 'element-plus';
import { watch, type ShallowRef } from 'vue';
import { userMemory } from '@/app/userMemory';

/** A column by what it shows: its field, or its label for a column drawn from several. */
const keyOf = (column: TableColumnCtx) => column.property || column.label;

/**
 * A ledger table's column widths as its user dragged them, kept per user and table and given back
 * when the table is drawn again (Element Plus keeps a dragged width only until the page is left).
 */
export function useColumnWidths(table: Readonly<ShallowRef<TableInstance | null>>, name: string) {
  const memory = userMemory<Record<string, number>>(`columns.${name}`);

  // Columns register with the table as they mount, not all at once: each gets its width when first seen.
  const seen = new WeakSet<TableColumnCtx>();
  watch(
    () => table.value?.columns.length ?? 0,
    () => {
      const saved = memory.read();
      if (!table.value) return;
      let changed = false;
      for (const column of table.value.columns) {
        if (seen.has(column)) continue;
        seen.add(column);
        const width = saved?.[keyOf(column)];
        if (width) column.width = column.realWidth = width;
        changed ||= !!width;
      }
      if (changed) table.value.doLayout();
    },
    { flush: 'post' },
  );

  /** `header-dragend`: the width the user left the column at. */
  function remember(width: number, _previous: number, column: TableColumnCtx): void {
    const key = keyOf(column);
    if (!key) return;
    memory.write({ ...memory.read(), [key]: Math.round(width) });
  }

  return { remember };
}
