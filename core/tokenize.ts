/**
 * Word tokens and their normal form. Rule phrases and analyzed text go through the same
 * normalization, so the two always agree on what a "word" is.
 */

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

/** Tokens of one stretch of text, as parallel arrays: cheaper than one object per word. */
export interface Tokens {
  /** Normalized words. */
  words: string[];
  /** The words as written, for case-sensitive rules. */
  raw: string[];
  /** UTF-16 offsets into the whole analyzed text. */
  starts: number[];
  ends: number[];
}

/** One shared scanner: tokenizing is synchronous, so reusing it is safe and saves a RegExp per sentence. */
const scanner = new RegExp(WORD_PATTERN.source, 'gu');

/** Tokenizes `text.slice(from, to)` without copying it, keeping offsets relative to the whole text. */
export function tokenize(text: string, from = 0, to = text.length): Tokens {
  const tokens: Tokens = { words: [], raw: [], starts: [], ends: [] };
  scanner.lastIndex = from;
  let match: RegExpExecArray | null;
  while ((match = scanner.exec(text)) !== null && match.index < to) {
    // Sentences end at punctuation or space, so a word never really runs past `to`; clip to be safe.
    const end = Math.min(match.index + match[0].length, to);
    const raw = end === match.index + match[0].length ? match[0] : text.slice(match.index, end);
    tokens.raw.push(raw);
    tokens.words.push(normalizeWord(raw));
    tokens.starts.push(match.index);
    tokens.ends.push(end);
  }
  return tokens;
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
