import { h } from 'vue';
import type { DeadlineStage } from '@shared/domain/ledger/deadlines';
import type { TableColumn } from '@/components/tableColumns';
import StageTag from './StageTag.vue';

/** A row with a deadline: its date and that clock's stage. */
export interface DueRow {
  dueDate: string | null;
  stage: DeadlineStage | null;
}

/** The date and its stage tag side by side on one line. */
const DUE_WITH_STAGE = 'display: inline-flex; gap: 6px; align-items: center; white-space: nowrap';

/**
 * A 办理时限 column: the date with its stage tag in one cell, so a half-width table still shows it
 * whole. `testid` names the tag.
 */
export const dueColumn = <Row extends DueRow>(
  label: string,
  testid?: (row: Row) => string,
  width = 164,
): TableColumn<Row> => ({
  label,
  width,
  cell: (row) =>
    h('span', { style: DUE_WITH_STAGE }, [
      row.dueDate ?? '—',
      row.stage ? h(StageTag, { stage: row.stage, ...(testid ? { 'data-testid': testid(row) } : {}) }) : null,
    ]),
});
