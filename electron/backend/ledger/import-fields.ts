import { maskPersonal } from '../../../shared/domain/ledger/records';
import type { EditableFields } from './changes';

/** How a field's value is shown: through an enumeration's Chinese labels, or by a function (`String`: as it is). */
export type ShowValue<T> = Readonly<Record<string, string>> | ((value: T) => string);

/**
 * The fields of an imported record as the 更正 of a re-import lists them: `labels` name them, a
 * field in `shows` is shown through its labels or its function, any other field as the ledger's
 * correction (`correctable`) shows it.
 */
export function importedFields<V extends Record<string, unknown>>(
  labels: { readonly [K in keyof V]: string },
  correctable: Pick<EditableFields<never>, 'show'>,
  shows: { readonly [K in keyof V]?: ShowValue<V[K]> },
): EditableFields<V> {
  return {
    labels,
    show(field, value) {
      const how = shows[field];
      if (how === undefined) return correctable.show(field as never, value as never);
      return typeof how === 'function' ? how(value) : (how[value as string] as string);
    },
  };
}

/** A person's ID number and phone as the timeline shows them after the name: `（410***********1234）（138****5678）`. */
export const maskedContacts = (person: { idNumber: string | null; phone: string | null }): string =>
  [person.idNumber && maskPersonal('idNumber', person.idNumber), person.phone && maskPersonal('phone', person.phone)]
    .filter(Boolean)
    .map((v) => `（${v}）`)
    .join('');
