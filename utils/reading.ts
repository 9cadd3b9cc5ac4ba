/**
 * The one-line reading of a page's numbers ("Many loaded terms; most claims attributed").
 * Thresholds are data so they can be tuned and tested without touching the wording code.
 */
import type { FlagKind } from '../core/flag';

/** How much of something a page has, from none to many. */
export type ReadingLevel = 'none' | 'few' | 'some' | 'many';

export interface KindThreshold {
  /** Plural noun as it reads in the sentence ("loaded terms"). */
  noun: string;
  /** Singular, for a page with exactly one ("one loaded term"). */
  singular: string;
  /** Flags per 1,000 words from which a page has "some" of this kind. */
  some: number;
  /** Flags per 1,000 words from which a page has "many" of this kind. */
  many: number;
}

/**
 * Rates per 1,000 words. A news story of 800 words with 3 loaded terms (3.75 per 1,000) reads
 * as "some"; wire copy usually has under one. Scare quotes and vague attributions are rarer in
 * careful writing, so fewer of them already count.
 */
export const READING_THRESHOLDS: Record<FlagKind, KindThreshold> = {
  'loaded-term': { noun: 'loaded terms', singular: 'loaded term', some: 2, many: 8 },
  'unsourced-assertion': { noun: 'unsourced claims', singular: 'unsourced claim', some: 2, many: 6 },
  'vague-attribution': { noun: 'vague attributions', singular: 'vague attribution', some: 1, many: 4 },
  'scare-quote': { noun: 'scare quotes', singular: 'scare quote', some: 1, many: 3 },
};

/**
 * On a short page one occurrence is already a high rate; "many" and "some" also need this many
 * occurrences, so a single word never reads as "many".
 */
export const MIN_COUNT_FOR_LEVEL = { some: 2, many: 3 };

/** The line names at most this many kinds, the most pronounced first, so it stays one line. */
export const MAX_KINDS_IN_LINE = 3;

/** Shares of claim sentences that carry an attribution; checked from the top. */
export const ATTRIBUTION_SHARES: Array<{ atLeast: number; phrase: string }> = [
  { atLeast: 0.75, phrase: 'most claims attributed' },
  { atLeast: 0.4, phrase: 'about half the claims attributed' },
  { atLeast: 0, phrase: 'most claims unattributed' },
];

/** Below this many words the rates swing too much to say anything about the writing. */
export const MIN_WORDS_FOR_READING = 80;

const LEVEL_WORD: Record<ReadingLevel, string> = { none: 'no', few: 'a few', some: 'some', many: 'many' };
const LEVEL_RANK: Record<ReadingLevel, number> = { none: 0, few: 1, some: 2, many: 3 };

export interface ReadingInput {
  words: number;
  /** Flags the writer is charged with (quotations of others left out), by kind. */
  byKind: Record<FlagKind, number>;
  /** Sentences attributed to a source, when the page reports it. */
  attributedSentences?: number;
}

/** Flags per 1,000 words; undefined when there are no words to divide by. */
export function ratePerThousandWords(count: number, words: number): number | undefined {
  if (words <= 0) return undefined;
  return (count / words) * 1000;
}

export function readingLevel(count: number, words: number, threshold: KindThreshold): ReadingLevel {
  if (count === 0) return 'none';
  const rate = ratePerThousandWords(count, words) ?? Number.POSITIVE_INFINITY;
  if (rate >= threshold.many && count >= MIN_COUNT_FOR_LEVEL.many) return 'many';
  if (rate >= threshold.some && count >= MIN_COUNT_FOR_LEVEL.some) return 'some';
  return 'few';
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * One line a reader can take in at a glance. The most pronounced kinds come first; kinds the
 * page does not have are left out unless nothing was found at all.
 */
export function readingLine(input: ReadingInput): string {
  if (input.words < MIN_WORDS_FOR_READING) {
    return 'Too little text to read much into the numbers.';
  }
  const kinds = (Object.keys(READING_THRESHOLDS) as FlagKind[])
    .map((kind) => {
      const count = input.byKind[kind] ?? 0;
      return { kind, count, level: readingLevel(count, input.words, READING_THRESHOLDS[kind]) };
    })
    .filter((entry) => entry.level !== 'none')
    // A stable sort keeps the table's order (loaded terms first) among equal levels.
    .sort((a, b) => LEVEL_RANK[b.level] - LEVEL_RANK[a.level])
    .slice(0, MAX_KINDS_IN_LINE);

  const parts = kinds.map((entry) =>
    entry.count === 1
      ? `one ${READING_THRESHOLDS[entry.kind].singular}`
      : `${LEVEL_WORD[entry.level]} ${READING_THRESHOLDS[entry.kind].noun}`,
  );
  if (parts.length === 0) parts.push('no loaded terms, scare quotes or unsourced claims found');

  if (input.attributedSentences !== undefined) {
    const claims = input.attributedSentences + (input.byKind['unsourced-assertion'] ?? 0);
    if (claims > 0) {
      const share = input.attributedSentences / claims;
      const match = ATTRIBUTION_SHARES.find((entry) => share >= entry.atLeast);
      if (match) parts.push(match.phrase);
    }
  }
  return capitalize(parts.join('; '));
}
