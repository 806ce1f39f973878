import type { DeadlineStage } from '@shared/domain/ledger/deadlines';

/** An Element Plus tag's colour type. */
export type TagType = 'primary' | 'success' | 'info' | 'warning' | 'danger';

/** The colour of a deadline stage's tag: 正常 green, 期限过半 blue, 临期 orange, 超期 red. */
export const STAGE_TAG_TYPES: Record<DeadlineStage, TagType> = {
  normal: 'success',
  half_used: 'primary',
  due_soon: 'warning',
  overdue: 'danger',
  done: 'info',
};
