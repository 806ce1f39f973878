import type { ErrorDetail } from '../../../shared/errors';

/**
 * C0 control characters other than tab, line feed and carriage return, and DEL. None belongs in
 * anything a person types; a NUL, for one, would cut a keyword short in SQLite's text functions.
 */
// eslint-disable-next-line no-control-regex -- finding them is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/**
 * Every string in a call's input that holds a control character, by its dotted path (`items.0.name`),
 * so the refusal names the field as a schema refusal does. Walks plain objects and arrays only.
 */
export function controlCharacterDetails(input: unknown, path: string[] = []): ErrorDetail[] {
  if (typeof input === 'string') {
    return CONTROL.test(input) ? [{ path: path.join('.'), message: '含有不可见的控制字符，请删除后重新输入' }] : [];
  }
  if (input === null || typeof input !== 'object') return [];
  const entries: Array<[string, unknown]> = Array.isArray(input)
    ? input.map((value, index) => [String(index), value])
    : Object.entries(input);
  return entries.flatMap(([key, value]) => controlCharacterDetails(value, [...path, key]));
}
