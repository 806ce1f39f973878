import { DISPLAY_ROLE } from '../../../shared/domain/roles';
import type { CallContext, Services } from '../api/types';
import type { Principal } from './sessions';

/** Who the wall display is to the backend: no account, no user id of a person, board.read only. */
export const DISPLAY_PRINCIPAL: Principal = {
  userId: 'wall-display',
  username: 'wall-display',
  displayName: '态势大屏',
  roles: [DISPLAY_ROLE],
  regionCode: null,
};

export const isDisplay = (principal: Principal): boolean => principal.roles.includes(DISPLAY_ROLE);

/**
 * The calls of a wall display (the desktop's board window, the board on the LAN): they carry a
 * display session, created on first use and again whenever the store lost it (a restore signs
 * everyone out). Nobody signs in or out there, so the jar ignores what a call would set. The
 * backend's services are read at each call: a backend still in recovery has none yet.
 */
export function displayCall(
  backend: { readonly services: Services },
  transport: CallContext['transport'],
  client: string,
): CallContext {
  let token: string | undefined;
  return {
    transport,
    client,
    jar: {
      get: () => {
        const { services } = backend;
        if (!services.sessions.find(token, services.now())) {
          token = services.sessions.create(
            DISPLAY_PRINCIPAL,
            { mustChangePassword: false, passwordExpired: false },
            services.now(),
          );
        }
        return token;
      },
      set: () => {},
    },
  };
}
