import { AppError } from '../../../../shared/errors';
import type { HandlerMap } from '../../api/types';
import { findRegion, listRegions } from './repo';

export const regionsHandlers = {
  'regions.list': (input, { sql }) => listRegions(sql, input),
  'regions.get': ({ code }, { sql }) => {
    const region = findRegion(sql, code);
    if (!region) throw new AppError('NOT_FOUND', `未找到区划代码为 ${code} 的行政区划，请检查代码。`);
    return region;
  },
} satisfies HandlerMap<'regions.list' | 'regions.get'>;
