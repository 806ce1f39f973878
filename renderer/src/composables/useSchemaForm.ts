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

/**
 * A form validated by a contract's zod schema: the model for v-model, `errors` keyed by field path
 * for `el-form-item :error`, checked again as each field changes, and able to show the backend's
 * VALIDATION details on the fields they name.
 */
export function useSchemaForm<S extends z.ZodType, M extends FormModel>(schema: S, initial: M) {
  const model = reactive({ ...initial }) as M;
  const errors = reactive<Record<string, string | undefined>>({});

  const check = () => schema.safeParse(toInput(model));

  function setFieldErrors(field: string, messages: Map<string, string>): void {
    for (const path of Object.keys(errors)) if (belongsTo(path, field)) delete errors[path];
    for (const [path, message] of messages) if (belongsTo(path, field)) errors[path] = message;
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

  function reset(): void {
    Object.assign(model, initial);
    clearErrors();
  }

  // Instant feedback: re-check only the fields the user just changed, so untouched fields stay quiet.
  let previous: FormModel = { ...initial };
  watch(
    () => ({ ...model }) as FormModel,
    (current) => {
      const changed = Object.keys(current).filter((field) => current[field] !== previous[field]);
      previous = current;
      if (changed.length === 0) return;
      const result = check();
      const messages = result.success ? new Map<string, string>() : messagesByPath(result.error.issues);
      for (const field of changed) setFieldErrors(field, messages);
    },
  );

  return { model, errors, validate, applyServerErrors, reset };
}
