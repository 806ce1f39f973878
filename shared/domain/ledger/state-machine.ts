/**
 * A status machine as data: statuses, actions, the from → to table, the fields each action needs,
 * with Chinese labels. Every ledger (petitions, assessments, hazards, tasks) has the same shape, so
 * the refusal messages read the same everywhere: `当前状态为“X”，不能“Y”。可进行：…`.
 */

/** A problem as the envelope's `details` carry it, so a form can mark the field. */
export interface FieldProblem {
  path: string;
  message: string;
}

export interface MachineDefinition<S extends string, A extends string, F extends string> {
  statuses: readonly S[];
  statusLabels: Record<S, string>;
  /** In the order a user meets them; allowed actions and messages list them in this order. */
  actions: readonly A[];
  actionLabels: Record<A, string>;
  transitions: Record<A, Partial<Record<S, S>>>;
  requiredFields: Record<A, readonly F[]>;
  fieldLabels: Record<F, string>;
}

export type FieldInput<F extends string> = Partial<Record<F, string | null>>;

export interface StateMachine<S extends string, A extends string, F extends string> extends MachineDefinition<S, A, F> {
  canTransition(from: S, action: A): boolean;
  /** The status after `action`, or null when the action is not allowed from `from`. */
  nextStatus(from: S, action: A): S | null;
  allowedActions(from: S): A[];
  /** Null when allowed; otherwise the Chinese refusal naming the status, the action and what is allowed. */
  transitionError(from: S, action: A): string | null;
  /** `请填写“字段”` for each required field of `action` that is missing or blank. */
  missingFieldProblems(action: A, input: FieldInput<F>): FieldProblem[];
}

export const isBlank = (value: string | null | undefined): boolean =>
  value === undefined || value === null || value.trim() === '';

export function defineStateMachine<S extends string, A extends string, F extends string>(
  def: MachineDefinition<S, A, F>,
): StateMachine<S, A, F> {
  const canTransition = (from: S, action: A): boolean => def.transitions[action][from] !== undefined;
  const allowedActions = (from: S): A[] => def.actions.filter((action) => canTransition(from, action));
  return {
    ...def,
    canTransition,
    nextStatus: (from, action) => def.transitions[action][from] ?? null,
    allowedActions,
    transitionError(from, action) {
      if (canTransition(from, action)) return null;
      const allowed = allowedActions(from).map((a) => def.actionLabels[a]);
      const head = `当前状态为“${def.statusLabels[from]}”，不能“${def.actionLabels[action]}”。`;
      return allowed.length ? `${head}可进行：${allowed.join('、')}` : `${head}此状态下没有可进行的操作`;
    },
    missingFieldProblems: (action, input) =>
      def.requiredFields[action]
        .filter((field) => isBlank(input[field]))
        .map((field) => ({ path: field, message: `请填写“${def.fieldLabels[field]}”` })),
  };
}
