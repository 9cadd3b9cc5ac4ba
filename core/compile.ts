/**
 * Compiles enabled packs into one word trie. Matching walks the trie from each word of the
 * text, so its cost depends on the text and the longest phrase, not on how many rules there are.
 */
import { nounForms, verbForms } from './inflect';
import type { Pack, Rule, RuleException } from './schema';
import { ANALYSIS_WORDS } from './analysis-words';
import { GAP, MAX_GAP_WORDS, tokenizePhrase, type Tokens } from './tokenize';
import { Vocabulary } from './vocabulary';

export interface CompiledException {
  when: RuleException['when'];
  /** Word ids of each exception phrase. */
  phrases: number[][];
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
  /** Children by word id. Created on first child: most nodes are leaves, and a Map per leaf would double compile time. */
  next?: Map<number, TrieNode>;
  gap?: TrieNode;
  outputs?: PhraseOutput[];
}

export interface CompiledRules {
  packs: readonly Pack[];
  rules: readonly CompiledRule[];
  root: TrieNode;
  /** The words of every phrase and exception, and the words the analysis reads, by id. */
  vocabulary: Vocabulary;
  /** The root's children as an array indexed by word id: the one lookup every word of a text pays. */
  firstNodes: ReadonlyArray<TrieNode | undefined>;
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

function insert(root: TrieNode, vocabulary: Vocabulary, words: string[], output: PhraseOutput): boolean {
  let node = root;
  for (const word of words) {
    if (word === GAP) {
      node.gap ??= newNode();
      node = node.gap;
      continue;
    }
    const id = vocabulary.add(word);
    node.next ??= new Map();
    let child = node.next.get(id);
    if (!child) {
      child = newNode();
      node.next.set(id, child);
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
  const vocabulary = new Vocabulary();
  for (const word of ANALYSIS_WORDS) vocabulary.add(word);
  const rules: CompiledRule[] = [];
  const byKey = new Map<string, CompiledRule>();
  let scareQuoteRule: CompiledRule | undefined;
  let sequenceCount = 0;
  let packIndex = 0;
  let ruleIndex = 0;
  let finished: CompiledRules | undefined;

  const compileRule = (pack: Pack, rule: Rule) => {
    const compiled: CompiledRule = {
      pack,
      rule,
      exceptions: rule.exceptions.map((exception) => ({
        when: exception.when,
        phrases: exception.phrases.map((phrase) =>
          tokenizePhrase(phrase)
            .words.filter((word) => word !== GAP)
            .map((word) => vocabulary.add(word)),
        ),
      })),
    };
    rules.push(compiled);
    byKey.set(ruleKey(pack.id, rule.id), compiled);
    if (rule.kind === 'scare-quote') scareQuoteRule ??= compiled;
    for (const phrase of rule.phrases) {
      for (const sequence of expandPhrase(phrase, rule)) {
        if (sequence.words.length === 0) continue;
        if (insert(root, vocabulary, sequence.words, { compiled, raw: sequence.raw })) sequenceCount++;
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
    result: () => {
      // Built once compiling is done; asked earlier, it reflects the rules compiled so far.
      if (!finished || finished.rules.length !== rules.length) {
        const firstNodes = new Array<TrieNode | undefined>(vocabulary.words.length).fill(undefined);
        for (const [id, node] of root.next ?? []) firstNodes[id] = node;
        finished = { packs, rules: [...rules], root, vocabulary, firstNodes, scareQuoteRule, byKey, sequenceCount };
      }
      return finished;
    },
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
  const { to } = walk;
  if (position >= to) return;
  const ids = walk.tokens.ids;
  const child = node.next?.get(ids[position]);
  if (child !== undefined) {
    walk.path[depth] = position;
    walkFrom(walk, child, position + 1, depth + 1);
  }
  const gap = node.gap;
  if (gap === undefined) return;
  const last = Math.min(position + MAX_GAP_WORDS, to - 1);
  if (gap.outputs === undefined && gap.gap === undefined && gap.next !== undefined) {
    // The usual gap ("critics ... say") is followed by a word: look that word up after each
    // skip here, and descend only where it is found. Gaps follow common words ("the ..."), so
    // this loop runs often.
    const after = gap.next;
    for (let at = position + 1; at <= last; at++) {
      const found = after.get(ids[at]);
      if (found === undefined) continue;
      walk.path[depth] = at;
      walkFrom(walk, found, at + 1, depth + 1);
    }
    return;
  }
  for (let at = position + 1; at <= last; at++) walkFrom(walk, gap, at, depth);
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
  const first = compiled.firstNodes;
  const walk: MatchWalk = { text, tokens, to, startToken: from, path: [], matches };
  const ids = tokens.ids;
  for (let index = from; index < to; index++) {
    // Most words start no phrase: one array read and we move on.
    const id = ids[index];
    if (id < 0) continue;
    const node = first[id];
    if (node === undefined) continue;
    walk.startToken = index;
    walk.path[0] = index;
    if (node.outputs !== undefined || node.gap !== undefined) {
      walkFrom(walk, node, index + 1, 1);
      continue;
    }
    // Half of all words ("the", "of", "to") start some phrase, and nearly always the next word
    // ends it: test that word here before paying for the walk.
    if (index + 1 >= to) continue;
    const second = node.next?.get(ids[index + 1]);
    if (second === undefined) continue;
    walk.path[1] = index + 1;
    walkFrom(walk, second, index + 2, 2);
  }
  return matches;
}
