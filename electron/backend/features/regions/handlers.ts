import { AppError } from '../../../../shared/errors';
import { principalOf, type HandlerMap } from '../../api/types';
import { findRegion, listRegions } from './repo';

export const regionsHandlers = {
  'regions.list': (input, ctx) => listRegions(ctx.sql, input, principalOf(ctx).regionCode),
  'regions.get': ({ code }, ctx) => {
    const region = findRegion(ctx.sql, code, principalOf(ctx).regionCode);
    if (!region) throw new AppError('NOT_FOUND', `在您的辖区内未找到区划代码为 ${code} 的行政区划，请检查代码。`);
    return region;
  },
} satisfies HandlerMap<'regions.list' | 'regions.get'>;
