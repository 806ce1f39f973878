import type { z } from 'zod';
import type { Page } from '../../../../shared/contract';
import type { AuditEntry, auditExportInput } from '../../../../shared/contract/audit';
import { contains, offsetOf } from '../../db/paging';
import { qb, type Sql } from '../../db/sql';

type Filter = z.output<typeof auditExportInput>;

function filtered(filter: Filter) {
  let query = qb.selectFrom('audit_log');
  if (filter.username) query = query.where('username', '=', filter.username);
  if (filter.action) query = query.where(contains('action', filter.action));
  if (filter.entity) query = query.where('entity', '=', filter.entity);
  if (filter.result) query = query.where('result', '=', filter.result);
  // Stored times are UTC ISO strings, so a bound converted to UTC compares as text.
  if (filter.from) query = query.where('at', '>=', new Date(filter.from).toISOString());
  if (filter.to) query = query.where('at', '<=', new Date(filter.to).toISOString());
  return query;
}

const columns = [
  'seq',
  'at',
  'user_id as userId',
  'username',
  'roles',
  'client',
  'action',
  'entity',
  'entity_id as entityId',
  'result',
  'fields',
  'detail',
] as const;

const toEntry = (row: Omit<AuditEntry, 'fields'> & { fields: string }): AuditEntry => ({
  ...row,
  fields: JSON.parse(row.fields) as string[],
});

export function listAudit(sql: Sql, filter: Filter, page: number, pageSize: number): Page<AuditEntry> {
  const total = sql.get(filtered(filter).select((eb) => eb.fn.countAll<number>().as('n')))?.n ?? 0;
  const rows = sql.all(
    filtered(filter).select(columns).orderBy('seq', 'desc').limit(pageSize).offset(offsetOf(page, pageSize)),
  );
  return { items: rows.map(toEntry), total, page, pageSize };
}

/** Newest first, at most `limit` rows. */
export function exportRows(sql: Sql, filter: Filter, limit: number): AuditEntry[] {
  return sql.all(filtered(filter).select(columns).orderBy('seq', 'desc').limit(limit)).map(toEntry);
}

/**
 * Failures, refusals and alarms (failed sign-ins, lockouts, denied calls, the chain's and the
 * key's alarms: every row not a success) since `since`, newest first. The time index bounds the
 * rows read to those days.
 */
export function securityEvents(sql: Sql, since: string, limit: number): { items: AuditEntry[]; total: number } {
  const recent = qb.selectFrom('audit_log').where('at', '>=', since).where('result', '!=', 'success');
  const total = sql.get(recent.select((eb) => eb.fn.countAll<number>().as('n')))?.n ?? 0;
  const rows = total ? sql.all(recent.select(columns).orderBy('at', 'desc').orderBy('seq', 'desc').limit(limit)) : [];
  return { items: rows.map(toEntry), total };
}
