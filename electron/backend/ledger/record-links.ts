import { v7 as uuidv7 } from 'uuid';
import type { RecordLinkInfo } from '../../../shared/contract/links';
import { LINKED_RECORD_NOUNS } from '../../../shared/domain/ledger/links';
import type { LedgerKey } from '../../../shared/domain/ledger/records';
import { hasAccess } from '../../../shared/domain/roles';
import { AppError, type ErrorDetail } from '../../../shared/errors';
import { principalOf, type HandlerContext } from '../api/types';
import { appendAudit } from '../audit/writer';
import { qb, type Sql } from '../db/sql';
import type { RecordCreators } from './registry';
import { recordInScope } from './write';

export type LinkTarget = keyof RecordCreators<HandlerContext>;

/** The target's refusal with its fields named under `prefix` (the dialog's part that asked for them). */
function refusedAs(prefix: string, noun: string, message: string, details: readonly ErrorDetail[] = []): AppError {
  return new AppError(
    'VALIDATION',
    `转为${noun}未完成：${message}`,
    details.map((d) => ({ path: `${prefix}.${d.path}`, message: d.message })),
  );
}

/**
 * Makes a record of another ledger from `from` through that ledger's own registration
 * (`ctx.ledgers.recordCreators`), inside the caller's transaction, and links the two: the caller
 * must be allowed to register it; its input is checked by its own schema; a refusal names the
 * fields under `prefix` and, thrown inside the caller's write, leaves nothing behind. Audited.
 */
export function createLinkedRecord(
  ctx: HandlerContext,
  from: { ledger: LedgerKey; id: string },
  target: LinkTarget,
  draft: unknown,
  prefix: string,
): { id: string; number: string } {
  const creator = ctx.ledgers.recordCreators[target];
  const noun = LINKED_RECORD_NOUNS[target];
  if (!hasAccess(principalOf(ctx).roles, creator.access)) throw new AppError('FORBIDDEN', creator.denied);
  const parsed = creator.input.safeParse(draft);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw refusedAs(prefix, noun, details.map((d) => d.message).join('；'), details);
  }
  let made: { id: string; number: string };
  try {
    made = (creator.create as (ctx: HandlerContext, input: unknown) => { id: string; number: string })(
      ctx,
      parsed.data,
    );
  } catch (error) {
    if (error instanceof AppError && error.code === 'VALIDATION') {
      throw refusedAs(prefix, noun, error.message, error.details);
    }
    throw error;
  }
  ctx.sql.run(
    qb.insertInto('record_links').values({
      id: uuidv7(),
      from_ledger: from.ledger,
      from_id: from.id,
      to_ledger: target,
      to_id: made.id,
      kind: 'converted',
      by_user: principalOf(ctx).userId,
      at: ctx.now().toISOString(),
    }),
  );
  appendAudit(ctx, {
    action: 'links.create',
    entity: from.ledger,
    entityId: from.id,
    fields: ['links'],
    detail: `转为${noun} ${made.number}（${target} ${made.id}）`,
  });
  return made;
}

/** The records made from one record (转为), as they were linked: the live feed tells their ledgers too. */
export function recordsMadeFrom(sql: Sql, ledger: LedgerKey, id: string): Array<{ ledger: LedgerKey; id: string }> {
  return sql.all(
    qb
      .selectFrom('record_links')
      .select(['to_ledger as ledger', 'to_id as id'])
      .where('from_ledger', '=', ledger)
      .where('from_id', '=', id)
      .where('kind', '=', 'converted'),
  );
}

/**
 * The records linked to one record, both ways, oldest first, each with its number as its ledger
 * keeps it. The caller must read the record's own ledger and have it in scope.
 */
export function listLinks(ctx: HandlerContext, ledger: LedgerKey, id: string): RecordLinkInfo[] {
  const own = ctx.ledgers.searches.find((s) => s.key === ledger);
  if (!own || !hasAccess(principalOf(ctx).roles, own.read)) {
    throw new AppError('FORBIDDEN', `您没有查看${LINKED_RECORD_NOUNS[ledger]}的权限。`);
  }
  recordInScope(ctx, ctx.ledgers.records[ledger], id);
  const outgoing = ctx.sql.all(
    qb
      .selectFrom('record_links')
      .select(['kind', 'to_ledger as ledger', 'to_id as id', 'at'])
      .where('from_ledger', '=', ledger)
      .where('from_id', '=', id),
  );
  const incoming = ctx.sql.all(
    qb
      .selectFrom('record_links')
      .select(['kind', 'from_ledger as ledger', 'from_id as id', 'at'])
      .where('to_ledger', '=', ledger)
      .where('to_id', '=', id),
  );
  return [
    ...outgoing.map((link) => ({ ...link, direction: 'to' as const })),
    ...incoming.map((link) => ({ ...link, direction: 'from' as const })),
  ]
    .sort((a, b) => a.at.localeCompare(b.at))
    .map((link) => ({ ...link, number: numberOf(ctx, link.ledger, link.id) }));
}

/** A record's number, read through its ledger's search declaration (table and number column). */
function numberOf(ctx: HandlerContext, ledger: LedgerKey, id: string): string {
  const search = ctx.ledgers.searches.find((s) => s.key === ledger);
  if (!search) return '';
  const row = ctx.sql.prepare(`SELECT ${search.number.column} AS number FROM ${search.ledger} WHERE id = ?`).get(id) as
    { number: string } | undefined;
  return row?.number ?? '';
}
