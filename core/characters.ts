/**
 * What each character can be for the analysis, looked up in a table instead of matched with
 * Unicode-property regular expressions: the scanner visits every character of a page, and a
 * table lookup per character is several times cheaper than a regex step with a match object
 * per word. The table is filled lazily from the same Unicode properties, so it agrees with them.
 */

/** A letter, digit or combining mark: part of a word. */
export const WORD_CHARACTER = 1;
/** An apostrophe: kept inside a word ("don't"), unified to ' when normalizing. */
export const APOSTROPHE = 2;
/**
 * A character after which the Unicode sentence rules (UAX #29, which `Intl.Segmenter` follows)
 * may break: a sentence terminator (STerm, ATerm) or a paragraph separator.
 */
export const SENTENCE_BREAK = 4;

const WORD_PROPERTY = /[\p{L}\p{N}\p{M}]/u;
const BREAK_PROPERTY = /[\p{Sentence_Terminal}\u2024\uFE52\uFF0E\r\n\u0085\u2028\u2029]/u;
const APOSTROPHES = new Set(["'", '’', 'ʼ']);

/**
 * A per-code-point lookup of `classify` (values 0–254), filled as characters are first met:
 * Unicode-property regular expressions run once per distinct character instead of once per
 * character read. The basic plane is a typed array; the rare other planes a map.
 */
export function codePointTable(classify: (codePoint: number) => number): (codePoint: number) => number {
  // Values are stored plus one, so 0 means "not yet classified".
  const basicPlane = new Uint8Array(0x10000);
  const otherPlanes = new Map<number, number>();
  return (codePoint) => {
    if (codePoint < 0x10000) {
      const known = basicPlane[codePoint];
      if (known !== 0) return known - 1;
      const value = classify(codePoint);
      basicPlane[codePoint] = value + 1;
      return value;
    }
    let value = otherPlanes.get(codePoint);
    if (value === undefined) otherPlanes.set(codePoint, (value = classify(codePoint)));
    return value;
  };
}

/** The flags above for one code point. */
export const characterFlags = codePointTable((codePoint) => {
  // A lone surrogate is no character at all: String.fromCodePoint keeps it lone, and no property matches it.
  const character = String.fromCodePoint(codePoint);
  let flags = 0;
  if (WORD_PROPERTY.test(character)) flags |= WORD_CHARACTER;
  if (APOSTROPHES.has(character)) flags |= APOSTROPHE;
  if (BREAK_PROPERTY.test(character)) flags |= SENTENCE_BREAK;
  return flags;
});

/** The flags of the 128 ASCII characters, read directly by the hottest loops. */
export const ASCII_FLAGS: Uint8Array = Uint8Array.from({ length: 0x80 }, (_, code) => characterFlags(code));

/** The code point at UTF-16 index `at` (a surrogate pair read as one). */
export function codePointAt(text: string, at: number): number {
  const unit = text.charCodeAt(at);
  return unit >= 0xd800 && unit <= 0xdbff ? (text.codePointAt(at) ?? unit) : unit;
}

/** The flags of the character at UTF-16 index `at` (0 outside the text), ASCII read straight from its table. */
export function flagsAt(text: string, at: number): number {
  if (at < 0 || at >= text.length) return 0;
  const unit = text.charCodeAt(at);
  return unit < 0x80 ? ASCII_FLAGS[unit] : characterFlags(codePointAt(text, at));
}
