/**
 * The core reads character properties from run tables (core/unicode-data.ts) instead of
 * compiling Unicode-property regular expressions in every page. These tests hold the tables,
 * and the loops that replaced the expressions, to those expressions.
 */
import { describe, expect, it } from 'vitest';
import { characterFlags, CLOSING, letterWordStarts, TERMINATOR } from '../core/characters';
import { isSentenceTail } from '../core/sentences';
import { CHARACTER_FLAG_RUNS, SENTENCE_KIND_RUNS } from '../core/unicode-data';
import { encodeRuns, isRunTable, valueAt } from '../core/unicode-runs';
import { FLAG_BITS, referenceCharacterFlags, referenceSentenceKind, runsOf } from '../scripts/lib/unicode-reference';

function firstDifference(table: string, reference: (codePoint: number) => number): string | undefined {
  if (!isRunTable(table)) return 'not a run table (run `npm run unicode`)';
  for (let codePoint = 0; codePoint <= 0x10ffff; codePoint++) {
    const [got, want] = [valueAt(table, codePoint), reference(codePoint)];
    if (got !== want) return `U+${codePoint.toString(16).toUpperCase()}: table ${got}, properties ${want} (run \`npm run unicode\`)`;
  }
  return undefined;
}

describe('the Unicode tables', () => {
  it('give every code point the character flags its Unicode properties give it', () => {
    expect(firstDifference(CHARACTER_FLAG_RUNS, referenceCharacterFlags)).toBeUndefined();
  });

  it('give every code point its Sentence_Break kind', () => {
    expect(firstDifference(SENTENCE_KIND_RUNS, referenceSentenceKind)).toBeUndefined();
  });

  it('number the flags as the core does', async () => {
    const core = await import('../core/characters');
    expect({
      word: core.WORD_CHARACTER,
      apostrophe: core.APOSTROPHE,
      sentenceBreak: core.SENTENCE_BREAK,
      letterOrDigit: core.LETTER_OR_DIGIT,
      uppercaseLetter: core.UPPERCASE_LETTER,
      terminator: core.TERMINATOR,
      closing: core.CLOSING,
    }).toEqual(FLAG_BITS);
  });

  it('round-trip runs through their text form, large values included', () => {
    const runs: Array<[number, number]> = [[0, 0], [1, 255], [33, 31], [1057, 32], [0x10ffff, 7]];
    const table = encodeRuns(runs);
    expect(isRunTable(table)).toBe(true);
    expect(runs.map(([start]) => valueAt(table, start))).toEqual(runs.map(([, value]) => value));
    expect(valueAt(table, 32)).toBe(255);
    expect(valueAt(table, 0x10fffe)).toBe(32);
    expect(isRunTable('AAAA"')).toBe(false);
    expect(() => encodeRuns([[1, 0]])).toThrow(RangeError);
    expect(() => encodeRuns([[0, 0], [0, 1]])).toThrow(RangeError);
    expect(runsOf((codePoint) => (codePoint >= 0x41 && codePoint <= 0x5a ? 1 : 0))).toEqual([[0, 0], [0x41, 1], [0x5b, 0]]);
  });
});

/** Strings of the characters the expressions treat specially, astral ones and lone surrogates included. */
function* generatedStrings(alphabet: readonly string[], count: number, maxLength: number): Generator<string> {
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
  for (let index = 0; index < count; index++) {
    let text = '';
    const length = next() % maxLength;
    for (let position = 0; position < length; position++) text += alphabet[next() % alphabet.length];
    yield text;
  }
}

describe('the loops that replaced regular expressions', () => {
  it('find the words a quoted fragment holds as /[\\p{L}\\p{N}]+(?:[\'’][\\p{L}\\p{N}]+)*/gu does', () => {
    const pattern = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
    const alphabet = ['a', 'Z', '7', 'é', '\u0301', "'", '’', 'ʼ', ' ', '-', '.', '𝐀', '𝟙', '\ud835', 'Ω', '“', '٣'];
    for (const text of generatedStrings(alphabet, 20_000, 12)) {
      expect(letterWordStarts(text), text).toEqual([...text.matchAll(pattern)].map((match) => match.index));
    }
  });

  it('read the end of a one-sentence block as /^(?:[\\p{Sentence_Terminal}…]+[\\p{Ps}…"\']*[ \\t\\u00a0]*)+$/u does', () => {
    const tail = /^(?:[\p{Sentence_Terminal}\u2024\uFE52\uFF0E]+[\p{Ps}\p{Pe}\p{Pf}\p{Pi}"']*[ \t\u00a0]*)+$/u;
    const alphabet = ['.', '!', '?', '\u2024', '\uFF0E', '\u{11047}', '"', "'", '”', ')', '«', ' ', '\t', '\u00a0', 'a', '\u2003'];
    for (const text of generatedStrings(alphabet, 20_000, 8)) {
      expect(isSentenceTail(`x${text}`, 1, text.length + 1), JSON.stringify(text)).toBe(tail.test(text));
    }
  });

  it('rely on terminators and closing marks being different characters', () => {
    for (let codePoint = 0; codePoint <= 0x10ffff; codePoint++) {
      const flags = characterFlags(codePoint);
      if ((flags & TERMINATOR) !== 0 && (flags & CLOSING) !== 0) throw new Error(`U+${codePoint.toString(16)} is both`);
    }
  });
});
