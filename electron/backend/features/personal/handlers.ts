import { AppError } from '../../../../shared/errors';
import { REVEALABLE, type RevealEntity } from '../../../../shared/contract/personal';
import { inScope } from '../../../../shared/domain/scope';
import { principalOf, type HandlerContext, type HandlerMap } from '../../api/types';
import { qb } from '../../db/sql';
import { appendAudit } from '../../audit/writer';
import { findUserRow } from '../../auth/accounts';
import { cipherOf } from '../../db/personal-cipher';

interface Revealable {
  regionCode: string | null;
  values: Record<string, string | null>;
}

/** Each entity's record: where it lies (for the scope check) and its revealable values. */
const LOADERS: Record<RevealEntity, (ctx: HandlerContext, id: string) => Revealable | undefined> = {
  user: (ctx, id) => {
    const user = findUserRow(ctx.sql, id);
    return user && { regionCode: user.region_code, values: { phone: user.phone } };
  },
  // A leader or responsible person lies where their unit does (a county department: county-wide).
  person: (ctx, id) => {
    const row = ctx.sql.get(
      qb
        .selectFrom('people as p')
        .innerJoin('units as u', 'u.id', 'p.unit_id')
        .select(['p.phone', 'u.region_code'])
        .where('p.id', '=', id),
    );
    return row && { regionCode: row.region_code, values: { phone: cipherOf(ctx.sql.db).open(row.phone) || null } };
  },
  petitioner: (ctx, id) => {
    const row = ctx.sql.get(
      qb
        .selectFrom('petitioners as n')
        .innerJoin('petitions as p', 'p.id', 'n.petition_id')
        .select(['p.township_code', 'n.name', 'n.id_number', 'n.phone', 'n.address'])
        .where('n.id', '=', id),
    );
    const cipher = cipherOf(ctx.sql.db);
    return (
      row && {
        regionCode: row.township_code,
        values: {
          name: row.name,
          idNumber: cipher.open(row.id_number),
          phone: cipher.open(row.phone),
          address: cipher.open(row.address),
        },
      }
    );
  },
};

/**
 * Reveals one personal value after the caller states why; the reveal (who, what record, which
 * field, the reason) is audited, never the value. Later ledgers add their entities here.
 */
export const personalHandlers = {
  'personal.reveal': ({ entity, id, field, reason }, ctx) => {
    if (!(REVEALABLE[entity] as readonly string[]).includes(field)) {
      throw new AppError('VALIDATION', '该记录没有这项个人信息。', [{ path: 'field', message: '不可查看的字段' }]);
    }
    const record = LOADERS[entity](ctx, id);
    if (!record || !inScope(principalOf(ctx).regionCode, record.regionCode)) {
      throw new AppError('NOT_FOUND', '未找到该记录，可能不在您的辖区内。');
    }
    appendAudit(ctx, { action: 'personal.reveal', entity, entityId: id, fields: [field], detail: `原因：${reason}` });
    return { value: record.values[field] ?? null };
  },
} satisfies HandlerMap<'personal.reveal'>;
