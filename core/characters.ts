/**
 * What each character can be for the analysis, looked up in a table instead of matched with
 * Unicode-property regular expressions: the scanner visits every character of a page, and a
 * table lookup per character is several times cheaper than a regex step with a match object
 * per word; and in a page, compiling those expressions took 10–30 ms before the first word.
 * The tables (./unicode-data) are written from the same properties and tested against them.
 */
import { CHARACTER_FLAG_RUNS } from './unicode-data';
import { valueAt } from './unicode-runs';

/** A letter, digit or combining mark: part of a word. */
export const WORD_CHARACTER = 1;
/** An apostrophe: kept inside a word ("don't"), unified to ' when normalizing. */
export const APOSTROPHE = 2;
/**
 * A character after which the Unicode sentence rules (UAX #29, which `Intl.Segmenter` follows)
 * may break: a sentence terminator (STerm, ATerm) or a paragraph separator.
 */
export const SENTENCE_BREAK = 4;
/** A letter or digit (combining marks not included). */
export const LETTER_OR_DIGIT = 8;
/** An upper-case letter (Lu). */
export const UPPERCASE_LETTER = 16;
/** A sentence terminator, full stops and their look-alikes included. */
export const TERMINATOR = 32;
/** Opening, closing and quotation punctuation (Ps, Pe, Pi, Pf), and the ASCII quotes. */
export const CLOSING = 64;

/**
 * A per-code-point lookup of `classify` (values 0–254), filled as characters are first met:
 * the run tables are searched once per distinct character instead of once per character
 * read. The basic plane is a typed array; the rare other planes a map.
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
export const characterFlags = codePointTable((codePoint) => valueAt(CHARACTER_FLAG_RUNS, codePoint));

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

/** The width in UTF-16 units of the character at `at`. */
export function widthAt(text: string, at: number): number {
  return codePointAt(text, at) > 0xffff ? 2 : 1;
}

/**
 * Where the words of `text` start, a word being letters and digits with an apostrophe (' or ’)
 * between two of them: the matches of `[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*`, one after another.
 */
export function letterWordStarts(text: string): number[] {
  const starts: number[] = [];
  const isLetterOrDigit = (at: number) => (flagsAt(text, at) & LETTER_OR_DIGIT) !== 0;
  let at = 0;
  while (at < text.length) {
    if (!isLetterOrDigit(at)) {
      at += widthAt(text, at);
      continue;
    }
    starts.push(at);
    for (;;) {
      while (at < text.length && isLetterOrDigit(at)) at += widthAt(text, at);
      const unit = text.charCodeAt(at);
      if ((unit === 0x27 || unit === 0x2019) && isLetterOrDigit(at + 1)) at++;
      else break;
    }
  }
  return starts;
}
