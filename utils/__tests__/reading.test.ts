import { describe, expect, it } from 'vitest';
import type { FlagKind } from '../../core/flag';
import { MIN_WORDS_FOR_READING, READING_THRESHOLDS, readingLevel, readingLine } from '../reading';

function kinds(counts: Partial<Record<FlagKind, number>>): Record<FlagKind, number> {
  return { 'loaded-term': 0, 'scare-quote': 0, 'vague-attribution': 0, 'unsourced-assertion': 0, ...counts };
}

describe('reading thresholds', () => {
  const loaded = READING_THRESHOLDS['loaded-term'];

  it.each([
    // count, words, level: rates per 1,000 words on both sides of each threshold
    [0, 1000, 'none'],
    [1, 1000, 'few'],
    [loaded.some, 1000, 'some'],
    [loaded.many - 1, 1000, 'some'],
    [loaded.many, 1000, 'many'],
    [4, 500, 'many'],
    // One occurrence is a high rate on a short page, but never more than "few".
    [1, 150, 'few'],
    [2, 150, 'some'],
  ] as const)('rates %i loaded terms in %i words as "%s"', (count, words, level) => {
    expect(readingLevel(count, words, loaded)).toBe(level);
  });

  it('keeps "some" below "many" for every kind, so no level is unreachable', () => {
    for (const threshold of Object.values(READING_THRESHOLDS)) {
      expect(threshold.some).toBeGreaterThan(0);
      expect(threshold.many).toBeGreaterThan(threshold.some);
    }
  });
});

describe('reading line', () => {
  it('names the most pronounced kind first', () => {
    const line = readingLine({ words: 1000, byKind: kinds({ 'scare-quote': 2, 'loaded-term': 12 }) });
    expect(line).toBe('Many loaded terms; some scare quotes');
  });

  it('says most claims are attributed when three in four claim sentences have a source', () => {
    const line = readingLine({ words: 1000, byKind: kinds({ 'loaded-term': 9, 'unsourced-assertion': 1 }), attributedSentences: 9 });
    expect(line).toBe('Many loaded terms; one unsourced claim; most claims attributed');
  });

  it('says most claims are unattributed when few claim sentences have a source', () => {
    const line = readingLine({ words: 1000, byKind: kinds({ 'unsourced-assertion': 8 }), attributedSentences: 2 });
    expect(line).toBe('Many unsourced claims; most claims unattributed');
  });

  it('names at most three kinds so the reading stays one line', () => {
    const line = readingLine({
      words: 1000,
      byKind: kinds({ 'loaded-term': 3, 'scare-quote': 4, 'vague-attribution': 5, 'unsourced-assertion': 9 }),
    });
    expect(line).toBe('Many unsourced claims; many vague attributions; many scare quotes');
  });

  it('says so when nothing was found', () => {
    expect(readingLine({ words: 600, byKind: kinds({}) })).toBe('No loaded terms, scare quotes or unsourced claims found');
  });

  it('declines to read a page too short for rates to mean anything', () => {
    expect(readingLine({ words: MIN_WORDS_FOR_READING - 1, byKind: kinds({ 'loaded-term': 5 }) })).toMatch(/too little text/i);
  });
});
