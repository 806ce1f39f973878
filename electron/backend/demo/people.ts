import type { PersonRole } from '../../../shared/contract/people';
import type { DemoScale } from '../../../shared/contract/system';
import { personName } from './names';
import type { Random } from './random';
import { countyUnitName, type DemoUnit } from './units';

export interface DemoPerson {
  id: string;
  name: string;
  title: string;
  role: PersonRole;
  unitId: string;
  sort: number;
}

type Post = [title: string, unit: string, count?: number];

/** The county's leading officials who take cases and risks in hand (包案/包保), most senior first. */
const LEADER_POSTS: Post[] = [
  ['县委书记', '县委办公室'],
  ['县委副书记、县长', '县人民政府办公室'],
  ['县委副书记', '县委办公室'],
  ['县委常委、政法委书记', '县委政法委员会'],
  ['县委常委、常务副县长', '县人民政府办公室'],
  ['县委常委、组织部部长', '县委办公室'],
  ['县委常委、宣传部部长', '县委办公室'],
  ['县委常委、统战部部长', '县委办公室'],
  ['县委常委、县委办公室主任', '县委办公室'],
  ['副县长、县公安局局长', '县公安局'],
  ['副县长', '县人民政府办公室', 3],
  ['县人大常委会主任', '县人大常委会办公室'],
  ['县人大常委会副主任', '县人大常委会办公室', 2],
  ['县政协主席', '县政协办公室'],
  ['县政协副主席', '县政协办公室', 2],
  ['县人民法院院长', '县人民法院'],
  ['县人民检察院检察长', '县人民检察院'],
];
/** A larger county has more deputies. */
const LARGE_EXTRA_POSTS: Post[] = [
  ['副县长', '县人民政府办公室', 2],
  ['县人大常委会副主任', '县人大常委会办公室'],
  ['县政协副主席', '县政协办公室'],
];

/** Leaders first, then one or two responsible persons (责任人) per unit in unit order. */
export function generatePeople(
  random: Random,
  units: readonly DemoUnit[],
  scale: DemoScale,
  newId: () => string,
): DemoPerson[] {
  const unitIds = new Map(units.map((unit) => [unit.name, unit.id]));
  const usedNames = new Set<string>();
  const people: Array<Omit<DemoPerson, 'id' | 'sort'>> = [];
  const posts = scale === 'large' ? [...LEADER_POSTS, ...LARGE_EXTRA_POSTS] : LEADER_POSTS;
  for (const [title, unit, count = 1] of posts) {
    const unitId = unitIds.get(countyUnitName(unit));
    if (!unitId) throw new Error(`演示数据：没有单位“${unit}”`);
    for (let i = 0; i < count; i++) people.push({ name: personName(random, usedNames), title, role: 'leader', unitId });
  }
  for (const unit of units) {
    const titles = random.next() < 0.5 ? unit.posts.slice(0, 1) : random.shuffled(unit.posts).slice(0, 2);
    for (const title of titles) {
      people.push({ name: personName(random, usedNames), title, role: 'responsible', unitId: unit.id });
    }
  }
  return people.map((person, i) => ({ id: newId(), ...person, sort: i + 1 }));
}
