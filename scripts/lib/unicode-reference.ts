/**
 * The character classes the analysis needs, defined with Unicode-property regular expressions:
 * the reference that `npm run unicode` turns into the range tables of core/unicode-tables.ts,
 * and that tests/unicode-tables.test.ts checks those tables against for every code point.
 *
 * The core does not use these regular expressions itself: in a page each one is compiled on
 * first use, cold, and compiling a handful of them took 10–30 ms of the page's main thread.
 */

/** Bits of a character's flags (core/characters.ts names them). */
export const FLAG_BITS = {
  /** A letter, digit or combining mark: part of a word (WORD_PATTERN). */
  word: 1,
  /** An apostrophe kept inside a word. */
  apostrophe: 2,
  /** A sentence terminator or paragraph separator: the Unicode sentence rules may break after it. */
  sentenceBreak: 4,
  /** A letter or digit (no marks): the words of a quoted fragment. */
  letterOrDigit: 8,
  /** An upper-case letter (Lu). */
  uppercaseLetter: 16,
  /** A sentence terminator (full stops and their look-alikes included). */
  terminator: 32,
  /** Opening, closing and quotation punctuation, and the ASCII quotes. */
  closing: 64,
} as const;

const WORD = /[\p{L}\p{N}\p{M}]/u;
const APOSTROPHE = /['’ʼ]/u;
const SENTENCE_BREAK = /[\p{Sentence_Terminal}\u2024\uFE52\uFF0E\r\n\u0085\u2028\u2029]/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const UPPERCASE_LETTER = /\p{Lu}/u;
const TERMINATOR = /[\p{Sentence_Terminal}\u2024\uFE52\uFF0E]/u;
const CLOSING = /[\p{Ps}\p{Pe}\p{Pf}\p{Pi}"']/u;

export function referenceCharacterFlags(codePoint: number): number {
  // A lone surrogate is no character at all: String.fromCodePoint keeps it lone, and no property matches it.
  const character = String.fromCodePoint(codePoint);
  let flags = 0;
  if (WORD.test(character)) flags |= FLAG_BITS.word;
  if (APOSTROPHE.test(character)) flags |= FLAG_BITS.apostrophe;
  if (SENTENCE_BREAK.test(character)) flags |= FLAG_BITS.sentenceBreak;
  if (LETTER_OR_DIGIT.test(character)) flags |= FLAG_BITS.letterOrDigit;
  if (UPPERCASE_LETTER.test(character)) flags |= FLAG_BITS.uppercaseLetter;
  if (TERMINATOR.test(character)) flags |= FLAG_BITS.terminator;
  if (CLOSING.test(character)) flags |= FLAG_BITS.closing;
  return flags;
}

/**
 * The Sentence_Break property of UAX #29 (table 4), numbered as `Kind` in
 * core/sentence-breaks.ts. Regular expressions do not expose it; these are its definitions
 * from properties they do expose, tested in order.
 */
export const SENTENCE_KINDS = ['Other', 'CR', 'LF', 'Sep', 'Extend', 'Format', 'Sp', 'Lower', 'Upper', 'OLetter', 'Numeric', 'ATerm', 'STerm', 'Close', 'SContinue'] as const;

const EXTEND = /[\p{Grapheme_Extend}\p{Mc}\p{Emoji_Modifier}\u200D]/u;
const FORMAT = /\p{Cf}/u;
const SPACE = /\p{White_Space}/u;
const LOWER = /\p{Lowercase}/u;
const UPPER = /[\p{Uppercase}\p{Lt}]/u;
const OLETTER = /[\p{Alphabetic}\u05F3]/u;
const NUMERIC = /[\p{Nd}\u066B\u066C]/u;
const FULLWIDTH_DIGIT = /[\uFF10-\uFF19]/u;
const ATERM = /[.\u2024\uFE52\uFF0E]/u;
const STERM = /\p{Sentence_Terminal}/u;
const CLOSE = /[\p{Ps}\p{Pe}\p{Pi}\p{Pf}"'\u05F4\u2E00-\u2E0D\u2E1C\u2E1D\u2E20\u2E21]/u;
const SCONTINUE =
  /[,\-:;\u037E\u0589\u060C\u060D\u07F8\u1802\u1808\u2013\u2014\u3001\uFE10\uFE11\uFE13\uFE31\uFE32\uFE50\uFE51\uFE55\uFE58\uFE63\uFF0C\uFF0D\uFF1A\uFF1B\uFF64]/u;

export function referenceSentenceKind(codePoint: number): number {
  const kind = (name: (typeof SENTENCE_KINDS)[number]) => SENTENCE_KINDS.indexOf(name);
  if (codePoint === 0x0d) return kind('CR');
  if (codePoint === 0x0a) return kind('LF');
  if (codePoint === 0x85 || codePoint === 0x2028 || codePoint === 0x2029) return kind('Sep');
  const character = String.fromCodePoint(codePoint);
  if (EXTEND.test(character)) return kind('Extend');
  if (codePoint !== 0x200c && FORMAT.test(character)) return kind('Format');
  if (SPACE.test(character)) return kind('Sp');
  if (LOWER.test(character)) return kind('Lower');
  if (UPPER.test(character)) return kind('Upper');
  if (OLETTER.test(character)) return kind('OLetter');
  if (NUMERIC.test(character) && !FULLWIDTH_DIGIT.test(character)) return kind('Numeric');
  if (ATERM.test(character)) return kind('ATerm');
  if (STERM.test(character)) return kind('STerm');
  if (CLOSE.test(character)) return kind('Close');
  if (SCONTINUE.test(character)) return kind('SContinue');
  return kind('Other');
}

/** Code points where the value changes, and the value from each on: a run-length table of `classify` over all of Unicode. */
export function runsOf(classify: (codePoint: number) => number): Array<[start: number, value: number]> {
  const runs: Array<[number, number]> = [];
  for (let codePoint = 0; codePoint <= 0x10ffff; codePoint++) {
    const value = classify(codePoint);
    if (runs.length === 0 || runs[runs.length - 1][1] !== value) runs.push([codePoint, value]);
  }
  return runs;
}
