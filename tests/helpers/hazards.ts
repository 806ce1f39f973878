import type { InputOf } from '../../shared/contract';
import { seed } from './backend';
import { EAST } from './petitions';

export const RESPONSIBLE = '01900000-0000-7000-8000-0000000000a2';

/** A made-up county extent for the tiny county: 113.0–113.6 E, 34.3–34.9 N (one square). */
export const TINY_BOUNDARY = `
  INSERT INTO boundaries (id, source_unit, approval_no, crs, data_date, geojson, imported_at, active) VALUES
    ('b1', '测试县自然资源局', '测试审图号', 'CGCS2000', '2026-01-01',
     '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"999901001000","name":"东镇"},
       "geometry":{"type":"Polygon","coordinates":[[[113.0,34.3],[113.6,34.3],[113.6,34.9],[113.0,34.9],[113.0,34.3]]]}}]}',
     '2026-01-01T00:00:00.000Z', 1);
`;

export const seedBoundary = (backend: Parameters<typeof seed>[0]) => seed(backend, TINY_BOUNDARY);

export const hazardDraft = (over: Partial<InputOf<'hazards.create'>> = {}): InputOf<'hazards.create'> => ({
  title: '某建筑工地拖欠农民工工资',
  category: 'wage_arrears',
  source: 'grid',
  level: 'yellow',
  foundOn: '2026-11-20',
  townshipCode: EAST,
  peopleInvolved: 32,
  description: '工地停工，工人聚集讨薪',
  people: [{ name: '赵大勇', phone: '13900001111' }],
  ...over,
});
