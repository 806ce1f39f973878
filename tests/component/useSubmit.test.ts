import { describe, expect, it } from 'vitest';
import { regionsListInput } from '@shared/contract/regions';
import { ApiError } from '@/api/client';
import { useSchemaForm } from '@/composables/useSchemaForm';
import { useSubmit } from '@/composables/useSubmit';

const refuse = (body: ConstructorParameters<typeof ApiError>[0]) => async () => {
  throw new ApiError(body);
};

describe('useSubmit', () => {
  it('shows the message and puts VALIDATION details on the fields', async () => {
    const form = useSchemaForm(regionsListInput, { keyword: '' });
    const submit = useSubmit(form);

    const done = await submit.run(
      refuse({ code: 'VALIDATION', message: '输入有误', details: [{ path: 'keyword', message: '太长' }] }),
    );

    expect(done).toBe(false);
    expect(submit.error.value).toBe('输入有误');
    expect(form.errors.keyword).toBe('太长');
    expect(submit.pending.value).toBe(false);
  });

  it('leaves session errors to the lock screen and password page, unless asked to show them', async () => {
    const locked = { code: 'UNAUTHENTICATED', reason: 'SESSION_EXPIRED', message: '屏幕已锁定' } as const;
    const form = useSubmit();
    const lockScreen = useSubmit(undefined, { showSessionErrors: true });

    expect(await form.run(refuse(locked))).toBe(false);
    expect(form.error.value).toBe('');
    expect(await lockScreen.run(refuse(locked))).toBe(false);
    expect(lockScreen.error.value).toBe('屏幕已锁定');
  });
});
