import { AppError } from '../../../../shared/errors';
import type { HandlerMap } from '../../api/types';
import { findUnit, listUnits } from './repo';
import { createUnit, updateUnit, setUnitEnabled } from './upkeep';

export const unitsHandlers = {
  'units.list': (input, { sql }) => listUnits(sql, input),
  'units.get': ({ id }, { sql }) => {
    const unit = findUnit(sql, id);
    if (!unit) throw new AppError('NOT_FOUND', '未找到该承办单位，可能已被删除，请刷新后重试。');
    return unit;
  },
  'units.create': (input, ctx) => createUnit(ctx, input),
  'units.update': ({ id, ...fields }, ctx) => updateUnit(ctx, id, fields),
  'units.setEnabled': ({ id, enabled }, ctx) => setUnitEnabled(ctx, id, enabled),
} satisfies HandlerMap<'units.list' | 'units.get' | 'units.create' | 'units.update' | 'units.setEnabled'>;
