/**
 * Keyword search over Chinese text with an FTS5 trigram index that also answers one- and
 * two-character keywords (a surname and given name, "拆迁").
 *
 * Trigram search needs three characters of keyword. The indexed text is therefore stored with a
 * space after every character ("拆迁补偿" → "拆 迁 补 偿 "): a two-character keyword becomes the
 * three-character phrase "拆 迁", a single character " 拆 ", and longer keywords the spaced phrase,
 * each answered from the index instead of a scan. Separate values (several petitioners' names)
 * are joined by a line break, so no keyword matches across two of them.
 */

const SPACE = /\s/u;

/** A value as the search index stores it: every non-space character followed by a space. */
export function searchableText(...values: Array<string | null | undefined>): string {
  return values
    .map((value) =>
      Array.from(value ?? '')
        .filter((ch) => !SPACE.test(ch))
        .map((ch) => `${ch} `)
        .join(''),
    )
    .filter((text) => text !== '')
    .map((text) => ` ${text}`)
    .join('\n');
}

/** The FTS5 MATCH expression for a keyword: one quoted phrase, or null when it has no characters. */
export function searchPhrase(keyword: string): string | null {
  const chars = Array.from(keyword).filter((ch) => !SPACE.test(ch));
  if (chars.length === 0) return null;
  // One character: the phrase " 拆 " (three characters with the spaces around it).
  const phrase = chars.length === 1 ? ` ${chars[0]} ` : chars.join(' ');
  return `"${phrase.replace(/"/g, '""')}"`;
}
