/**
 * Compiles enabled packs into one phrase matcher (./matcher) over one vocabulary of word ids
 * (./vocabulary). Matching cost depends on the text and the longest phrase, not on how many
 * rules there are.
 */
import { ANALYSIS_WORDS } from './analysis-words';
import { nounForms, verbForms } from './inflect';
import { MatcherBuilder, matchPhrases, type PhraseMatcher } from './matcher';
import type { Category, Pack, Rule, RuleException, RuleKind, Severity } from './schema';
import { GAP, tokenizePhrase, type Tokens } from './tokenize';
import { Vocabulary } from './vocabulary';

export interface CompiledException {
  when: RuleException['when'];
  /** Word ids of each exception phrase. */
  phrases: number[][];
}

/**
 * What the analysis reads of a rule. Its phrases are in the matcher; what a reader is told
 * about it (explanation, alternatives, reference) stays in the pack, for the card to look up.
 */
export interface CompiledRule {
  packId: string;
  ruleId: string;
  kind: RuleKind;
  category: Category;
  severity: Severity;
  /** For `scare-quote` rules: the longest quoted fragment, in words, still read as distancing. */
  maxWords?: number;
  exceptions: CompiledException[];
}

/** A compiled pack, by name. */
export interface CompiledPack {
  id: string;
  version: string;
  name: string;
}

export interface CompiledRules {
  packs: readonly CompiledPack[];
  /** Every rule of every pack, in pack order: the matcher's outputs refer to them by index. */
  rules: readonly CompiledRule[];
  /** The words of every phrase and exception, and the words the analysis reads, by id. */
  vocabulary: Vocabulary;
  matcher: PhraseMatcher;
  /** Structural rule for short quoted fragments with no speaker; absent when no enabled pack has one. */
  scareQuoteRule?: CompiledRule;
  /** Number of distinct word sequences in the matcher, for the benchmark's memory report. */
  sequenceCount: number;
}

/** A phrase occurrence in analyzed text: token indexes [startToken, endToken). */
export interface PhraseMatch {
  compiled: CompiledRule;
  startToken: number;
  endToken: number;
  start: number;
  end: number;
}

/**
 * Every word sequence a phrase stands for, with the rule's inflection applied. The words as
 * written are kept only for case-sensitive rules: the others never read them, and building
 * them doubles the garbage of a compile that runs on every page.
 */
function expandPhrase(phrase: string, rule: Rule): Array<{ words: string[]; raw: string[] }> {
  const { words, raw } = tokenizePhrase(phrase);
  if (rule.inflect === 'none' || words.length === 0) return [{ words, raw }];
  const headIndex = rule.inflect === 'verb' ? 0 : words.length - 1;
  const forms = rule.inflect === 'verb' ? verbForms : nounForms;
  const rawForms = rule.caseSensitive ? forms(raw[headIndex]) : [];
  return forms(words[headIndex]).map((form, index) => {
    const inflected = words.map((word, i) => (i === headIndex ? form : word));
    return {
      words: inflected,
      raw: rule.caseSensitive ? raw.map((word, i) => (i === headIndex ? (rawForms[index] ?? form) : word)) : inflected,
    };
  });
}

/** Compiles packs at once; reuse the result for every text analyzed with the same pack set. */
export function compilePacks(packs: readonly Pack[]): CompiledRules {
  const vocabulary = new Vocabulary();
  for (const word of ANALYSIS_WORDS) vocabulary.add(word);
  const builder = new MatcherBuilder();
  const rules: CompiledRule[] = [];
  for (const pack of packs) {
    for (const rule of pack.rules) {
      const number = rules.length;
      rules.push(compiledRule(pack, rule, (word) => vocabulary.add(word)));
      for (const phrase of rule.phrases) {
        for (const sequence of expandPhrase(phrase, rule)) {
          if (sequence.words.length === 0) continue;
          builder.add(sequence.words, vocabulary, number, rule.caseSensitive ? sequence.raw : undefined);
        }
      }
    }
  }
  return {
    packs: packs.map(({ id, version, name }) => ({ id, version, name })),
    rules,
    vocabulary,
    matcher: builder.build(vocabulary.words.length),
    scareQuoteRule: rules.find((rule) => rule.kind === 'scare-quote'),
    sequenceCount: builder.sequenceCount,
  };
}

/** A rule as the analysis reads it, its exception phrases turned into word ids by `wordId`. */
function compiledRule(pack: Pack, rule: Rule, wordId: (word: string) => number): CompiledRule {
  return {
    packId: pack.id,
    ruleId: rule.id,
    kind: rule.kind,
    category: rule.category,
    severity: rule.severity,
    ...(rule.maxWords === undefined ? {} : { maxWords: rule.maxWords }),
    exceptions: rule.exceptions.map((exception) => ({
      when: exception.when,
      phrases: exception.phrases.map((phrase) =>
        tokenizePhrase(phrase)
          .words.filter((word) => word !== GAP)
          .map(wordId),
      ),
    })),
  };
}

/** Looks up a rule by pack and rule id, e.g. for the explanation card. */
export function findRule(packs: readonly Pack[], packId: string, ruleId: string): { pack: Pack; rule: Rule } | undefined {
  const pack = packs.find((candidate) => candidate.id === packId);
  const rule = pack?.rules.find((candidate) => candidate.id === ruleId);
  return pack && rule && { pack, rule };
}

/**
 * Every phrase occurrence in tokens [from, to), overlapping ones included; precedence is
 * decided later. `text` is the text the tokens index, read back only for case-sensitive rules.
 */
export function findPhraseMatches(
  compiled: CompiledRules,
  text: string,
  tokens: Tokens,
  from: number,
  to: number,
): PhraseMatch[] {
  const { matcher, rules } = compiled;
  return matchPhrases(matcher, text, tokens, from, to).map(({ output, startToken, endToken }) => ({
    compiled: rules[matcher.outputRule[output]],
    startToken,
    endToken,
    start: tokens.starts[startToken],
    end: tokens.ends[endToken - 1],
  }));
}
