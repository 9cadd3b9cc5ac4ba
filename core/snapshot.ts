/**
 * A compiled pack set as plain JSON data, so it can be compiled once where time is cheap (the
 * background) and loaded where it is not (the content script, on every page) without
 * compiling again, and without the packs themselves: it carries what the analysis reads of
 * each rule, but none of the phrases, examples or explanations that make packs a megabyte.
 *
 * The matcher's arrays and the vocabulary's lookup table travel as base64 of their bytes, 16
 * bits per value where every value fits (most arrays, for the built-in packs). In a
 * page, loading runs once, cold: a JavaScript loop over a hundred thousand values runs in V8's
 * interpreter and took 20–30 ms per page, `JSON.parse` of as many numbers 10 ms, while the
 * browser's own base64 decoder (`Uint8Array.fromBase64`) turns the text back into the very
 * arrays in well under a millisecond. Where it is missing (Firefox before 133), `atob` and a
 * byte loop do the same, more slowly.
 */
import { assemble, type CompiledRule, type CompiledRules } from './compile';
import type { IntegerArray, PhraseMatcher } from './matcher';
import { Vocabulary, type VocabularyTable } from './vocabulary';

/** Bumped whenever the layout below or the matcher's meaning changes. */
const SNAPSHOT_FORMAT = 3;

/** The integer arrays of a {@link PhraseMatcher}. */
const MATCHER_ARRAYS = ['firstNodes', 'edgeStart', 'edgeWord', 'edgeNode', 'gapNode', 'outputStart', 'outputRule'] as const;
type MatcherArray = (typeof MATCHER_ARRAYS)[number];

export interface CompiledSnapshot {
  format: number;
  packs: CompiledRules['packs'];
  /** Each rule as the analysis reads it; exception phrases as word ids. */
  rules: CompiledRule[];
  /** The vocabulary's lookup table: its words back to back, and its integer arrays encoded with `encodeIntegers`. */
  vocabulary: { pool: string; poolStarts: string; slots: string; slotHashes: string };
  /** Each integer array of the matcher, encoded with `encodeIntegers`. */
  matcher: Record<MatcherArray, string>;
  outputRaw: Array<[number, string[]]>;
  sequenceCount: number;
}

export class SnapshotMismatchError extends Error {}

/** Typed arrays use the platform's byte order; snapshots are little-endian, as every browser platform is. */
const LITTLE_ENDIAN = new Uint8Array(new Int32Array([1]).buffer)[0] === 1;

function swapBytes<T extends IntegerArray>(values: T): T {
  const view = new DataView(values.buffer, values.byteOffset, values.byteLength);
  const width = values.BYTES_PER_ELEMENT;
  for (let offset = 0; offset < values.byteLength; offset += width) {
    if (width === 2) view.setInt16(offset, view.getInt16(offset, true), false);
    else view.setInt32(offset, view.getInt32(offset, true), false);
  }
  return values;
}

type Base64Bytes = Uint8Array & { toBase64?: () => string };
type Base64Constructor = typeof Uint8Array & { fromBase64?: (text: string) => Uint8Array };

function bytesToBase64(bytes: Base64Bytes): string {
  if (typeof bytes.toBase64 === 'function') return bytes.toBase64();
  let binary = '';
  // fromCharCode takes its bytes as arguments: a bounded number per call.
  for (let start = 0; start < bytes.length; start += 8192) binary += String.fromCharCode(...bytes.subarray(start, start + 8192));
  return btoa(binary);
}

function base64ToBytes(text: string): Uint8Array {
  const fromBase64 = (Uint8Array as Base64Constructor).fromBase64;
  if (typeof fromBase64 === 'function') return fromBase64(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/** "16:" or "32:" (bits per value), then the values' little-endian bytes in base64. */
export function encodeIntegers(values: IntegerArray): string {
  const narrow = values.every((value) => value >= -0x8000 && value < 0x8000);
  const typed = narrow ? Int16Array.from(values) : Int32Array.from(values);
  if (!LITTLE_ENDIAN) swapBytes(typed);
  return `${narrow ? 16 : 32}:${bytesToBase64(new Uint8Array(typed.buffer))}`;
}

export function decodeIntegers(text: string): IntegerArray {
  const bits = text.slice(0, 3);
  if (bits !== '16:' && bits !== '32:') throw new SnapshotMismatchError('a compiled array of unknown width');
  const bytes = base64ToBytes(text.slice(3));
  const width = bits === '16:' ? 2 : 4;
  if (bytes.byteLength % width !== 0) throw new SnapshotMismatchError('a compiled array is not a whole number of values');
  // A fresh buffer from the decoder starts at offset 0, as a 16- or 32-bit view needs.
  const values = width === 2 ? new Int16Array(bytes.buffer, 0, bytes.byteLength / 2) : new Int32Array(bytes.buffer, 0, bytes.byteLength / 4);
  return LITTLE_ENDIAN ? values : swapBytes(values);
}

export function snapshotOf(compiled: CompiledRules): CompiledSnapshot {
  const { matcher } = compiled;
  const encoded = {} as Record<MatcherArray, string>;
  for (const name of MATCHER_ARRAYS) encoded[name] = encodeIntegers(matcher[name]);
  const table = compiled.vocabulary.lookupTable;
  return {
    format: SNAPSHOT_FORMAT,
    packs: compiled.packs.map(({ id, version, name }) => ({ id, version, name })),
    rules: [...compiled.rules],
    vocabulary: {
      pool: table.pool,
      poolStarts: encodeIntegers(table.poolStarts),
      slots: encodeIntegers(table.slots),
      slotHashes: encodeIntegers(table.slotHashes),
    },
    matcher: encoded,
    outputRaw: [...matcher.outputRaw].map(([output, raw]) => [output, [...raw]]),
    sequenceCount: compiled.sequenceCount,
  };
}

/** The compiled rules a snapshot describes. Throws {@link SnapshotMismatchError} for a snapshot of another format. */
export function loadSnapshot(snapshot: CompiledSnapshot): CompiledRules {
  if (snapshot?.format !== SNAPSHOT_FORMAT) throw new SnapshotMismatchError(`compiled rules of format ${snapshot?.format}, expected ${SNAPSHOT_FORMAT}`);
  const slots = decodeIntegers(snapshot.vocabulary.slots);
  const table: VocabularyTable = {
    slots,
    slotHashes: decodeIntegers(snapshot.vocabulary.slotHashes) as Int32Array,
    mask: slots.length - 1,
    pool: snapshot.vocabulary.pool,
    poolStarts: decodeIntegers(snapshot.vocabulary.poolStarts),
  };
  const arrays = {} as Record<MatcherArray, IntegerArray>;
  for (const name of MATCHER_ARRAYS) arrays[name] = decodeIntegers(snapshot.matcher[name]);
  const matcher: PhraseMatcher = { ...arrays, outputRaw: new Map(snapshot.outputRaw) };
  return assemble(snapshot.packs, snapshot.rules, Vocabulary.fromTable(table), matcher, snapshot.sequenceCount);
}
