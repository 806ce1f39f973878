import type { RevealEntity, RevealField } from '@shared/contract/personal';

/** Which personal value to show in full (personal.reveal), and how to name it to the user. */
export interface RevealTarget {
  entity: RevealEntity;
  id: string;
  /** One of the fields personal.reveal knows (REVEALABLE). */
  field: RevealField;
  /** What the value is, e.g. 电话. */
  label: string;
  /** Whose value it is, e.g. the account's name. */
  owner: string;
}
