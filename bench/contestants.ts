/**
 * The analyzers compared on the same texts. Each one is a function from a text to a count of
 * findings: the count is printed beside the timing, so a contestant that silently did nothing
 * (zero findings on a million bytes of news) is visible, and the result cannot be optimised away.
 */
import { text as alexText } from 'alex';
import writeGood from 'write-good';
import { analyzeText, type CompiledRules } from '../core/index';
import type { Pack } from '../core/schema';

export type Analyzer = (text: string) => number;

export interface Contestant {
  id: 'unspun' | 'alex' | 'writeGood' | 'floor';
  label: string;
  analyze: Analyzer;
}

/** Unspun's core exactly as the extension uses it: rules compiled once, then one call per text. */
export function unspunAnalyzer(compiled: CompiledRules): Analyzer {
  return (text) => analyzeText(text, compiled).flags.length;
}

/** alex on plain text, through its documented API (retext-english + retext-equality + retext-profanities). */
export const alexAnalyzer: Analyzer = (text) => alexText(text).messages.length;

/** write-good with its default checks. */
export const writeGoodAnalyzer: Analyzer = (text) => writeGood(text).length;

/**
 * Every single-word phrase of the `loaded-term` rules, lower-cased: the vocabulary the floor
 * looks up. Multi-word phrases and gaps are left out because the floor has no notion of
 * sequence; inflected forms are left out because the floor does no inflection. Both make the
 * floor cheaper than Unspun, which is what a floor is for.
 */
export function loadedTermVocabulary(packs: readonly Pack[]): Set<string> {
  const vocabulary = new Set<string>();
  for (const pack of packs) {
    for (const rule of pack.rules) {
      if (rule.kind !== 'loaded-term') continue;
      for (const phrase of rule.phrases) {
        const word = phrase.trim().toLowerCase();
        if (/^[\p{L}\p{N}]+$/u.test(word)) vocabulary.add(word);
      }
    }
  }
  return vocabulary;
}

/** The cheapest local matcher: one Unicode word regex pass over the lower-cased text, one Set lookup per word. */
export function floorAnalyzer(vocabulary: ReadonlySet<string>): Analyzer {
  return (text) => {
    const words = /[\p{L}\p{N}]+/gu;
    const lower = text.toLowerCase();
    let hits = 0;
    for (let match = words.exec(lower); match !== null; match = words.exec(lower)) {
      if (vocabulary.has(match[0])) hits++;
    }
    return hits;
  };
}
