import type { HandlerMap } from '../api/types';
import { listLinks } from './record-links';

export const linksHandlers = {
  'links.list': ({ ledger, id }, ctx) => listLinks(ctx, ledger, id),
} satisfies HandlerMap<'links.list'>;
