import type { HandlerMap } from '../api/types';
import { searchAll } from './search-all';

/** The one search box across the ledgers that declared their search (api/ledgers.ts). */
export const searchHandlers = {
  'search.all': ({ keyword, limit }, ctx) => searchAll(ctx, keyword, limit),
} satisfies HandlerMap<'search.all'>;
