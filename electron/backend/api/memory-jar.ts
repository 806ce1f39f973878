import type { SessionJar } from './types';

/** A session jar held in a variable: for the CLI, the bench and tests, which have no cookie or window. */
export function memoryJar(): SessionJar {
  let token: string | undefined;
  return {
    get: () => token,
    set: (next) => {
      token = next ?? undefined;
    },
  };
}
