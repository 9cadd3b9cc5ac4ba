/**
 * Word tokens and their normal form. Rule phrases and analyzed text go through the same
 * normalization, so the two always agree on what a "word" is.
 */

import { APOSTROPHE, ASCII_FLAGS, characterFlags, codePointAt, flagsAt, WORD_CHARACTER } from './characters';
import { hashStart, hashStep, type Vocabulary } from './vocabulary';

/**
 * A word is a run of letters, digits and combining marks, with internal apostrophes kept
 * ("don't", "nation’s"). Hyphens, slashes and other punctuation separate words, which is what
 * makes "so-called" and "so called" the same phrase. A regular expression is used rather than
 * `Intl.Segmenter` at word granularity: it is about thirty times faster in V8, and word
 * segmentation would otherwise dominate the cost of analysis.
 */
export const WORD_PATTERN = /[\p{L}\p{N}\p{M}]+(?:['’ʼ][\p{L}\p{N}\p{M}]+)*/gu;

/**
 * Lower-cases, unifies apostrophes and drops a trailing possessive or contracted "'s", so
 * "Regime’s" finds the rule for "regime". Applied to phrases too, so "it's" in a phrase still
 * matches "it’s" in text.
 */
export function normalizeWord(word: string): string {
  let normal = word.toLowerCase();
  // Most words have no apostrophe: check with char codes before doing any string work.
  if (normal.indexOf('’') >= 0 || normal.indexOf('ʼ') >= 0) normal = normal.replace(/[’ʼ]/g, "'");
  const length = normal.length;
  if (length > 2 && normal.charCodeAt(length - 1) === 115 /* s */ && normal.charCodeAt(length - 2) === 39 /* ' */) {
    normal = normal.slice(0, -2);
  }
  return normal;
}

/**
 * The words of one stretch of text, as parallel arrays: cheaper than one object per word.
 * Words are kept as vocabulary ids (UNKNOWN_WORD for words no rule uses); the words as
 * written are read back from the text by offset, which only case-sensitive rules need.
 */
export interface Tokens {
  ids: number[];
  /** UTF-16 offsets into the whole analyzed text. */
  starts: number[];
  ends: number[];
}

export function emptyTokens(): Tokens {
  return { ids: [], starts: [], ends: [] };
}

/** One shared scanner for rule phrases: compiling a Unicode-property RegExp costs far more than running it. */
const scanner = new RegExp(WORD_PATTERN.source, 'gu');

/**
 * Reads the words of `text.slice(from, to)` into `into` (emptied first; reusing it across a
 * page's blocks spares the garbage of fresh arrays), with offsets into the whole text.
 *
 * Words are found with the character table in ./characters, which follows WORD_PATTERN exactly
 * (runs of letters, digits and marks, joined by single apostrophes), and looked up by a hash
 * computed on the way, so a word becomes a string only when it has an apostrophe to normalize.
 */
export function scanWords(text: string, from: number, to: number, vocabulary: Vocabulary, into: Tokens): Tokens {
  const { ids, starts, ends } = into;
  ids.length = 0;
  starts.length = 0;
  ends.length = 0;
  // Lower-casing the stretch once is far cheaper than once per word. It keeps offsets only when
  // no character changes length ("İ" becomes two code units); otherwise words are lowered one by one.
  const lower = text.slice(from, to).toLowerCase();
  const lowered = lower.length === to - from;
  const source = lowered ? lower : text.slice(from, to);
  const length = source.length;
  let at = 0;
  while (at < length) {
    let unit = source.charCodeAt(at);
    let codePoint = unit < 0xd800 ? unit : codePointAt(source, at);
    let flags = unit < 0x80 ? ASCII_FLAGS[unit] : characterFlags(codePoint);
    if ((flags & WORD_CHARACTER) === 0) {
      at += codePoint > 0xffff ? 2 : 1;
      continue;
    }
    const start = at;
    let apostrophes = flags & APOSTROPHE;
    let hash = hashStart();
    for (;;) {
      hash = hashStep(hash, unit);
      if (codePoint > 0xffff) hash = hashStep(hash, source.charCodeAt(at + 1));
      at += codePoint > 0xffff ? 2 : 1;
      if (at >= length) break;
      unit = source.charCodeAt(at);
      // Plain ASCII letters and digits are most of any English text: one table read each.
      if (unit < 0x80) {
        flags = ASCII_FLAGS[unit];
        codePoint = unit;
      } else {
        codePoint = unit < 0xd800 ? unit : codePointAt(source, at);
        flags = characterFlags(codePoint);
      }
      if ((flags & WORD_CHARACTER) !== 0) {
        apostrophes |= flags & APOSTROPHE;
        continue;
      }
      // An apostrophe joins two runs of word characters ("don't"); anywhere else it ends the word.
      if ((flags & APOSTROPHE) !== 0 && at + 1 < length && (flagsAt(source, at + 1) & WORD_CHARACTER) !== 0) {
        apostrophes = APOSTROPHE;
        at++;
        unit = source.charCodeAt(at);
        codePoint = codePointAt(source, at);
        continue;
      }
      break;
    }
    ids.push(
      lowered && apostrophes === 0
        ? vocabulary.lookup(source, start, at, hash)
        : vocabulary.idOf(normalizeWord(source.slice(start, at))),
    );
    starts.push(from + start);
    ends.push(from + at);
  }
  return into;
}

/** Lower-case ASCII words separated by single spaces, with no possessive to drop. */
const PLAIN_PHRASE = /^(?:[a-z0-9]+ )*[a-z0-9]+$/;

/** The gap token: one to three arbitrary words. */
export const GAP = '...';
export const MAX_GAP_WORDS = 3;

/**
 * Splits a rule phrase into normalized words, keeping `...` (or `…`) as the gap token.
 * Returns the words as written too, for case-sensitive rules.
 */
export function tokenizePhrase(phrase: string): { words: string[]; raw: string[] } {
  // Most phrases are plain lower-case words: they are their own tokens, and skipping the
  // scanner here makes compiling thousands of phrases (on each page load) several times cheaper.
  if (PLAIN_PHRASE.test(phrase)) {
    const plain = phrase.split(' ');
    return { words: plain, raw: plain };
  }
  const words: string[] = [];
  const raw: string[] = [];
  for (const chunk of phrase.trim().split(/\s+/)) {
    if (chunk === '...' || chunk === '…') {
      words.push(GAP);
      raw.push(GAP);
      continue;
    }
    // Compiling a Unicode-property RegExp costs far more than running it: reuse the scanner.
    scanner.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = scanner.exec(chunk)) !== null) {
      raw.push(match[0]);
      words.push(normalizeWord(match[0]));
    }
  }
  return { words, raw };
}
