import { BOUNDARY_MAX_BYTES, BOUNDARY_SIZE_MESSAGE } from '@shared/domain/board/boundary';

/** Features looked at for the property names offered as choices. */
const SAMPLED_FEATURES = 20;

/** The file's size problem, checked before it is read or sent; null when it may be sent. */
export const sizeProblem = (file: File): string | null =>
  file.size > BOUNDARY_MAX_BYTES ? BOUNDARY_SIZE_MESSAGE : null;

/**
 * The property names of the file's first features, to choose the one holding the township's name
 * or code. Empty when the text is not a FeatureCollection: the backend's check says what is wrong.
 */
export function propertyNamesOf(text: string): string[] {
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch {
    return [];
  }
  const features = (root as { features?: unknown } | null)?.features;
  if (!Array.isArray(features)) return [];
  const names = new Set<string>();
  for (const feature of features.slice(0, SAMPLED_FEATURES)) {
    const properties = (feature as { properties?: unknown } | null)?.properties;
    if (properties && typeof properties === 'object') Object.keys(properties).forEach((name) => names.add(name));
  }
  return [...names];
}

/** A likely choice among the names: one that reads as a name (or a code) field, else the first. */
export function guessProperty(names: readonly string[], matchBy: 'name' | 'code'): string {
  const pattern = matchBy === 'name' ? /^(name|xzqmc|mc|乡镇|名称)/i : /(code|xzqdm|dm|代码)/i;
  return names.find((name) => pattern.test(name)) ?? names[0] ?? '';
}
