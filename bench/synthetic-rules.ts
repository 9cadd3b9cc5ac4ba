/**
 * Extra rule packs for the "×10 rules" scaling check: copies of the built-in packs with every
 * word of every phrase replaced by a made-up word. The copies keep the shapes of the originals
 * (rule kinds, phrase counts, words per phrase, `...` gaps, hyphenation, inflection, letter
 * case, exceptions) so the compiler and matcher do the same kind of work; only the words are
 * new, so the copies never match news text and the flags stay the same.
 */
import { parsePack, type Pack, type PackInput } from '../core/schema';

const ONSETS = ['b', 'br', 'd', 'dr', 'f', 'fl', 'g', 'gr', 'k', 'kl', 'm', 'n', 'p', 'pl', 'qu', 's', 'st', 't', 'tr', 'v', 'z', 'zh'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ou', 'ai'];

/** Yields distinct pronounceable non-words (three syllables: about 48 million of them). */
export function* madeUpWords(isTaken: (word: string) => boolean): Generator<string> {
  const syllables = ONSETS.flatMap((onset) => VOWELS.map((vowel) => onset + vowel));
  const count = syllables.length;
  for (let index = 0; ; index++) {
    // Interleave the digits so consecutive words differ in their first syllable, as real vocabularies do.
    const word = syllables[index % count]! + syllables[Math.floor(index / count) % count]! + syllables[Math.floor(index / count / count) % count]! + 'x';
    if (index >= count * count * count) throw new Error('ran out of made-up words');
    if (!isTaken(word)) yield word;
  }
}

function matchCase(original: string, replacement: string): string {
  if (original.length > 1 && original === original.toUpperCase() && original !== original.toLowerCase()) {
    return replacement.toUpperCase();
  }
  if (original[0] && original[0] !== original[0].toLowerCase()) return replacement[0]!.toUpperCase() + replacement.slice(1);
  return replacement;
}

/**
 * `copies` synthetic packs per built-in pack. Rules without phrases (structural scare-quote
 * detection) are not copied: ten copies of a structural rule would be ten identical detectors,
 * which no pack author would write. `isTaken` rejects made-up words that happen to be real
 * words of the benchmark texts.
 */
export function syntheticPacks(packs: readonly Pack[], copies: number, isTaken: (word: string) => boolean): Pack[] {
  const words = madeUpWords(isTaken);
  const nextWord = (): string => words.next().value as string;
  const replacePhrase = (phrase: string): string =>
    phrase
      .split(' ')
      .map((token) => (token === '...' || token === '' ? token : token.split('-').map((part) => matchCase(part, nextWord())).join('-')))
      .join(' ');
  const result: Pack[] = [];
  for (let copy = 1; copy <= copies; copy++) {
    for (const pack of packs) {
      const rules = pack.rules
        .filter((rule) => rule.phrases.length > 0)
        .map((rule) => ({ ...rule, phrases: rule.phrases.map(replacePhrase) }));
      if (rules.length === 0) continue;
      const input: PackInput = { ...pack, id: `${pack.id}-synthetic-${copy}`, name: `${pack.name} (synthetic copy ${copy})`, rules };
      const parsed = parsePack(input);
      if (!parsed.ok) {
        throw new Error(`synthetic copy of ${pack.id} is not a valid pack: ${parsed.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
      }
      result.push(parsed.pack);
    }
  }
  return result;
}

export function ruleCount(packs: readonly Pack[]): number {
  return packs.reduce((sum, pack) => sum + pack.rules.length, 0);
}

export function phraseCount(packs: readonly Pack[]): number {
  return packs.reduce((sum, pack) => sum + pack.rules.reduce((inner, rule) => inner + rule.phrases.length, 0), 0);
}
