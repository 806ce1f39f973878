/**
 * The two dates a case is registered with, as they happened: the first petition and the receipt,
 * neither after the county's today, the first petition not after the receipt. Registering, a
 * correction and an imported row check them alike; each refusal names its field.
 */
import { happenedProblems, type HappenedDate } from '../ledger/happened';
import type { FieldProblem } from '../ledger/state-machine';
import { PETITION_FIELD_LABELS } from './fields';

export interface RegistrationDates {
  firstPetitionDate?: string | null;
  receivedDate?: string | null;
}

/** The registration's dates as `happenedProblems` reads them (an import adds the later steps). */
export const registrationDates = (input: RegistrationDates): HappenedDate[] => [
  { key: 'firstPetitionDate', label: PETITION_FIELD_LABELS.firstPetitionDate, date: input.firstPetitionDate ?? null },
  {
    key: 'receivedDate',
    label: PETITION_FIELD_LABELS.receivedDate,
    date: input.receivedDate ?? null,
    notBefore: ['firstPetitionDate'],
  },
];

export const registrationDateProblems = (input: RegistrationDates, today: string): FieldProblem[] =>
  happenedProblems(registrationDates(input), today).map(({ key, message }) => ({ path: key, message }));
