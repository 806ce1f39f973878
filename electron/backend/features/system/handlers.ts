import packageJson from '../../../../package.json' with { type: 'json' };
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
} satisfies HandlerMap<'system.info' | 'system.loadDemo'>;
