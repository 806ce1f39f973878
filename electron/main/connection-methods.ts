import { connectionChoiceInput, type ConnectionChoice } from '../../shared/contract/connection';
import { validationDetails, validationMessage } from '../../shared/contract/validation';
import { fail, ok, type Result } from '../../shared/errors';
import type { MethodName } from '../../shared/contract';
import type { HostClient } from './host-client';
import { createServerClient } from './server-client';

export const CONNECTION_METHODS: ReadonlySet<MethodName> = new Set(['connection.get', 'connection.choose']);

export interface ConnectionMethods {
  /** The choice saved at start; null until the first-run page makes one. */
  current: ConnectionChoice | null;
  /** Saves the choice, then restarts the app in the chosen mode. */
  save(choice: ConnectionChoice): void;
}

/**
 * `connection.get` and `connection.choose`, which main answers itself (the data host or the server
 * never sees them). Connecting to a centre server is tried first: a server that cannot be reached
 * or shows another certificate than the fingerprint given is refused, and nothing is saved.
 */
export async function answerConnectionMethod(
  method: MethodName,
  input: unknown,
  methods: ConnectionMethods,
): Promise<Result<unknown>> {
  if (method === 'connection.get') return ok(methods.current ?? { mode: null });
  const parsed = connectionChoiceInput.safeParse(input ?? {});
  if (!parsed.success) {
    const details = validationDetails(parsed.error);
    return fail('VALIDATION', validationMessage(details), details);
  }
  if (parsed.data.mode === 'client') {
    const probe = await tryServer(createServerClient(parsed.data, { timeoutMs: 10_000 }));
    if (!probe.ok) return probe;
  }
  methods.save(parsed.data);
  return ok(parsed.data);
}

/** One public call (`auth.status`) over the pinned connection: it answers only if the fingerprint matches. */
async function tryServer(client: HostClient): Promise<Result<unknown>> {
  try {
    return await client.call('auth.status', {}, 0);
  } finally {
    await client.stop();
  }
}
