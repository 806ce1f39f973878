import type { DeadlineStage } from '@shared/domain/ledger/deadlines';
import type { PetitionStatus } from '@shared/domain/petitions/statuses';

type TagType = 'primary' | 'success' | 'info' | 'warning' | 'danger';

/** The colour of a deadline stage's tag: 正常 green, 期限过半 blue, 临期 orange, 超期 red. */
export const STAGE_TAG_TYPES: Record<DeadlineStage, TagType> = {
  normal: 'success',
  half_used: 'primary',
  due_soon: 'warning',
  overdue: 'danger',
  done: 'info',
};

export const STATUS_TAG_TYPES: Record<PetitionStatus, TagType> = {
  found: 'info',
  classified: 'info',
  assigned: 'primary',
  resolving: 'warning',
  resolved: 'success',
  closed: 'success',
};
