import { describe, expect, it } from 'vitest';
import { analyzeText, compilePacks } from '../../core/index';
import { BUILTIN_PACKS } from '../../core/builtin-packs';
import { syntheticPacks } from '../synthetic-rules';

const shapeOf = (phrase: string) => phrase.split(' ').map((token) => (token === '...' ? '...' : token.split('-').length));

describe('syntheticPacks (the ×10 rules of the benchmark)', () => {
  const extra = syntheticPacks(BUILTIN_PACKS, 9, () => false);

  it('adds nine copies of every rule that has phrases, each phrase with the same words, gaps and hyphens', () => {
    const withPhrases = BUILTIN_PACKS.flatMap((pack) => pack.rules.filter((rule) => rule.phrases.length > 0));
    const copies = extra.flatMap((pack) => pack.rules);
    expect(copies).toHaveLength(withPhrases.length * 9);
    const original = withPhrases[0]!;
    const copy = extra[0]!.rules.find((rule) => rule.id === original.id)!;
    expect(copy.phrases.map(shapeOf)).toEqual(original.phrases.map(shapeOf));
    expect(copy.inflect).toBe(original.inflect);
    expect(copy.phrases).not.toEqual(original.phrases);
  });

  it('uses made-up words only, so the flags on real text stay the same', () => {
    // One copy is enough to show made-up phrases never match; nine would only make the test slower.
    const oneCopy = syntheticPacks(BUILTIN_PACKS, 1, () => false);
    const examples = BUILTIN_PACKS.flatMap((pack) => pack.rules.flatMap((rule) => rule.examples.flag));
    const flagsOf = (packs: typeof BUILTIN_PACKS) => {
      const compiled = compilePacks(packs);
      return examples.flatMap((text) => analyzeText(text, compiled).flags.map((flag) => flag.id));
    };
    const flags = flagsOf(BUILTIN_PACKS);
    expect(flags.length).toBeGreaterThan(0);
    expect(flagsOf([...BUILTIN_PACKS, ...oneCopy])).toEqual(flags);
  }, 30_000);
});
