/**
 * The phrase matcher: a word trie over vocabulary ids, stored as flat integer arrays. Matching
 * walks it from each word of a text, so its cost depends on the text and the longest phrase,
 * not on how many rules there are. Flat integer arrays rather than objects and maps: they match
 * as fast and take a fraction of the memory.
 */
import { GAP, MAX_GAP_WORDS, type Tokens } from './tokenize';
import type { Vocabulary } from './vocabulary';

export interface PhraseMatcher {
  /** For each word id, the node after that word from the root, or -1 where no phrase starts with it. */
  firstNodes: Int32Array;
  /** Node n's children are the edges edgeStart[n] to edgeStart[n + 1] - 1, sorted by word id. */
  edgeStart: Int32Array;
  edgeWord: Int32Array;
  edgeNode: Int32Array;
  /** The node after a gap of one to three words from node n, or -1. */
  gapNode: Int32Array;
  /** The phrases ending at node n are outputs outputStart[n] to outputStart[n + 1] - 1. */
  outputStart: Int32Array;
  /** The index (in compilation order) of the rule each output belongs to. */
  outputRule: Int32Array;
  /** The words as written (GAP where the phrase has a gap) of outputs of case-sensitive rules. */
  outputRaw: ReadonlyMap<number, readonly string[]>;
}

interface BuildNode {
  /** Created on first child: most nodes are leaves. */
  next?: Map<number, BuildNode>;
  gap?: BuildNode;
  outputs?: Array<{ rule: number; raw?: readonly string[] }>;
  /** The node's number once laid out. */
  index: number;
}

/** Collects phrases into a trie of objects, then lays it out as a {@link PhraseMatcher}. */
export class MatcherBuilder {
  private readonly root: BuildNode = { index: 0 };
  /** Distinct word sequences, for the benchmark's memory report. */
  sequenceCount = 0;

  /**
   * Adds one word sequence (GAP for a gap) of rule number `rule`. `raw`, the words as
   * written, is kept for case-sensitive rules only.
   */
  add(words: readonly string[], vocabulary: Vocabulary, rule: number, raw?: readonly string[]): void {
    let node = this.root;
    for (const word of words) {
      if (word === GAP) {
        node = node.gap ??= { index: -1 };
        continue;
      }
      const id = vocabulary.add(word);
      node.next ??= new Map();
      let child = node.next.get(id);
      if (!child) node.next.set(id, (child = { index: -1 }));
      node = child;
    }
    if (!node.outputs) this.sequenceCount++;
    node.outputs ??= [];
    // The same rule listing a phrase twice (directly and via inflection) must not match twice.
    if (!node.outputs.some((output) => output.rule === rule)) node.outputs.push(raw ? { rule, raw } : { rule });
  }

  /** Numbers the nodes breadth-first (root = 0) and writes the arrays. */
  build(vocabularySize: number): PhraseMatcher {
    const order: BuildNode[] = [this.root];
    let edges = 0;
    let outputs = 0;
    for (let position = 0; position < order.length; position++) {
      const node = order[position];
      if (node.next) {
        edges += node.next.size;
        for (const child of node.next.values()) {
          child.index = order.length;
          order.push(child);
        }
      }
      if (node.gap) {
        node.gap.index = order.length;
        order.push(node.gap);
      }
      outputs += node.outputs?.length ?? 0;
    }
    const nodes = order.length;
    const edgeStart = new Int32Array(nodes + 1);
    const edgeWord = new Int32Array(edges);
    const edgeNode = new Int32Array(edges);
    const gapNode = new Int32Array(nodes).fill(-1);
    const outputStart = new Int32Array(nodes + 1);
    const outputRule = new Int32Array(outputs);
    const outputRaw = new Map<number, readonly string[]>();
    let edge = 0;
    let output = 0;
    for (let nodeIndex = 0; nodeIndex < nodes; nodeIndex++) {
      const node = order[nodeIndex];
      edgeStart[nodeIndex] = edge;
      if (node.next) {
        const first = edge;
        for (const [word, child] of node.next) {
          edgeWord[edge] = word;
          edgeNode[edge++] = child.index;
        }
        if (edge - first > 1) sortEdges(edgeWord, edgeNode, first, edge);
      }
      if (node.gap) gapNode[nodeIndex] = node.gap.index;
      outputStart[nodeIndex] = output;
      if (node.outputs) {
        for (const { rule, raw } of node.outputs) {
          if (raw) outputRaw.set(output, raw);
          outputRule[output++] = rule;
        }
      }
    }
    edgeStart[nodes] = edge;
    outputStart[nodes] = output;
    const firstNodes = new Int32Array(vocabularySize).fill(-1);
    for (const [word, child] of this.root.next ?? []) firstNodes[word] = child.index;
    return { firstNodes, edgeStart, edgeWord, edgeNode, gapNode, outputStart, outputRule, outputRaw };
  }
}

