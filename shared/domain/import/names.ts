/**
 * Matching the place and unit names a workbook writes to the county's own: 石楼 for 石楼镇, 城关
 * for 城关街道办事处. An exact name wins; otherwise names compare without their administrative
 * suffix, and a single such match is taken; anything else is a question for the user, with the
 * near names as suggestions.
 */
export interface Named {
  code: string;
  name: string;
}

const SUFFIXES = [
  '街道办事处',
  '民族乡',
  '办事处',
  '街道',
  '社区居委会',
  '村民委员会',
  '村委会',
  '居委会',
  '社区',
  '镇',
  '乡',
  '村',
];

/** A name without spaces and its trailing administrative suffix. */
export function bareName(name: string): string {
  const compact = name.replace(/\s/g, '');
  const suffix = SUFFIXES.find((s) => compact.endsWith(s) && compact.length > s.length);
  return suffix ? compact.slice(0, -suffix.length) : compact;
}

export type NameMatch<T extends Named> = { match: T } | { suggestions: T[] };

/**
 * Edit distance up to 1 (one character added, dropped or changed), between names of two characters
 * or more: any two one-character names are one edit apart.
 */
function nearlyEqual(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1 || Math.min(a.length, b.length) < 2) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  const restA = a.slice(i + (a.length >= b.length ? 1 : 0));
  const restB = b.slice(i + (b.length >= a.length ? 1 : 0));
  return restA === restB;
}

export function matchName<T extends Named>(input: string, candidates: readonly T[]): NameMatch<T> {
  const compact = input.replace(/\s/g, '');
  const exact = candidates.find((c) => c.name === compact);
  if (exact) return { match: exact };
  const bare = bareName(compact);
  const same = candidates.filter((c) => bareName(c.name) === bare);
  if (same.length === 1) return { match: same[0] };
  const near = candidates.filter((c) => {
    const other = bareName(c.name);
    return other.includes(bare) || bare.includes(other) || nearlyEqual(other, bare);
  });
  return { suggestions: same.length > 1 ? same : near.slice(0, 5) };
}
