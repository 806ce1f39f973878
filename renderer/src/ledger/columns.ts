import { ElTableColumn } from 'element-plus';

/**
 * `el-table-column` typed by its table's rows, so a cell's `#default="{ row }"` is the contract's
 * item (`PetitionRow` …) and not `any`: a template reads `row.status` as its union, no cast. Element
 * Plus's column is generic over its row, but a template cannot pass it a type; this instantiation
 * does (at run time it is the same component). Give it the table's state, `columnOf(table)`, or the
 * row type, `columnOf<MeetingItem>()`.
 */
export const columnOf = <Row extends object>(_table?: { items: readonly Row[] }) => ElTableColumn<Row>;
