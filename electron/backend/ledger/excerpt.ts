/**
 * A long text cut to `width` characters around the first place it holds the keyword, with 「…」
 * where it was cut; the start of the text when it does not hold it (the index ignores spaces, so a
 * match may not be found as typed). Characters are counted as code points.
 */
export function excerpt(text: string, keyword: string, width: number): string {
  const chars = Array.from(text);
  if (chars.length <= width) return text;
  const at = text.toLowerCase().indexOf(keyword.toLowerCase());
  const found = at < 0 ? 0 : Array.from(text.slice(0, at)).length;
  const start = Math.max(0, Math.min(found - Math.floor(width / 3), chars.length - width));
  const end = start + width;
  return `${start > 0 ? '…' : ''}${chars.slice(start, end).join('')}${end < chars.length ? '…' : ''}`;
}

/** Whether a text holds the keyword as typed (any case). */
export const holds = (text: string | null, keyword: string): boolean =>
  text !== null && text.toLowerCase().includes(keyword.toLowerCase());
