import type { FieldProblem } from '../../../shared/domain/ledger/state-machine';
import { AppError } from '../../../shared/errors';

/**
 * Turns the domain's problems into the envelope's error: a refused state (path `status`) is a
 * CONFLICT with its message, missing or wrong fields one VALIDATION naming each of them.
 */
export function assertNoProblems(problems: readonly FieldProblem[]): void {
  const stateProblem = problems.find((p) => p.path === 'status');
  if (stateProblem) throw new AppError('CONFLICT', stateProblem.message, [stateProblem]);
  if (problems.length) throw new AppError('VALIDATION', problems.map((p) => p.message).join('；'), [...problems]);
}

/** One field's problem as a VALIDATION error. */
export const invalidField = (path: string, message: string): never => {
  throw new AppError('VALIDATION', message, [{ path, message }]);
};
