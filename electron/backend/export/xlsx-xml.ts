// XML 1.0 cannot hold these control characters: they are what is looked for.
// eslint-disable-next-line no-control-regex
const INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
// eslint-disable-next-line no-control-regex
const ESCAPED = /[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Text as XML content or attribute (characters XML cannot hold are dropped). */
export const xmlText = (text: string): string =>
  ESCAPED.test(text) ? text.replace(INVALID, '').replace(/[&<>"]/g, (ch) => ENTITIES[ch]!) : text;
