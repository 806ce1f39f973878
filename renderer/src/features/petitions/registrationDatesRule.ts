import type { z } from 'zod';
import { registrationDateProblems, type RegistrationDates } from '@shared/domain/petitions/registration-dates';
import { countyDate } from '@shared/domain/time';

/**
 * The registration's dates checked on the form as the backend checks them: none after the county's
 * today, the first petition not after the receipt (`schema.superRefine(registrationDatesRule)`).
 */
export function registrationDatesRule(input: RegistrationDates, ctx: z.RefinementCtx): void {
  for (const problem of registrationDateProblems(input, countyDate(new Date()))) {
    ctx.addIssue({ code: 'custom', path: [problem.path], message: problem.message });
  }
}
