/**
 * A compiled pack set as plain JSON data, so it can be compiled once where time is cheap (the
 * background) and loaded where it is not (the content script, on every page) without
 * compiling again, and without the packs themselves: it carries what the analysis reads of
 * each rule, but none of the phrases, examples or explanations that make packs a megabyte.
 *
 * The matcher's integer arrays travel as strings (see `encodeIntegers`): parsing one long
 * string and reading its characters back is several times faster than `JSON.parse` building
 * a hundred thousand numbers, and it is the largest part of loading on every page.
 */
import { assemble, type CompiledRule, type CompiledRules } from './compile';
import type { PhraseMatcher } from './matcher';
import { Vocabulary } from './vocabulary';

/** Bumped whenever the layout below or the matcher's meaning changes. */
const SNAPSHOT_FORMAT = 2;

/** The integer arrays of a {@link PhraseMatcher}, each stored encoded. */
const MATCHER_ARRAYS = ['firstNodes', 'edgeStart', 'edgeWord', 'edgeNode', 'gapNode', 'outputStart', 'outputRule'] as const;
type MatcherArray = (typeof MATCHER_ARRAYS)[number];

export interface CompiledSnapshot {
  format: number;
  packs: CompiledRules['packs'];
  /** Each rule as the analysis reads it; exception phrases as word ids. */
  rules: CompiledRule[];
  /** The vocabulary's words in id order, separated by single spaces (a word never holds one). */
  words: string;
  /** Each integer array of the matcher, encoded with `encodeIntegers`. */
  matcher: Record<MatcherArray, string>;
  outputRaw: Array<[number, string[]]>;
  sequenceCount: number;
}

export class SnapshotMismatchError extends Error {}

/*
 * Integers of -1 and up, one to three UTF-16 code units each: the value plus one in base 2^14,
 * most significant digit first, continuation digits from U+5000 and the last digit from
 * U+1000. Every unit lies in U+1000–U+8FFF, so JSON never escapes one and no unit is a
 * surrogate; most values here take one unit.
 */
const LAST_DIGIT = 0x1000;
const MORE_DIGITS = 0x5000;
const DIGIT_BITS = 14;
const DIGIT_BASE = 1 << DIGIT_BITS;

export function encodeIntegers(values: ArrayLike<number>): string {
  const units: number[] = [];
  for (let index = 0; index < values.length; index++) {
    const value = values[index] + 1;
    if (!Number.isInteger(value) || value < 0 || value >= DIGIT_BASE ** 3) throw new RangeError(`cannot encode ${values[index]}`);
    if (value >= DIGIT_BASE * DIGIT_BASE) units.push(MORE_DIGITS + Math.floor(value / (DIGIT_BASE * DIGIT_BASE)));
    if (value >= DIGIT_BASE) units.push(MORE_DIGITS + (Math.floor(value / DIGIT_BASE) % DIGIT_BASE));
    units.push(LAST_DIGIT + (value % DIGIT_BASE));
  }
  let text = '';
  // fromCharCode takes its units as arguments: a bounded number per call.
  for (let start = 0; start < units.length; start += 8192) text += String.fromCharCode(...units.slice(start, start + 8192));
  return text;
}

export function decodeIntegers(text: string): number[] {
  // Pushed one by one so V8 keeps a packed array of small integers, as the compiler builds it.
  const values: number[] = [];
  let pending = 0;
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    if (unit >= MORE_DIGITS) pending = pending * DIGIT_BASE + (unit - MORE_DIGITS);
    else {
      values.push(pending * DIGIT_BASE + (unit - LAST_DIGIT) - 1);
      pending = 0;
    }
  }
  return values;
}

export function snapshotOf(compiled: CompiledRules): CompiledSnapshot {
  const { matcher } = compiled;
  const encoded = {} as Record<MatcherArray, string>;
  for (const name of MATCHER_ARRAYS) encoded[name] = encodeIntegers(matcher[name]);
  return {
    format: SNAPSHOT_FORMAT,
    packs: compiled.packs.map(({ id, version, name }) => ({ id, version, name })),
    rules: [...compiled.rules],
    words: compiled.vocabulary.words.join(' '),
    matcher: encoded,
    outputRaw: [...matcher.outputRaw].map(([output, raw]) => [output, [...raw]]),
    sequenceCount: compiled.sequenceCount,
  };
}

/** The compiled rules a snapshot describes. Throws {@link SnapshotMismatchError} for a snapshot of another format. */
export function loadSnapshot(snapshot: CompiledSnapshot): CompiledRules {
  if (snapshot?.format !== SNAPSHOT_FORMAT) throw new SnapshotMismatchError(`compiled rules of format ${snapshot?.format}, expected ${SNAPSHOT_FORMAT}`);
  const vocabulary = new Vocabulary(snapshot.words === '' ? [] : snapshot.words.split(' '));
  const arrays = {} as Record<MatcherArray, number[]>;
  for (const name of MATCHER_ARRAYS) arrays[name] = decodeIntegers(snapshot.matcher[name]);
  const matcher: PhraseMatcher = { ...arrays, outputRaw: new Map(snapshot.outputRaw) };
  return assemble(snapshot.packs, snapshot.rules, vocabulary, matcher, snapshot.sequenceCount);
}
