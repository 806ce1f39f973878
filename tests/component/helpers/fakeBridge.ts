import { vi } from 'vitest';
import type { MethodName } from '@shared/contract';
import type { Result } from '@shared/errors';

type Answer = (input: unknown) => Result<unknown>;

/**
 * Installs a fake desktop bridge (`window.zz`), the client's transport boundary: each method
 * answers with the envelope its handler returns; an unexpected method fails the test loudly.
 */
export function installBridge(answers: Partial<Record<MethodName, Answer>>) {
  const invoke = vi.fn(async (method: string, input: unknown): Promise<Result<unknown>> => {
    const answer = answers[method as MethodName];
    if (!answer) throw new Error(`测试未准备方法 ${method} 的应答`);
    return answer(input);
  });
  window.zz = { invoke, on: () => () => undefined };
  return invoke;
}

export function removeBridge(): void {
  delete window.zz;
}
