import type { Migration } from './types';

/**
 * Reference data: the region hierarchy, handling units, leaders and responsible persons,
 * dictionaries (with their seed entries) and the imported township boundaries.
 * Regions are keyed by their division code: a national identifier, stable across centres.
 */
const DICTIONARY_SEEDS: ReadonlyArray<[code: string, name: string, entries: Array<[string, string]>]> = [
  [
    'petition_item_type',
    '信访事项类型',
    [
      ['suggestion', '建议意见'],
      ['accusation', '检举控告'],
      ['appeal', '申诉求决'],
    ],
  ],
  [
    'petition_category',
    '信访问题分类',
    [
      ['land_demolition', '征地拆迁'],
      ['labour_social_security', '劳动社保'],
      ['law_litigation', '涉法涉诉'],
      ['urban_rural_construction', '城乡建设'],
      ['agriculture_rural', '农村农业'],
      ['environment', '环境保护'],
      ['education', '教育'],
      ['medical', '医疗'],
      ['other', '其他'],
    ],
  ],
  [
    'petition_level',
    '最高信访层级',
    [
      ['county', '县'],
      ['city', '市'],
      ['province', '省'],
      ['national', '京'],
    ],
  ],
  [
    'hazard_category',
    '风险隐患类别',
    [
      ['wage_arrears', '欠薪'],
      ['land_dispute', '土地纠纷'],
      ['stalled_housing', '问题楼盘'],
      ['illegal_fundraising', '非法集资'],
      ['pollution', '环境污染'],
      ['school_hospital', '涉校涉医'],
      ['veterans', '退役军人诉求'],
      ['online_opinion', '网络舆情'],
      ['safety', '安全隐患'],
      ['other', '其他'],
    ],
  ],
  [
    'hazard_level',
    '风险等级（四色）',
    [
      ['red', '红色'],
      ['orange', '橙色'],
      ['yellow', '黄色'],
      ['blue', '蓝色'],
    ],
  ],
  [
    'risk_level',
    '稳评风险等级',
    [
      ['high', '高'],
      ['medium', '中'],
      ['low', '低'],
    ],
  ],
  [
    'assessment_conclusion',
    '稳评结论',
    [
      ['implement', '实施'],
      ['postpone', '暂缓实施'],
      ['reject', '不实施'],
    ],
  ],
  [
    'unit_kind',
    '单位类别',
    [
      ['township_government', '乡镇人民政府/街道办事处'],
      ['county_department', '县直部门'],
      ['judicial', '政法机关'],
    ],
  ],
];

export const migration0001: Migration = {
  version: 1,
  name: 'reference-data',
  up(db) {
    db.exec(`
      CREATE TABLE regions (
        code TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        level TEXT NOT NULL CHECK (level IN ('county', 'township', 'village', 'grid')),
        parent_code TEXT REFERENCES regions (code),
        sort INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX regions_parent ON regions (parent_code, sort, code);
      CREATE INDEX regions_level ON regions (level, sort, code);

      CREATE TABLE units (
        id TEXT PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        region_code TEXT REFERENCES regions (code),
        sort INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX units_kind ON units (kind, sort);

      CREATE TABLE people (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        title TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('leader', 'responsible')),
        unit_id TEXT NOT NULL REFERENCES units (id),
        sort INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX people_unit ON people (unit_id, sort);
      CREATE INDEX people_role ON people (role, sort);

      CREATE TABLE dictionaries (
        code TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        sort INTEGER NOT NULL DEFAULT 0
      ) STRICT;

      CREATE TABLE dict_entries (
        dict_code TEXT NOT NULL REFERENCES dictionaries (code),
        code TEXT NOT NULL,
        label TEXT NOT NULL,
        sort INTEGER NOT NULL DEFAULT 0,
        enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
        PRIMARY KEY (dict_code, code)
      ) STRICT;

      CREATE TABLE boundaries (
        id TEXT PRIMARY KEY,
        source_unit TEXT NOT NULL,
        approval_no TEXT NOT NULL,
        crs TEXT NOT NULL,
        data_date TEXT NOT NULL,
        geojson TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
      ) STRICT;
      CREATE UNIQUE INDEX boundaries_one_active ON boundaries (active) WHERE active = 1;
    `);
    const addDict = db.prepare('INSERT INTO dictionaries (code, name, sort) VALUES (?, ?, ?)');
    const addEntry = db.prepare('INSERT INTO dict_entries (dict_code, code, label, sort) VALUES (?, ?, ?, ?)');
    DICTIONARY_SEEDS.forEach(([code, name, entries], dictIndex) => {
      addDict.run(code, name, dictIndex + 1);
      entries.forEach(([entryCode, label], entryIndex) => addEntry.run(code, entryCode, label, entryIndex + 1));
    });
  },
};