/**
 * Sorts edges [from, to) by word id, keeping each word's node beside it. Most fan-outs are a
 * handful of edges, nearly in order already (ids are given in order of first appearance), where
 * insertion sort is fastest; a large one is sorted as pairs.
 */
function sortEdges(words: Int32Array, nodes: Int32Array, from: number, to: number): void {
  if (to - from > 64) {
    const pairs = Array.from({ length: to - from }, (_, offset) => [words[from + offset], nodes[from + offset]]);
    pairs.sort((a, b) => a[0] - b[0]);
    pairs.forEach(([word, node], offset) => {
      words[from + offset] = word;
      nodes[from + offset] = node;
    });
    return;
  }
  for (let index = from + 1; index < to; index++) {
    const word = words[index];
    const node = nodes[index];
    let at = index - 1;
    while (at >= from && words[at] > word) {
      words[at + 1] = words[at];
      nodes[at + 1] = nodes[at];
      at--;
    }
    words[at + 1] = word;
    nodes[at + 1] = node;
  }
}

/** The child of `node` after word id `word`, or -1: a binary search over the node's sorted edges. */
function childOf(matcher: PhraseMatcher, node: number, word: number): number {
  const { edgeWord } = matcher;
  let low = matcher.edgeStart[node];
  let high = matcher.edgeStart[node + 1];
  while (low < high) {
    const middle = (low + high) >> 1;
    const found = edgeWord[middle];
    if (found === word) return matcher.edgeNode[middle];
    if (found < word) low = middle + 1;
    else high = middle;
  }
  return -1;
}

/** A phrase occurrence: output `output` of the matcher over tokens [startToken, endToken). */
export interface RawPhraseMatch {
  output: number;
  startToken: number;
  endToken: number;
}

interface Walk {
  matcher: PhraseMatcher;
  text: string;
  tokens: Tokens;
  to: number;
  startToken: number;
  /** Token index of each literal word matched so far, for case-sensitive rules. */
  path: number[];
  found: RawPhraseMatch[];
}

function rawMatches(walk: Walk, raw: readonly string[]): boolean {
  const { text, tokens, path } = walk;
  let literal = 0;
  for (const word of raw) {
    if (word === GAP) continue;
    const index = path[literal++];
    if (text.slice(tokens.starts[index], tokens.ends[index]) !== word) return false;
  }
  return true;
}

/** `depth` literal words have matched up to `node`; the next word to read is at `position`. */
function walkFrom(walk: Walk, node: number, position: number, depth: number): void {
  const { matcher } = walk;
  for (let output = matcher.outputStart[node]; output < matcher.outputStart[node + 1]; output++) {
    const raw = matcher.outputRaw.get(output);
    if (raw !== undefined && !rawMatches(walk, raw)) continue;
    walk.found.push({ output, startToken: walk.startToken, endToken: position });
  }
  const { to } = walk;
  if (position >= to) return;
  const ids = walk.tokens.ids;
  if (matcher.edgeStart[node] < matcher.edgeStart[node + 1]) {
    const child = childOf(matcher, node, ids[position]);
    if (child >= 0) {
      walk.path[depth] = position;
      walkFrom(walk, child, position + 1, depth + 1);
    }
  }
  const gap = matcher.gapNode[node];
  if (gap < 0) return;
  const last = Math.min(position + MAX_GAP_WORDS, to - 1);
  for (let at = position + 1; at <= last; at++) walkFrom(walk, gap, at, depth);
}

/**
 * Every phrase occurrence in tokens [from, to), overlapping ones included; precedence is
 * decided later. Gaps branch over one to three words, so the walk stays bounded. `text` is the
 * text the tokens index, read back only for case-sensitive rules.
 */
export function matchPhrases(matcher: PhraseMatcher, text: string, tokens: Tokens, from: number, to: number): RawPhraseMatch[] {
  const found: RawPhraseMatch[] = [];
  const walk: Walk = { matcher, text, tokens, to, startToken: from, path: [], found };
  const { firstNodes, edgeStart, outputStart, gapNode } = matcher;
  const ids = tokens.ids;
  for (let index = from; index < to; index++) {
    // Most words start no phrase: one array read and we move on.
    const id = ids[index];
    if (id < 0) continue;
    const node = firstNodes[id];
    if (node < 0) continue;
    walk.startToken = index;
    walk.path[0] = index;
    if (outputStart[node] < outputStart[node + 1] || gapNode[node] >= 0) {
      walkFrom(walk, node, index + 1, 1);
      continue;
    }
    // Half of all words ("the", "of", "to") start some phrase, and nearly always the next word
    // ends it: test that word here before paying for the walk.
    if (index + 1 >= to || edgeStart[node] === edgeStart[node + 1]) continue;
    const second = childOf(matcher, node, ids[index + 1]);
    if (second < 0) continue;
    walk.path[1] = index + 1;
    walkFrom(walk, second, index + 2, 2);
  }
  return found;
}
