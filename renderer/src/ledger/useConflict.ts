import { ElMessage } from 'element-plus';
import { inject, ref, watch, type InjectionKey, type Ref } from 'vue';
import { ApiError } from '@/api/client';
import { confirmAction } from '@/composables/confirm';
import type { FormModel } from '@/composables/useSchemaForm';

/**
 * The version a change committed elsewhere brought to the open drawer (null: none), which the
 * drawer's dialogs compare with the version they are based on (LedgerDrawer provides it).
 */
export const CHANGED_ELSEWHERE: InjectionKey<Readonly<Ref<number | null>>> = Symbol('changed-elsewhere');

/** What an open dialog says when the record moved on under it. */
export const CHANGED_MEANWHILE = '该记录刚被他人修改';

/** A change refused because the record moved on since the user's screen read it. */
const isStaleVersion = (failure: ApiError): boolean =>
  failure.code === 'CONFLICT' && failure.details.some((detail) => detail.path === 'version');

/** A correction form: its model, how a record fills it, and the label of each field. */
interface ConflictForm<D, V extends FormModel> {
  model: V;
  valuesOf(record: D): V;
  labels: { readonly [K in keyof V]: string };
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * Optimistic locking in a dialog: `version` is the record's version the dialog's change is based
 * on. When a save is refused because someone else changed the record meanwhile (`claim`, given to
 * `useSubmit`), the dialog stays open with what was typed and shows `message`; `reload` reads the
 * record anew (`refresh`, which also shows it in the drawer) and takes its version. A correction
 * form keeps every field the user changed and takes the latest value of every other field; where
 * the other change touched a field the user also changed, the user chooses whose value stays;
 * `unchanged` tells when the form holds nothing the record does not.
 */
export function useConflict<D extends { version: number }, V extends FormModel>(
  opened: D,
  refresh: () => Promise<D>,
  form?: ConflictForm<D, V>,
) {
  const version = ref(opened.version);
  const message = ref('');
  const reloading = ref(false);
  // Said before a save is refused: the drawer heard of another's change to this record.
  const elsewhere = inject(CHANGED_ELSEWHERE, null);
  if (elsewhere) {
    watch(elsewhere, (latest) => {
      if (latest !== null && latest > version.value && !message.value) message.value = CHANGED_MEANWHILE;
    });
  }
  /** The values the form's fields started from: what the user's input is compared with. */
  let base = form ? form.valuesOf(opened) : null;

  function claim(failure: ApiError): boolean {
    if (!isStaleVersion(failure)) return false;
    message.value = failure.message;
    return true;
  }

  /** Carries the latest record into the form; the user's own changes stay unless they choose otherwise. */
  async function rebase(form: ConflictForm<D, V>, from: V, latest: V): Promise<void> {
    const keys = Object.keys(latest) as Array<keyof V & string>;
    const typed = (key: keyof V) => !same(form.model[key], from[key]);
    const clashes = keys.filter(
      (key) => typed(key) && !same(latest[key], from[key]) && !same(latest[key], form.model[key]),
    );
    for (const key of keys) if (!typed(key)) form.model[key] = latest[key];
    if (clashes.length === 0) return;
    const names = clashes.map((key) => `“${form.labels[key]}”`).join('、');
    const question = `他人也修改了您正在更正的${names}。改用最新内容将替换您在这些项中的填写。`;
    if (await confirmAction(question, '他人也修改了这些项', '改用最新内容', '保留我的填写')) {
      for (const key of clashes) form.model[key] = latest[key];
    }
  }

  /** A correction form still holding the record as last read: there is nothing to save. */
  function unchanged(): boolean {
    const from = base;
    return !!form && !!from && Object.keys(from).every((key) => same(form.model[key], from[key]));
  }

  async function reload(): Promise<void> {
    if (reloading.value) return;
    reloading.value = true;
    try {
      const latest = await refresh();
      version.value = latest.version;
      message.value = '';
      if (form && base) {
        const from = base;
        base = form.valuesOf(latest);
        await rebase(form, from, base);
      }
      ElMessage.success('已载入最新内容，请核对后再提交');
    } catch (failure) {
      if (!(failure instanceof ApiError)) throw failure;
      message.value = failure.message;
    } finally {
      reloading.value = false;
    }
  }

  return { version, message, reloading, claim, reload, unchanged };
}

/** A dialog's optimistic lock, as the step and correction dialogs take it. */
export type Conflict = ReturnType<typeof useConflict>;
