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

export class Vocabulary {
  /** Words by id; normalized as `normalizeWord` leaves them. */
  readonly words: string[] = [];
  private readonly ids = new Map<string, number>();
  /** Open-addressing table of id + 1 (0 = empty slot), sized to a power of two. */
  private slots = new Int32Array(1);
  /** Each slot's full hash, so a probe rejects a different word without reading it. */
  private slotHashes = new Int32Array(1);
  /** Every word back to back, with each id's start: one contiguous string to compare against. */
  private pool = '';
  private poolStarts = new Int32Array(1);
  private mask = 0;
  private tableSize = 0;

  /** The word's id, adding it if it is new. */
  add(word: string): number {
    const known = this.ids.get(word);
    if (known !== undefined) return known;
    const id = this.words.length;
    this.words.push(word);
    this.ids.set(word, id);
    return id;
  }

  idOf(word: string): number {
    return this.ids.get(word) ?? UNKNOWN_WORD;
  }

  /** The id of the word `source.slice(start, end)`, whose hash the caller computed while scanning. */
  lookup(source: string, start: number, end: number, hash: number): number {
    if (this.tableSize !== this.words.length) this.rebuildTable();
    const { slots, slotHashes, mask, pool, poolStarts } = this;
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

  /** Rebuilt when words were added since the last lookup; at most half full, so probes stay short. */
  private rebuildTable(): void {
    let size = 2;
    while (size < this.words.length * 2) size *= 2;
    this.slots = new Int32Array(size);
    this.slotHashes = new Int32Array(size);
    this.mask = size - 1;
    this.pool = this.words.join('');
    this.poolStarts = new Int32Array(this.words.length + 1);
    let poolStart = 0;
    for (let id = 0; id < this.words.length; id++) {
      this.poolStarts[id] = poolStart;
      poolStart += this.words[id].length;
      const hash = hashOf(this.words[id]);
      for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
        if (this.slots[slot] === 0) {
          this.slots[slot] = id + 1;
          this.slotHashes[slot] = hash;
          break;
        }
      }
    }
    this.poolStarts[this.words.length] = poolStart;
    this.tableSize = this.words.length;
  }
}
