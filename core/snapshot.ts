/**
 * A compiled pack set as plain JSON data, so it can be compiled once where time is cheap (the
 * background, a build step) and loaded where it is not (the content script, on every page)
 * without compiling again: loading is a few typed-array copies instead of tens of thousands of
 * phrase insertions.
 */
import { assemble, compiledRule, type CompiledRules } from './compile';
import type { PhraseMatcher } from './matcher';
import type { Pack } from './schema';
import { Vocabulary } from './vocabulary';

/** Bumped whenever the layout below or the matcher's meaning changes. */
const SNAPSHOT_FORMAT = 1;

export interface CompiledSnapshot {
  format: number;
  /** The packs it was compiled from, in order, with their rule ids: checked when loading. */
  packs: Array<{ id: string; version: string; rules: string[] }>;
  words: string[];
  firstNodes: number[];
  edgeStart: number[];
  edgeWord: number[];
  edgeNode: number[];
  gapNode: number[];
  outputStart: number[];
  outputRule: number[];
  outputRaw: Array<[number, string[]]>;
  sequenceCount: number;
}

export class SnapshotMismatchError extends Error {}

export function snapshotOf(compiled: CompiledRules): CompiledSnapshot {
  const { matcher } = compiled;
  return {
    format: SNAPSHOT_FORMAT,
    packs: compiled.packs.map((pack) => ({ id: pack.id, version: pack.version, rules: pack.rules.map((rule) => rule.id) })),
    words: [...compiled.vocabulary.words],
    firstNodes: [...matcher.firstNodes],
    edgeStart: [...matcher.edgeStart],
    edgeWord: [...matcher.edgeWord],
    edgeNode: [...matcher.edgeNode],
    gapNode: [...matcher.gapNode],
    outputStart: [...matcher.outputStart],
    outputRule: [...matcher.outputRule],
    outputRaw: [...matcher.outputRaw].map(([output, raw]) => [output, [...raw]]),
    sequenceCount: compiled.sequenceCount,
  };
}

function sameSource(snapshot: CompiledSnapshot, packs: readonly Pack[]): boolean {
  return (
    snapshot.format === SNAPSHOT_FORMAT &&
    snapshot.packs.length === packs.length &&
    snapshot.packs.every(
      (source, index) =>
        source.id === packs[index].id &&
        source.version === packs[index].version &&
        source.rules.length === packs[index].rules.length &&
        source.rules.every((ruleId, ruleIndex) => ruleId === packs[index].rules[ruleIndex].id),
    )
  );
}

/**
 * The compiled rules a snapshot describes, for the very packs it was made from (the rules'
 * explanations and the card need them). Throws {@link SnapshotMismatchError} when the packs
 * are not those: compile them instead.
 */
export function loadSnapshot(snapshot: CompiledSnapshot, packs: readonly Pack[]): CompiledRules {
  if (!sameSource(snapshot, packs)) throw new SnapshotMismatchError('the compiled snapshot was made from other packs');
  const vocabulary = new Vocabulary(snapshot.words);
  const matcher: PhraseMatcher = {
    firstNodes: snapshot.firstNodes,
    edgeStart: snapshot.edgeStart,
    edgeWord: snapshot.edgeWord,
    edgeNode: snapshot.edgeNode,
    gapNode: snapshot.gapNode,
    outputStart: snapshot.outputStart,
    outputRule: snapshot.outputRule,
    outputRaw: new Map(snapshot.outputRaw),
  };
  // Every exception word is in the snapshot's vocabulary: the compiler added them.
  const rules = packs.flatMap((pack) => pack.rules.map((rule) => compiledRule(pack, rule, (word) => vocabulary.idOf(word))));
  return assemble(packs, rules, vocabulary, matcher, snapshot.sequenceCount);
}
