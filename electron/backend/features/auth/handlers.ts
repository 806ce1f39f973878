import packageJson from '../../../../package.json' with { type: 'json' };
import type { HandlerMap } from '../../api/types';
import { centreOfCounty } from '../../db/county';
import { countUsers, findUserRow } from '../../auth/accounts';
import { lockIfIdle } from '../../auth/guard';
import { meOf } from '../../auth/principal';
import { changePassword, login, logout, setup, unlock } from './service';

export const authHandlers = {
  'auth.status': (_input, ctx) => {
    const session = ctx.sessions.find(ctx.call.jar.get(), ctx.now());
    if (session) lockIfIdle(ctx, ctx.call, session);
    const lockedUser = session?.locked ? findUserRow(ctx.sql, session.principal.userId) : undefined;
    return {
      appName: packageJson.productName,
      version: packageJson.version,
      needsSetup: countUsers(ctx.sql) === 0,
      centreName: centreOfCounty(ctx.sql, ctx.settings.work),
      session: !session ? 'none' : session.locked ? 'locked' : 'active',
      lockedUser: lockedUser ? { username: lockedUser.username, displayName: lockedUser.display_name } : null,
    };
  },
  'auth.setup': (input, ctx) => setup(ctx, input),
  'auth.login': (input, ctx) => login(ctx, input),
  'auth.unlock': ({ password }, ctx) => unlock(ctx, password),
  'auth.logout': (_input, ctx) => logout(ctx),
  'auth.me': (_input, ctx) => meOf(ctx, ctx.sessions.find(ctx.call.jar.get(), ctx.now())!),
  'auth.changePassword': (input, ctx) => changePassword(ctx, input),
} satisfies HandlerMap<
  'auth.status' | 'auth.setup' | 'auth.login' | 'auth.unlock' | 'auth.logout' | 'auth.me' | 'auth.changePassword'
>;
