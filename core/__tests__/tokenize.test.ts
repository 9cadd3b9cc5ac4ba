import { describe, expect, it } from 'vitest';
import { analyzeText } from '../analyze';
import { compilePacks } from '../compile';
import { emptyTokens, normalizeWord, scanWords, WORD_PATTERN } from '../tokenize';
import { UNKNOWN_WORD, Vocabulary } from '../vocabulary';
import { testPack } from './test-pack';

/** What the table-driven scanner must agree with: the documented word pattern, one word at a time. */
function byPattern(text: string, vocabulary: Vocabulary) {
  return [...text.matchAll(new RegExp(WORD_PATTERN.source, 'gu'))].map((match) => ({
    id: vocabulary.idOf(normalizeWord(match[0])),
    start: match.index,
    end: match.index + match[0].length,
  }));
}

function byScanner(text: string, vocabulary: Vocabulary, from = 0, to = text.length) {
  const tokens = scanWords(text, from, to, vocabulary, emptyTokens());
  return tokens.ids.map((id, index) => ({ id, start: tokens.starts[index], end: tokens.ends[index] }));
}

/** A vocabulary holding every other word of the samples, so both known and unknown words are read. */
function vocabularyOf(texts: string[]): Vocabulary {
  const vocabulary = new Vocabulary();
  let index = 0;
  for (const text of texts) {
    for (const match of text.matchAll(new RegExp(WORD_PATTERN.source, 'gu'))) {
      if (index++ % 2 === 0) vocabulary.add(normalizeWord(match[0]));
    }
  }
  return vocabulary;
}

const SAMPLES = [
  'The Senator’s "so-called" plan—don’t call it a tax—passed 52–48.',
  "Rock 'n' roll isn't dead; the '90s are back, voters' hopes aren't.",
  'İstanbul’s mayor met ΟΔΥΣΣΕΑΣ and Ǆemal in Kraków (café, naïve, coöperate).',
  'Math 𝐀𝐁𝐂 and emoji 😀😀 and CJK 𠀋𠀋字 and Devanagari नमस्ते, Arabic مرحبا!',
  'Lone surrogates \ud800 and \udc00 are no letters; modifier apostrophe donʼt.',
  "Edge apostrophes: 'quoted' ’tis it’’s end' and ' alone.",
  '',
];

describe('word scanner', () => {
  it('finds the same words at the same offsets as the documented word pattern', () => {
    const vocabulary = vocabularyOf(SAMPLES);
    for (const sample of SAMPLES) expect(byScanner(sample, vocabulary)).toEqual(byPattern(sample, vocabulary));
  });

  it('knows words no rule uses as unknown, and a word with a possessive as the word itself', () => {
    const vocabulary = new Vocabulary();
    const regime = vocabulary.add('regime');
    expect(byScanner('The Regime’s plan', vocabulary).map((token) => token.id)).toEqual([UNKNOWN_WORD, regime, UNKNOWN_WORD]);
  });

  it('keeps offsets into the whole text when reading a stretch of it', () => {
    const text = 'Before. The İnan regime’s plan. After.';
    const vocabulary = new Vocabulary();
    const words = ['the', 'i̇nan', 'regime', 'plan'].map((word) => vocabulary.add(word));
    const tokens = byScanner(text, vocabulary, text.indexOf('The'), text.indexOf(' After'));
    expect(tokens.map((token) => token.id)).toEqual(words);
    expect(tokens.map((token) => text.slice(token.start, token.end))).toEqual(['The', 'İnan', 'regime’s', 'plan']);
  });
});

describe('sentences of a block', () => {
  const compiled = compilePacks([testPack([{ id: 'said', kind: 'attribution-cue', category: 'reporting-verb', role: 'reporting-verb', phrases: ['said'] }])]);
  const sentencesOf = (text: string) => analyzeText(text, compiled).stats.sentences;

  it('splits where Intl.Segmenter splits, including after a closing mark that follows a space', () => {
    const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
    for (const text of [
      'One sentence with no break',
      'One sentence ending well.',
      'Is it one?! Yes.',
      'He left (for good.) Then came back.',
      '(Read the full document here. )',
      'Long live the king. "',
      'It cost 3.5 million in the U.S. last year.',
      'First line\u2029second line',
      'Tokyo。Osaka。',
    ]) {
      const expected = [...segmenter.segment(text)].filter((segment) => segment.segment.trim() !== '').length;
      expect(sentencesOf(text), text).toBe(expected);
    }
  });
});
