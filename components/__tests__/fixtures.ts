/**
 * Test material for popup and options: small real packs, and page reports produced by running
 * the real analysis core over a real paragraph (so flag ids, offsets and sentences are genuine).
 */
import { analyzeText, compilePacks } from '../../core';
import { PackSchema, type Pack, type PackInput } from '../../core/schema';
import type { PageReport } from '../../utils/messages';

type RuleInput = PackInput['rules'][number];

export function packInput(
  id: string,
  name: string,
  rules: Array<Pick<RuleInput, 'id' | 'kind' | 'category' | 'phrases'> & Partial<RuleInput>>,
): PackInput {
  return {
    id,
    name,
    description: `${name}, for popup and options tests.`,
    version: '1.0.0',
    language: 'en',
    rules: rules.map((rule) => ({
      severity: 'medium',
      explanation: 'Explains to the reader why this wording matters.',
      reference: { title: 'Loaded language', url: 'https://en.wikipedia.org/wiki/Loaded_language' },
      examples: { flag: [`The ${rule.phrases?.[0]} acted.`], pass: ['The government acted.'] },
      ...rule,
    })),
  };
}

export const LABELS_PACK: Pack = PackSchema.parse(
  packInput('test-labels', 'Test labels', [
    { id: 'regime', kind: 'loaded-term', category: 'contentious-label', phrases: ['regime'], severity: 'high' },
    { id: 'slam', kind: 'loaded-term', category: 'editorializing', phrases: ['slam'], inflect: 'verb', severity: 'low' },
  ]),
);

export const VAGUE_PACK: Pack = PackSchema.parse(
  packInput('test-vague', 'Test vague sources', [
    { id: 'critics-say', kind: 'vague-attribution', category: 'vague-attribution', phrases: ['critics say'] },
  ]),
);

export const ARTICLE_TEXT =
  'The regime slammed the report on Monday. Critics say the plan will fail. ' +
  'The minister said the budget would grow by two percent next year, according to a statement.';

/** A page report as the content script would send it for `text` analyzed with `packs`. */
export function reportFor(text: string, packs: Pack[], overrides: Partial<PageReport> = {}): PageReport {
  const result = analyzeText(text, compilePacks(packs));
  return {
    url: 'https://news.example.com/politics/story-1',
    title: 'Budget story',
    isArticle: true,
    analyzed: true,
    siteEnabled: true,
    words: result.stats.words,
    attributedSentences: result.stats.attributedSentences,
    flags: result.flags.map((flag) => ({ ...flag, sentence: text.slice(flag.sentenceStart, flag.sentenceEnd) })),
    ...overrides,
  };
}
