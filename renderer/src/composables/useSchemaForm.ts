import { reactive, watch } from 'vue';
import type { z } from 'zod';
import type { ErrorDetail } from '@shared/errors';

export type FormModel = Record<string, unknown>;

/** Empty inputs ('' from a cleared text box or select) mean "not given" to the schema. */
function toInput(model: FormModel): FormModel {
  return Object.fromEntries(Object.entries(model).filter(([, value]) => value !== '' && value !== null));
}

/** The first message for each dotted path; the contract's schemas already speak Chinese. */
function messagesByPath(issues: readonly z.core.$ZodIssue[]): Map<string, string> {
  const messages = new Map<string, string>();
  for (const issue of issues) {
    const path = issue.path.map(String).join('.');
    if (!messages.has(path)) messages.set(path, issue.message);
  }
  return messages;
}

const belongsTo = (path: string, field: string) => path === field || path.startsWith(`${field}.`);
/** A path and a changed path concern each other: the same field, a part of it, or a whole it is part of. */
const related = (path: string, changed: string) => belongsTo(path, changed) || belongsTo(changed, path);

const isNested = (value: unknown): value is object =>
  Array.isArray(value) ||
  (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype);

/** The model's values by dotted path, down to single values (rows of a list, parts of a group). */
function leaves(value: unknown, path = '', out = new Map<string, unknown>()): Map<string, unknown> {
  const keys = isNested(value) ? Object.keys(value) : [];
  // An empty list or group is a value of its own, so emptying one counts as a change.
  if (keys.length === 0) out.set(path, isNested(value) ? JSON.stringify(value) : value);
  for (const key of keys) leaves((value as Record<string, unknown>)[key], path ? `${path}.${key}` : key, out);
  return out;
}

/**
 * A form validated by a contract's zod schema: the model for v-model, `errors` keyed by field path
 * for `el-form-item :error`, checked again as each field changes, and able to show the backend's
 * VALIDATION details on the fields they name.
 */
export function useSchemaForm<S extends z.ZodType, M extends FormModel>(schema: S, initial: M) {
  const model = reactive({ ...initial }) as M;
  const errors = reactive<Record<string, string | undefined>>({});

  const check = () => schema.safeParse(toInput(model));

  function setFieldErrors(changed: string, messages: Map<string, string>): void {
    for (const path of Object.keys(errors)) if (related(path, changed)) delete errors[path];
    for (const [path, message] of messages) if (related(path, changed)) errors[path] = message;
  }

  function clearErrors(): void {
    for (const path of Object.keys(errors)) delete errors[path];
  }

  /** Checks the whole form and marks every field; returns the parsed input, or null when invalid. */
  function validate(): z.output<S> | null {
    const result = check();
    clearErrors();
    if (result.success) return result.data;
    for (const [path, message] of messagesByPath(result.error.issues)) errors[path] = message;
    return null;
  }

  /** Marks the fields named by a VALIDATION error's details; returns the details no field here holds. */
  function applyServerErrors(details: readonly ErrorDetail[]): ErrorDetail[] {
    const unplaced: ErrorDetail[] = [];
    for (const detail of details) {
      const field = detail.path.split('.')[0];
      if (field && field in model) errors[detail.path] = detail.message;
      else unplaced.push(detail);
    }
    return unplaced;
  }

  // Instant feedback: re-check only the values the user just changed (a field, or one value in a
  // row of a list or a group), so untouched fields stay quiet.
  let previous = leaves(model);

  /** Back to the initial values, quiet: no field is re-checked for the reset itself. */
  function reset(): void {
    Object.assign(model, initial);
    previous = leaves(model);
    clearErrors();
  }

  watch(
    () => leaves(model),
    (current) => {
      const paths = new Set([...current.keys(), ...previous.keys()]);
      const changed = [...paths].filter((path) => current.get(path) !== previous.get(path));
      previous = current;
      if (changed.length === 0) return;
      const result = check();
      const messages = result.success ? new Map<string, string>() : messagesByPath(result.error.issues);
      for (const path of changed) setFieldErrors(path, messages);
    },
  );

  return { model, errors, validate, applyServerErrors, reset };
}
