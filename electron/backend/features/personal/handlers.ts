import { AppError } from '../../../../shared/errors';
import { inScope } from '../../../../shared/domain/scope';
import { principalOf, type HandlerMap } from '../../api/types';
import { appendAudit } from '../audit/writer';
import { findUserRow } from '../users/repo';

/**
 * Reveals one personal value after the caller states why; the reveal (who, what record, which
 * field, the reason) is audited, never the value. Later ledgers add their entities here.
 */
export const personalHandlers = {
  'personal.reveal': ({ entity, id, field, reason }, ctx) => {
    const user = entity === 'user' ? findUserRow(ctx.sql, id) : undefined;
    if (!user || !inScope(principalOf(ctx).regionCode, user.region_code)) {
      throw new AppError('NOT_FOUND', '未找到该记录，可能不在您的辖区内。');
    }
    appendAudit(ctx, { action: 'personal.reveal', entity, entityId: id, fields: [field], detail: `原因：${reason}` });
    return { value: user[field] };
  },
} satisfies HandlerMap<'personal.reveal'>;
