import type { PetitionStatus } from '@shared/domain/petitions/statuses';
import type { TagType } from '@/ledger/labels';

export const STATUS_TAG_TYPES: Record<PetitionStatus, TagType> = {
  found: 'info',
  classified: 'info',
  accepted: 'info',
  assigned: 'primary',
  resolving: 'warning',
  replied: 'primary',
  reviewing: 'warning',
  reviewed: 'primary',
  re_reviewing: 'warning',
  final: 'info',
  resolved: 'success',
  closed: 'success',
  not_accepted: 'info',
  not_again: 'info',
};
