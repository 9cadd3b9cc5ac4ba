/**
 * Every word the enabled rules (and the analysis itself) can read, each with a number. The
 * scanner hashes a text word while it reads its characters and looks the hash up here, so the
 * words no rule uses (most of any text) never become strings, and phrase matching compares
 * small integers. This is what keeps the analysis close to the cost of one pass over the text.
 */

/** The id of a word no rule uses. */
export const UNKNOWN_WORD = -1;

const HASH_SEED = 0x811c9dc5 | 0;

/** One step of 32-bit FNV-1a over UTF-16 code units; the scanner and the table must agree on it. */
export function hashStep(hash: number, codeUnit: number): number {
  return Math.imul(hash ^ codeUnit, 0x01000193);
}

export function hashStart(): number {
  return HASH_SEED;
}

function hashOf(word: string): number {
  let hash = HASH_SEED;
  for (let index = 0; index < word.length; index++) hash = hashStep(hash, word.charCodeAt(index));
  return hash;
}

/** An open-addressing hash table over the words, at most half full so probes stay short. */
interface Table {
  /** id + 1 per slot, 0 for an empty slot. */
  slots: Int32Array;
  /** Each slot's full hash, so a probe rejects a different word without reading it. */
  slotHashes: Int32Array;
  mask: number;
  /** Every word back to back, with each id's start: one contiguous string to compare against. */
  pool: string;
  poolStarts: Int32Array;
}

function buildTable(words: readonly string[]): Table {
  let size = 2;
  while (size < words.length * 2) size *= 2;
  const table: Table = {
    slots: new Int32Array(size),
    slotHashes: new Int32Array(size),
    mask: size - 1,
    pool: words.join(''),
    poolStarts: new Int32Array(words.length + 1),
  };
  let poolStart = 0;
  for (let id = 0; id < words.length; id++) {
    table.poolStarts[id] = poolStart;
    poolStart += words[id].length;
    const hash = hashOf(words[id]);
    let slot = hash & table.mask;
    while (table.slots[slot] !== 0) slot = (slot + 1) & table.mask;
    table.slots[slot] = id + 1;
    table.slotHashes[slot] = hash;
  }
  table.poolStarts[words.length] = poolStart;
  return table;
}

export class Vocabulary {
  /** Words by id; normalized as `normalizeWord` leaves them. */
  readonly words: string[];
  /** Ids by word while words are being added (compiling); lookups use the table. */
  private ids: Map<string, number> | undefined;
  private table: Table | undefined;

  /** A vocabulary of `words`, in id order (as a snapshot stores them). */
  constructor(words: readonly string[] = []) {
    this.words = [...words];
  }

  /** The word's id, adding it if it is new. */
  add(word: string): number {
    this.ids ??= new Map(this.words.map((known, id) => [known, id]));
    const known = this.ids.get(word);
    if (known !== undefined) return known;
    const id = this.words.length;
    this.words.push(word);
    this.ids.set(word, id);
    this.table = undefined;
    return id;
  }

  idOf(word: string): number {
    return this.lookup(word, 0, word.length, hashOf(word));
  }

  /** The id of the word `source.slice(start, end)`, whose hash the caller computed while scanning. */
  lookup(source: string, start: number, end: number, hash: number): number {
    const { slots, slotHashes, mask, pool, poolStarts } = (this.table ??= buildTable(this.words));
    const length = end - start;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = slots[slot];
      if (entry === 0) return UNKNOWN_WORD;
      if (slotHashes[slot] !== hash) continue;
      const poolStart = poolStarts[entry - 1];
      if (poolStarts[entry] - poolStart !== length) continue;
      let offset = 0;
      while (offset < length && pool.charCodeAt(poolStart + offset) === source.charCodeAt(start + offset)) offset++;
      if (offset === length) return entry - 1;
    }
  }
}
