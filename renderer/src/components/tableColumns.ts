import type { VNode } from 'vue';

/**
 * A column of a read-only table, described as data: the row's field `prop` as it is, or `cell`'s
 * text or node (a tag) from the row. `tooltip` cuts a long value and shows it whole on hover.
 */
export interface TableColumn<Row> {
  label: string;
  prop?: keyof Row & string;
  width?: number;
  minWidth?: number;
  tooltip?: boolean;
  cell?: (row: Row) => string | VNode;
}

/** A button of a row's 操作 column: shown when `show` allows, `primary` unless told `warning` or `plain`. */
export interface RowAction<Row> {
  label: string | ((row: Row) => string);
  run: (row: Row) => void;
  tone?: 'warning' | 'plain';
  show?: (row: Row) => boolean;
  testid?: (row: Row) => string;
}

/** A field of a fixed width. */
export const fieldColumn = <Row>(prop: keyof Row & string, label: string, width: number): TableColumn<Row> => ({
  prop,
  label,
  width,
});

/** A field of a fixed width or at least `minWidth`, cut with a tooltip when long. */
export const textColumn = <Row>(
  prop: keyof Row & string,
  label: string,
  size: { width: number } | { minWidth: number },
): TableColumn<Row> => ({ prop, label, ...size, tooltip: true });
