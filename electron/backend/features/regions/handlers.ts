import { AppError } from '../../../../shared/errors';
import { principalOf, type HandlerMap } from '../../api/types';
import { findRegion, listRegions } from './repo';
import { mergeRegion, moveRegion, regionImpact } from './reorganise';
import { createRegion, renameRegion, setRegionEnabled, setUpCounty } from './upkeep';

export const regionsHandlers = {
  'regions.list': (input, ctx) => listRegions(ctx.sql, input, principalOf(ctx).regionCode),
  'regions.get': ({ code }, ctx) => {
    const region = findRegion(ctx.sql, code, principalOf(ctx).regionCode);
    if (!region) throw new AppError('NOT_FOUND', `在您的辖区内未找到区划代码为 ${code} 的行政区划，请检查代码。`);
    return region;
  },
  'regions.setUpCounty': (input, ctx) => setUpCounty(ctx, input),
  'regions.create': (input, ctx) => createRegion(ctx, input),
  'regions.rename': ({ code, name }, ctx) => renameRegion(ctx, code, name),
  'regions.setEnabled': ({ code, enabled }, ctx) => setRegionEnabled(ctx, code, enabled),
  'regions.impact': ({ code }, ctx) => regionImpact(ctx, code),
  'regions.move': ({ code, parentCode }, ctx) => moveRegion(ctx, code, parentCode),
  'regions.merge': ({ code, targetCode }, ctx) => mergeRegion(ctx, code, targetCode),
} satisfies HandlerMap<
  | 'regions.list'
  | 'regions.get'
  | 'regions.setUpCounty'
  | 'regions.create'
  | 'regions.rename'
  | 'regions.setEnabled'
  | 'regions.impact'
  | 'regions.move'
  | 'regions.merge'
>;
