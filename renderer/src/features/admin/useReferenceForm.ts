import { ElMessage } from 'element-plus';
import { ref } from 'vue';
import type { z } from 'zod';
import { useSchemaForm, type FormModel } from '@/composables/useSchemaForm';
import { useSubmit } from '@/composables/useSubmit';

/**
 * A 基础数据 dialog's form: checked by its contract schema, the backend's field messages placed back
 * on the fields; `submit` writes the checked input, says what was saved, hands it on and closes.
 */
export function useReferenceForm<S extends z.ZodType, M extends FormModel>(schema: S, initial: M) {
  const form = useSchemaForm(schema, initial);
  const { pending, error, run } = useSubmit(form);
  const visible = ref(true);

  async function submit<T>(write: (checked: z.output<S>) => Promise<T>, done: (saved: T) => string): Promise<T | null> {
    const checked = form.validate();
    if (!checked) return null;
    let saved: T | null = null;
    const ok = await run(async () => {
      saved = await write(checked);
    });
    if (!ok || saved === null) return null;
    ElMessage.success(done(saved));
    visible.value = false;
    return saved;
  }

  return { form, pending, error, visible, submit };
}
