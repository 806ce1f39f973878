import type { MethodName, OutputOf, ParsedInputOf } from '../../../shared/contract';
import type { Sql } from '../db/sql';

/** Who is calling and how; the session (user and role) joins it with the accounts feature. */
export interface CallContext {
  transport: 'ipc' | 'http';
  /** The client's address for HTTP calls; `desktop` for IPC. */
  client: string;
}

export interface HandlerContext {
  sql: Sql;
  call: CallContext;
  /** The data folder: the only place the backend writes files. */
  dataDir: string;
}

export type Handler<M extends MethodName> = (
  input: ParsedInputOf<M>,
  ctx: HandlerContext,
) => OutputOf<M> | Promise<OutputOf<M>>;

/** A feature's handlers for its own methods: `satisfies HandlerMap<'regions.list' | 'regions.get'>`. */
export type HandlerMap<M extends MethodName> = { [K in M]: Handler<K> };
