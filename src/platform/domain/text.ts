// The one normaliser for free text people type: rejection reasons, comments, notes. Unicode
// normalisation (NFC) first, so equal-looking text is equal; then invisible characters (format
// characters such as zero-width spaces and byte-order marks, and control characters other than
// line breaks and tabs) are removed, and the ends trimmed, before any emptiness or length check.
// A reason made only of zero-width spaces is therefore empty. Joiners that shape a word or an
// emoji sequence (ZWNJ, ZWJ between two visible characters) are kept.

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const INVISIBLE = /[\p{Cf}\p{Cc}]/gu;
const KEPT = new Set(["\n", "\t"]);
const JOINERS = new Set(["\u200c", "\u200d"]);
const VISIBLE = /[\p{L}\p{M}\p{N}\p{Extended_Pictographic}]/u;

/** The text as stored and measured: NFC, no invisible characters, no surrounding white space. */
export function normaliseFreeText(text: string | undefined): string {
  if (text === undefined) return "";
  const composed = text.replace(/\r\n?/g, "\n").normalize("NFC");
  return composed
    .replace(INVISIBLE, (char, offset: number, whole: string) => {
      if (KEPT.has(char)) return char;
      if (JOINERS.has(char) && VISIBLE.test(codePointBefore(whole, offset)) && VISIBLE.test(codePointAt(whole, offset + 1))) return char;
      return "";
    })
    .trim();
}

function codePointBefore(text: string, offset: number): string {
  return Array.from(text.slice(Math.max(0, offset - 2), offset)).at(-1) ?? "";
}

function codePointAt(text: string, offset: number): string {
  const point = text.codePointAt(offset);
  return point === undefined ? "" : String.fromCodePoint(point);
}

/** A NUL or a lone UTF-16 surrogate: text no database keeps as sent, refused where it enters. */
export function unsafeCharacterIn(text: string): boolean {
  return text.includes("\u0000") || LONE_SURROGATE.test(text);
}

/** Where in a parsed JSON value a key or a string is unsafe (unsafeCharacterIn): the paths, at most `limit`. */
export function unsafeStringPaths(value: unknown, limit = 20, path: (string | number)[] = [], found: (string | number)[][] = []): (string | number)[][] {
  if (found.length >= limit) return found;
  if (typeof value === "string") {
    if (unsafeCharacterIn(value)) found.push(path);
  } else if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) unsafeStringPaths(item, limit, [...path, index], found);
  } else if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      if (unsafeCharacterIn(key)) found.push([...path, key]);
      else unsafeStringPaths(item, limit, [...path, key], found);
    }
  }
  return found.slice(0, limit);
}
