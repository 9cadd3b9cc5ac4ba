import { describe, expect, it } from 'vitest';
import { analyzeText } from '../analyze';
import { compilePacks } from '../compile';
import { normalizeWord, tokenize, WORD_PATTERN } from '../tokenize';
import { testPack } from './test-pack';

/** What the table-driven scanner must agree with: the documented word pattern, one word at a time. */
function byPattern(text: string) {
  return [...text.matchAll(new RegExp(WORD_PATTERN.source, 'gu'))].map((match) => ({
    word: normalizeWord(match[0]),
    start: match.index,
    end: match.index + match[0].length,
  }));
}

function byTokenizer(text: string) {
  const tokens = tokenize(text);
  return tokens.words.map((word, index) => ({ word, start: tokens.starts[index], end: tokens.ends[index] }));
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

describe('tokenizer', () => {
  it('finds the same words at the same offsets as the documented word pattern', () => {
    for (const sample of SAMPLES) expect(byTokenizer(sample)).toEqual(byPattern(sample));
  });

  it('keeps offsets into the whole text when tokenizing a stretch of it', () => {
    const text = 'Before. The İnan regime’s plan. After.';
    const from = text.indexOf('The');
    const to = text.indexOf(' After');
    const tokens = tokenize(text, from, to);
    expect(tokens.words).toEqual(['the', 'i̇nan', 'regime', 'plan']);
    expect(tokens.starts.map((start, index) => text.slice(start, tokens.ends[index]))).toEqual(['The', 'İnan', 'regime’s', 'plan']);
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
