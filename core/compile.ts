/**
 * Compiles enabled packs into one word trie. Matching walks the trie from each word of the
 * text, so its cost depends on the text and the longest phrase, not on how many rules there are.
 */
import { nounForms, verbForms } from './inflect';
import type { Pack, Rule, RuleException } from './schema';
import { GAP, MAX_GAP_WORDS, tokenizePhrase, type Tokens } from './tokenize';

export interface CompiledException {
  when: RuleException['when'];
  phrases: string[][];
}

export interface CompiledRule {
  pack: Pack;
  rule: Rule;
  exceptions: CompiledException[];
}

interface PhraseOutput {
  compiled: CompiledRule;
  /** Words as written, for case-sensitive rules (GAP where the phrase has a gap). */
  raw: string[];
}

interface TrieNode {
  /** Created on first child: most nodes are leaves, and a Map per leaf would double compile time. */
  next?: Map<string, TrieNode>;
  gap?: TrieNode;
  outputs?: PhraseOutput[];
}

export interface CompiledRules {
  packs: readonly Pack[];
  rules: readonly CompiledRule[];
  root: TrieNode;
  /** Structural rule for short quoted fragments with no speaker; absent when no enabled pack has one. */
  scareQuoteRule?: CompiledRule;
  byKey: ReadonlyMap<string, CompiledRule>;
  /** Number of distinct word sequences in the trie, for the benchmark's memory report. */
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

function newNode(): TrieNode {
  return {};
}

/** Every word sequence a phrase stands for, with the rule's inflection applied. */
function expandPhrase(phrase: string, inflect: Rule['inflect']): Array<{ words: string[]; raw: string[] }> {
  const { words, raw } = tokenizePhrase(phrase);
  if (inflect === 'none' || words.length === 0) return [{ words, raw }];
  const headIndex = inflect === 'verb' ? 0 : words.length - 1;
  const forms = inflect === 'verb' ? verbForms : nounForms;
  const rawForms = forms(raw[headIndex]);
  return forms(words[headIndex]).map((form, index) => ({
    words: words.map((word, i) => (i === headIndex ? form : word)),
    raw: raw.map((word, i) => (i === headIndex ? (rawForms[index] ?? form) : word)),
  }));
}

function insert(root: TrieNode, words: string[], output: PhraseOutput): boolean {
  let node = root;
  for (const word of words) {
    if (word === GAP) {
      node.gap ??= newNode();
      node = node.gap;
      continue;
    }
    node.next ??= new Map();
    let child = node.next.get(word);
    if (!child) {
      child = newNode();
      node.next.set(word, child);
    }
    node = child;
  }
  const isNewSequence = !node.outputs;
  node.outputs ??= [];
  // The same rule listing a phrase twice (directly and via inflection) must not match twice.
  if (!node.outputs.some((existing) => existing.compiled === output.compiled)) node.outputs.push(output);
  return isNewSequence;
}

export function ruleKey(packId: string, ruleId: string): string {
  return `${packId}/${ruleId}`;
}

export interface ResumableCompilation {
  /** Compiles rules until done or `shouldYield()` says stop; returns true when finished. */
  runSlice(shouldYield: () => boolean): boolean;
  /** The compiled rules; complete once `runSlice` has returned true. */
  result(): CompiledRules;
}

/**
 * Starts compiling packs in slices, so a content script can yield to the page between them:
 * thousands of phrases take longer than one 50 ms task on a slow laptop.
 */
export function createCompilation(packs: readonly Pack[]): ResumableCompilation {
  const root = newNode();
  const rules: CompiledRule[] = [];
  const byKey = new Map<string, CompiledRule>();
  let scareQuoteRule: CompiledRule | undefined;
  let sequenceCount = 0;
  let packIndex = 0;
  let ruleIndex = 0;

  const compileRule = (pack: Pack, rule: Rule) => {
    const compiled: CompiledRule = {
      pack,
      rule,
      exceptions: rule.exceptions.map((exception) => ({
        when: exception.when,
        phrases: exception.phrases.map((phrase) => tokenizePhrase(phrase).words.filter((word) => word !== GAP)),
      })),
    };
    rules.push(compiled);
    byKey.set(ruleKey(pack.id, rule.id), compiled);
    if (rule.kind === 'scare-quote') scareQuoteRule ??= compiled;
    for (const phrase of rule.phrases) {
      for (const sequence of expandPhrase(phrase, rule.inflect)) {
        if (sequence.words.length === 0) continue;
        if (insert(root, sequence.words, { compiled, raw: sequence.raw })) sequenceCount++;
      }
    }
  };

  return {
    runSlice(shouldYield) {
      while (packIndex < packs.length) {
        const pack = packs[packIndex];
        while (ruleIndex < pack.rules.length) {
          compileRule(pack, pack.rules[ruleIndex++]);
          if (shouldYield()) return false;
        }
        packIndex++;
        ruleIndex = 0;
      }
      return true;
    },
    result: () => ({ packs, rules, root, scareQuoteRule, byKey, sequenceCount }),
  };
}

/** Compiles packs at once; reuse the result for every text analyzed with the same pack set. */
export function compilePacks(packs: readonly Pack[]): CompiledRules {
  const compilation = createCompilation(packs);
  compilation.runSlice(() => false);
  return compilation.result();
}

/** Looks up a rule by pack and rule id, e.g. for the explanation card. */
export function findRule(compiled: CompiledRules, packId: string, ruleId: string): { pack: Pack; rule: Rule } | undefined {
  const found = compiled.byKey.get(ruleKey(packId, ruleId));
  return found && { pack: found.pack, rule: found.rule };
}

interface MatchWalk {
  text: string;
  tokens: Tokens;
  to: number;
  startToken: number;
  /** Token index of each literal word matched so far, for case-sensitive rules. */
  path: number[];
  matches: PhraseMatch[];
}

function rawMatches(output: PhraseOutput, walk: MatchWalk): boolean {
  if (!output.compiled.rule.caseSensitive) return true;
  const { text, tokens, path } = walk;
  let literal = 0;
  for (const word of output.raw) {
    if (word === GAP) continue;
    const index = path[literal];
    if (text.slice(tokens.starts[index], tokens.ends[index]) !== word) return false;
    literal++;
  }
  return true;
}

/** `depth` literal words have matched up to `node`; the next word to read is at `position`. */
function walkFrom(walk: MatchWalk, node: TrieNode, position: number, depth: number): void {
  if (node.outputs !== undefined) {
    for (const output of node.outputs) {
      if (!rawMatches(output, walk)) continue;
      walk.matches.push({
        compiled: output.compiled,
        startToken: walk.startToken,
        endToken: position,
        start: walk.tokens.starts[walk.startToken],
        end: walk.tokens.ends[position - 1],
      });
    }
  }
  if (position >= walk.to) return;
  const child = node.next?.get(walk.tokens.words[position]);
  if (child !== undefined) {
    walk.path[depth] = position;
    walkFrom(walk, child, position + 1, depth + 1);
  }
  const gap = node.gap;
  if (gap !== undefined) {
    for (let skip = 1; skip <= MAX_GAP_WORDS && position + skip < walk.to; skip++) walkFrom(walk, gap, position + skip, depth);
  }
}

/**
 * Every phrase occurrence in tokens [from, to) — overlapping ones included; precedence is
 * decided later. Gaps branch over one to three words, so the walk stays bounded. `text` is the
 * text the tokens index, read back only for case-sensitive rules.
 */
export function findPhraseMatches(
  compiled: CompiledRules,
  text: string,
  tokens: Tokens,
  from: number,
  to: number,
): PhraseMatch[] {
  const matches: PhraseMatch[] = [];
  const first = compiled.root.next;
  if (first === undefined) return matches;
  const walk: MatchWalk = { text, tokens, to, startToken: from, path: [], matches };
  const words = tokens.words;
  for (let index = from; index < to; index++) {
    // Most words start no phrase: one map lookup and we move on.
    const node = first.get(words[index]);
    if (node === undefined) continue;
    walk.startToken = index;
    walk.path[0] = index;
    walkFrom(walk, node, index + 1, 1);
  }
  return matches;
}
