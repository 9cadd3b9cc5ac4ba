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

const KNOWN = 128;
const WORD_PROPERTY = /[\p{L}\p{N}\p{M}]/u;
const BREAK_PROPERTY = /[\p{Sentence_Terminal}\u2024\uFE52\uFF0E\r\n\u0085\u2028\u2029]/u;
const APOSTROPHES = new Set(["'", '’', 'ʼ']);

const basicPlane = new Uint8Array(0x10000);
const otherPlanes = new Map<number, number>();

function classify(codePoint: number): number {
  // A lone surrogate is no character at all: String.fromCodePoint keeps it lone, and no property matches it.
  const character = String.fromCodePoint(codePoint);
  let flags = KNOWN;
  if (WORD_PROPERTY.test(character)) flags |= WORD_CHARACTER;
  if (APOSTROPHES.has(character)) flags |= APOSTROPHE;
  if (BREAK_PROPERTY.test(character)) flags |= SENTENCE_BREAK;
  return flags;
}

/** The flags above for one code point. */
export function characterFlags(codePoint: number): number {
  if (codePoint < 0x10000) {
    const known = basicPlane[codePoint];
    if (known !== 0) return known;
    return (basicPlane[codePoint] = classify(codePoint));
  }
  let flags = otherPlanes.get(codePoint);
  if (flags === undefined) otherPlanes.set(codePoint, (flags = classify(codePoint)));
  return flags;
}

/** The flags of the 128 ASCII characters, read directly by the hottest loops. */
export const ASCII_FLAGS: Uint8Array = Uint8Array.from({ length: 0x80 }, (_, code) => characterFlags(code));

/** The code point at UTF-16 index `at` (a surrogate pair read as one). */
export function codePointAt(text: string, at: number): number {
  const unit = text.charCodeAt(at);
  return unit >= 0xd800 && unit <= 0xdbff ? (text.codePointAt(at) ?? unit) : unit;
}
