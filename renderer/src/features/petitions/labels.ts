import type { PetitionStatus } from '@shared/domain/petitions/statuses';
import type { TagType } from '@/ledger/labels';

export const STATUS_TAG_TYPES: Record<PetitionStatus, TagType> = {
  found: 'info',
  classified: 'info',
  assigned: 'primary',
  resolving: 'warning',
  resolved: 'success',
  closed: 'success',
};
