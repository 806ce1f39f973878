/**
 * What every ledger record shares beyond its workflow: it is numbered, carries a version that each
 * change raises, may be corrected field by field, and is voided (作废) rather than deleted.
 */
import { maskAddress, maskIdNumber, maskName, maskPhone } from '../masking';

export const LEDGER_KEYS = ['petition', 'hazard', 'assessment', 'dispute'] as const;
export type LedgerKey = (typeof LEDGER_KEYS)[number];

/** What the records of a ledger are called in messages: `未找到该积案`. */
export const LEDGER_NOUNS: Record<LedgerKey, string> = {
  petition: '积案',
  hazard: '风险隐患',
  assessment: '稳评',
  dispute: '矛盾纠纷',
};

/** `import`: the first line of a record brought in from Excel, its reason naming the file and row. */
export const LEDGER_CHANGE_KINDS = ['edit', 'void', 'restore', 'import'] as const;
export type LedgerChangeKind = (typeof LEDGER_CHANGE_KINDS)[number];

export const LEDGER_CHANGE_LABELS: Record<LedgerChangeKind, string> = {
  edit: '更正',
  void: '作废',
  restore: '恢复',
  import: '导入',
};

/** The refusal of a change based on an older read of the record. */
export const STALE_VERSION_MESSAGE = '该记录已被他人修改，请刷新后重试';

/** How a personal value is shown on the timeline: masked, never in clear. */
export type PersonalKind = 'name' | 'idNumber' | 'phone' | 'address';

const MASKS: Record<PersonalKind, (value: string) => string> = {
  name: maskName,
  idNumber: maskIdNumber,
  phone: maskPhone,
  address: maskAddress,
};

export const maskPersonal = (kind: PersonalKind, value: string): string => MASKS[kind](value);

/** One corrected field as the timeline shows it: values as displayed, personal ones masked. */
export interface FieldChange {
  field: string;
  label: string;
  from: string;
  to: string;
}

/** A timeline line of the kernel: an import, a correction, a voiding or a restoring. */
export interface LedgerChange {
  id: string;
  kind: LedgerChangeKind;
  fields: FieldChange[];
  reason: string;
  byName: string;
  at: string;
}

/** The empty value on the timeline. */
export const NO_VALUE = '（空）';
