import type { Random } from './random';

/**
 * Made-up place and person names, built from common characters so they read naturally.
 * Any likeness to a real place or person is chance; the county itself does not exist.
 */
export const DEMO_COUNTY_SHORT_NAME = '青禾';
export const DEMO_COUNTY_NAME = `${DEMO_COUNTY_SHORT_NAME}县`;

const PLACE_HEADS = [...'青柳石杏桃枫松梅兰竹荷苇云雁鹤凤金玉丰安和宁泰福兴永长清白双古沙槐桑榆梨芦栗檀菱'];
const PLACE_TAILS = [...'河溪泉湾岭山坪桥店集庄塘坡口岗营沟湖林寨铺寺楼冲'];
const SUBDISTRICT_NAMES = '城关 东城 西城 南关 北关 新华 文昌 人民 解放 朝阳 建设 和平'.split(' ');
const COMMUNITY_NAMES =
  '幸福 和谐 文化路 建设路 人民路 解放路 光明 育才 花园 滨河 锦绣 阳光 书香 翠园 长青 府前 东关 西关 南街 北街 民主路 车站 丰收 振兴 康宁 安居 银杏 迎宾路'.split(
    ' ',
  );
const URBAN_TAILS = [...'苑园湾庭里坊街'];
const VILLAGE_MARKS = [...'庄寨营楼屯洼桥集岗店'];
const FAMILY_MARKS = [...'庄营洼沟湾岭坡'];
const DIRECTIONS = [...'东西南北前后大小上下'];

const SURNAMES = [
  ...'王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范',
];
const GIVEN_CHARS = [
  ...'建国伟军红丽敏静强磊洋勇艳杰娟涛明超秀霞平刚桂英华志文辉鹏海燕玲芳斌宇浩凯晨瑞欣晓雪琳振春立新德荣彬峰亮宏成卫东庆力颖慧',
];

/** Draws from `make` until it gives a name not in `used`, then records it. */
function unique(used: Set<string>, make: () => string): string {
  for (let attempt = 0; attempt < 1000; attempt++) {
    const name = make();
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
  throw new Error('演示数据：可用的名称已用尽');
}

/** The names of the county's subdistricts (街道), without the suffix. */
export const subdistrictNames = (random: Random, count: number): string[] =>
  random.shuffled(SUBDISTRICT_NAMES).slice(0, count);

/** A rural two-character place name (柳河, 石桥), new within `used`. */
export const placeName = (random: Random, used: Set<string>): string =>
  unique(used, () => random.pick(PLACE_HEADS) + random.pick(PLACE_TAILS));

/** A village name with its 村 suffix (王庄村, 李家营村, 东石桥村), new within `used`. */
export function villageName(random: Random, used: Set<string>): string {
  const forms = [
    () => random.pick(SURNAMES) + random.pick(VILLAGE_MARKS),
    () => `${random.pick(SURNAMES)}家${random.pick(FAMILY_MARKS)}`,
    () => random.pick(PLACE_HEADS) + random.pick(PLACE_TAILS),
    () => random.pick(DIRECTIONS) + random.pick(PLACE_HEADS) + random.pick(PLACE_TAILS),
  ];
  return unique(used, () => `${random.pick(forms)()}村`);
}

/** A community name with its 社区 suffix (幸福社区, 兰苑社区), new within `used`. */
export function communityName(random: Random, used: Set<string>): string {
  const fresh = COMMUNITY_NAMES.filter((name) => !used.has(`${name}社区`));
  if (fresh.length > 0 && random.next() < 0.7) return unique(used, () => `${random.pick(fresh)}社区`);
  return unique(used, () => `${random.pick(PLACE_HEADS)}${random.pick(URBAN_TAILS)}社区`);
}

/** A person's name (surname and one or two given characters), new within `used`. */
export function personName(random: Random, used: Set<string>): string {
  return unique(used, () => {
    const first = random.pick(GIVEN_CHARS);
    const second = random.next() < 0.7 ? random.pick(GIVEN_CHARS.filter((c) => c !== first)) : '';
    return random.pick(SURNAMES) + first + second;
  });
}

/** A person's name as any may come up again (the ledgers' parties, tens of thousands of them). */
export const anyPersonName = (random: Random): string =>
  random.pick(SURNAMES) + random.pick(GIVEN_CHARS) + (random.next() < 0.7 ? random.pick(GIVEN_CHARS) : '');
