import { DEMO_COUNTY_SHORT_NAME } from './names';
import { DEMO_COUNTY_CODE, type DemoTownship, type TownshipType } from './regions';

/** Codes in the `unit_kind` dictionary. */
export type UnitKind = 'township_government' | 'county_department' | 'judicial';

export interface DemoUnit {
  id: string;
  code: string;
  name: string;
  kind: UnitKind;
  regionCode: string | null;
  sort: number;
  /** Working-level posts its responsible persons hold, most senior first. */
  posts: readonly string[];
}

/** County-level units; the name follows the county's short name (青禾 + 县公安局). */
const COUNTY_UNITS: ReadonlyArray<[name: string, kind: UnitKind, posts: string[]]> = [
  ['县委办公室', 'county_department', ['副主任', '督查室主任']],
  ['县委政法委员会', 'county_department', ['副书记', '综治中心主任']],
  ['县人民政府办公室', 'county_department', ['副主任', '督查室主任']],
  ['县人大常委会办公室', 'county_department', ['副主任', '信访室主任']],
  ['县政协办公室', 'county_department', ['副主任', '提案委员会主任']],
  ['县信访局', 'county_department', ['局长', '副局长']],
  ['县公安局', 'county_department', ['副局长', '治安管理大队大队长']],
  ['县人力资源和社会保障局', 'county_department', ['副局长', '劳动保障监察大队大队长']],
  ['县住房和城乡建设局', 'county_department', ['副局长', '房地产市场监管股股长']],
  ['县自然资源局', 'county_department', ['副局长', '执法监察大队大队长']],
  ['县司法局', 'county_department', ['副局长', '人民调解股股长']],
  ['县教育局', 'county_department', ['副局长', '安全稳定股股长']],
  ['县卫生健康委员会', 'county_department', ['副主任', '医政医管股股长']],
  ['县生态环境分局', 'county_department', ['副局长', '环境执法大队大队长']],
  ['县农业农村局', 'county_department', ['副局长', '农村经营管理股股长']],
  ['县民政局', 'county_department', ['副局长', '社会救助股股长']],
  ['县市场监督管理局', 'county_department', ['副局长', '消费者权益保护股股长']],
  ['县退役军人事务局', 'county_department', ['副局长', '权益维护股股长']],
  ['县应急管理局', 'county_department', ['副局长', '安全生产执法大队大队长']],
  ['县人民法院', 'judicial', ['副院长', '立案庭庭长']],
  ['县人民检察院', 'judicial', ['副检察长', '控告申诉检察部主任']],
];

const GOVERNMENT_SUFFIX: Record<TownshipType, string> = {
  subdistrict: '办事处',
  town: '人民政府',
  township: '人民政府',
};
const TOWNSHIP_POSTS: Record<TownshipType, string[]> = {
  subdistrict: ['党工委副书记、政法委员', '办事处副主任', '综治中心主任'],
  town: ['党委副书记、政法委员', '副镇长', '综治中心主任'],
  township: ['党委副书记、政法委员', '副乡长', '综治中心主任'],
};

/** Full name of a county-level unit in the list above, e.g. 青禾县公安局. */
export const countyUnitName = (name: string): string => DEMO_COUNTY_SHORT_NAME + name;

/**
 * The handling units: county departments and judicial organs first (codes 999901D01..,
 * 999901J01..), then one government per township (its code is the township's).
 */
export function generateUnits(townships: readonly DemoTownship[], newId: () => string): DemoUnit[] {
  const countyPrefix = DEMO_COUNTY_CODE.slice(0, 6);
  const counters = new Map<UnitKind, number>();
  const county = COUNTY_UNITS.map(([name, kind, posts]) => {
    const number = (counters.get(kind) ?? 0) + 1;
    counters.set(kind, number);
    const code = `${countyPrefix}${kind === 'judicial' ? 'J' : 'D'}${String(number).padStart(2, '0')}`;
    return { code, name: countyUnitName(name), kind, regionCode: null, posts };
  });
  const governments = townships.map((township) => ({
    code: township.code,
    name: countyUnitName(`县${township.name}${GOVERNMENT_SUFFIX[township.type]}`),
    kind: 'township_government' as const,
    regionCode: township.code,
    posts: TOWNSHIP_POSTS[township.type],
  }));
  return [...county, ...governments].map((unit, i) => ({ id: newId(), ...unit, sort: i + 1 }));
}
