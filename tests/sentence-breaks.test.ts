/**
 * The analysis finds sentence boundaries with its own implementation of the Unicode rules
 * (core/sentence-breaks.ts) instead of `Intl.Segmenter`, whose first use in a page holds the
 * main thread for 40–160 ms. These tests hold it to the segmenter: on tricky strings, on
 * generated strings of the characters the rules treat specially, and on every paragraph of the
 * shared corpora (skipped without them, except under CI=true, where their absence is a failure).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlToText } from '../bench/texts';
import { sentenceEnds } from '../core/sentence-breaks';
import { sharedDirectoryPath } from '../scripts/shared-directory';

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
const segmenterEnds = (text: string) => [...segmenter.segment(text)].map((segment) => segment.index + segment.segment.length);
const ownEnds = (text: string) => (text.length === 0 ? [] : sentenceEnds(text, 0, text.length));

describe('sentence boundaries', () => {
  it('match Intl.Segmenter on numbers, abbreviations, quotes, brackets, lower-case continuations and separators', () => {
    for (const text of [
      'He left.\u00a0The end.',
      'He left.\u00a0the end.',
      'Mr. Smith went. He came back.',
      'It is 3.5 m. Yes',
      'U.S. officials met. Fine.',
      'He said "Go." Then left.',
      'He said "go." then left.',
      'Is it? yes it is.',
      'Wait... what? No!',
      'He left (again.) Then.',
      '(Read the full document here. )',
      'etc., and more. Done',
      'The end.\u2014 More',
      'x.\tY',
      'First line\r\nsecond line\u2029third',
      'Tokyo。Osaka。',
      'Café. École. naïve.',
      'Math 𝐀. 𝐁 and emoji 😀. Next',
    ]) {
      expect(ownEnds(text), text).toEqual(segmenterEnds(text));
    }
  });

  it('match Intl.Segmenter on 20,000 generated strings of the characters the rules treat specially', () => {
    const alphabet = ['a', 'B', ' ', '.', '?', '!', '"', '”', '(', ')', ',', '3', '\n', '\r', '\u2029', '\u00a0', 'é', '\u0301', '\u200d', '\u00ad', 'ß', '。', 'Ω', '-', ':', '…', '𝐀', '😀', '\t', '\u2024'];
    let seed = 11;
    const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    for (let count = 0; count < 20_000; count++) {
      let text = '';
      for (let length = 1 + Math.floor(random() * 14); length > 0; length--) text += alphabet[Math.floor(random() * alphabet.length)];
      expect(ownEnds(text), JSON.stringify(text)).toEqual(segmenterEnds(text));
    }
  });
});

const shared = sharedDirectoryPath();
const available = existsSync(join(shared, 'eval', 'ptc-dev')) && existsSync(join(shared, 'corpus', 'pages'));
if (!available && process.env.CI === 'true') throw new Error(`the shared corpora are missing at ${shared}; CI needs ../shared beside the repo`);
if (!available) console.warn(`sentence-breaks.test.ts: corpus comparison skipped, no shared corpora at ${shared}`);

describe.skipIf(!available)('sentence boundaries on the shared corpora', { timeout: 120_000 }, () => {
  it('match Intl.Segmenter on every paragraph of ptc-dev, polnear-dev and the real news pages', () => {
    const texts: string[] = [];
    const ptc = join(shared, 'eval', 'ptc-dev', 'articles');
    for (const file of readdirSync(ptc)) texts.push(readFileSync(join(ptc, file), 'utf8'));
    const polnear = join(shared, 'eval', 'polnear-dev', 'text');
    if (existsSync(polnear)) for (const file of readdirSync(polnear)) texts.push(readFileSync(join(polnear, file), 'utf8'));
    const pages = join(shared, 'corpus', 'pages');
    for (const page of readdirSync(pages)) texts.push(htmlToText(readFileSync(join(pages, page, 'source.html'), 'utf8')));
    let paragraphs = 0;
    const disagreements: string[] = [];
    for (const paragraph of texts.flatMap((text) => text.split('\n'))) {
      if (paragraph.length === 0) continue;
      paragraphs++;
      if (ownEnds(paragraph).join() !== segmenterEnds(paragraph).join()) disagreements.push(paragraph.slice(0, 120));
    }
    expect(paragraphs).toBeGreaterThan(10_000);
    expect(disagreements).toEqual([]);
  });
});
