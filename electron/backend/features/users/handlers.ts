import { principalOf, type HandlerMap } from '../../api/types';
import { listAccounts } from './repo';
import { createUser, getUser, resetPassword, setEnabled, updateUser } from './service';

export const usersHandlers = {
  'users.list': (input, ctx) => listAccounts(ctx.sql, input, principalOf(ctx).regionCode, ctx.now()),
  'users.get': ({ id }, ctx) => getUser(ctx, id),
  'users.create': (input, ctx) => createUser(ctx, input),
  'users.update': (input, ctx) => updateUser(ctx, input),
  'users.setEnabled': ({ id, enabled, auditorConfirmation }, ctx) => setEnabled(ctx, id, enabled, auditorConfirmation),
  'users.resetPassword': ({ id, password, auditorConfirmation }, ctx) =>
    resetPassword(ctx, id, password, auditorConfirmation),
} satisfies HandlerMap<
  'users.list' | 'users.get' | 'users.create' | 'users.update' | 'users.setEnabled' | 'users.resetPassword'
>;
