import packageJson from '../../../../package.json' with { type: 'json' };
import { AppError } from '../../../../shared/errors';
import type { HandlerMap } from '../../api/types';
import { userVersion } from '../../db/connection';
import { loadDemoCounty } from '../../demo';
import { countReferenceData, findCounty } from './repo';

export const systemHandlers = {
  'system.info': (_input, { sql }) => ({
    appName: packageJson.productName,
    version: packageJson.version,
    schemaVersion: userVersion(sql.db),
    county: findCounty(sql),
    counts: countReferenceData(sql),
  }),
  'system.loadDemo': ({ scale, seed }, { sql }) => {
    if (findCounty(sql)) {
      throw new AppError('CONFLICT', '数据库中已有县区数据，不能再载入演示数据。演示数据只能载入到全新的空数据库。');
    }
    return loadDemoCounty(sql, { scale, seed });
  },
} satisfies HandlerMap<'system.info' | 'system.loadDemo'>;
