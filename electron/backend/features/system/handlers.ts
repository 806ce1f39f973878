import packageJson from '../../../../package.json' with { type: 'json' };
import { AppError } from '../../../../shared/errors';
import type { HandlerMap } from '../../api/types';
import { userVersion } from '../../db/connection';
import { findCentreName, findCounty } from '../../db/county';
import { countReferenceData } from './repo';
import { loadDemo } from './service';

export const systemHandlers = {
  'system.info': (_input, { sql, settings }) => ({
    appName: packageJson.productName,
    version: packageJson.version,
    schemaVersion: userVersion(sql.db),
    county: findCounty(sql),
    centreName: findCentreName(sql, settings.work),
    counts: countReferenceData(sql),
  }),
  'system.loadDemo': (options, ctx) => loadDemo(ctx, options),
  // The desktop's main answers these itself; a browser already works on this server.
  'connection.get': () => ({ mode: 'web' as const }),
  'connection.choose': () => {
    throw new AppError('FORBIDDEN', '网页模式无需选择使用方式：浏览器已经连接在本服务器上。');
  },
} satisfies HandlerMap<'system.info' | 'system.loadDemo' | 'connection.get' | 'connection.choose'>;
