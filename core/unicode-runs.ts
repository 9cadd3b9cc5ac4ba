/**
 * Run-length tables of character properties over all of Unicode: the code points where a
 * value changes, and the value from each on. core/unicode-data.ts holds them as text, written
 * by `npm run unicode` from Unicode-property regular expressions (scripts/lib/unicode-reference.ts);
 * the core looks characters up here instead of compiling those expressions in every page.
 *
 * Text form: five base64url digits per run, most significant first, for start × 256 + value.
 * Fixed-width runs are searched where they lie, in the text: a page never spends a loop
 * decoding a table (interpreted, cold, such a loop cost several milliseconds), and a lookup
 * reads a dozen runs. Callers memoize lookups per code point (see codePointTable).
 */
const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const RUN_WIDTH = 5;

/** Digit value per character code; -1 for anything else. */
const DIGIT_OF = new Int8Array(128).fill(-1);
for (let digit = 0; digit < 64; digit++) DIGIT_OF[DIGITS.charCodeAt(digit)] = digit;

export function encodeRuns(runs: ReadonlyArray<readonly [start: number, value: number]>): string {
  return runs
    .map(([start, value], index) => {
      if (!Number.isInteger(value) || value < 0 || value > 255) throw new RangeError(`a run value must fit in a byte, not ${value}`);
      if (index > 0 && start <= runs[index - 1][0]) throw new RangeError('runs must start in increasing order');
      if (index === 0 && start !== 0) throw new RangeError('the first run must start at U+0000');
      let packed = start * 256 + value;
      let text = '';
      for (let digit = 0; digit < RUN_WIDTH; digit++, packed = Math.floor(packed / 64)) text = DIGITS[packed % 64] + text;
      return text;
    })
    .join('');
}

function packedRun(table: string, run: number): number {
  let packed = 0;
  for (let offset = run * RUN_WIDTH; offset < (run + 1) * RUN_WIDTH; offset++) packed = packed * 64 + DIGIT_OF[table.charCodeAt(offset)];
  return packed;
}

/** Whether `table` is a run table this module can search. */
export function isRunTable(table: string): boolean {
  if (table.length === 0 || table.length % RUN_WIDTH !== 0) return false;
  for (let index = 0; index < table.length; index++) if ((DIGIT_OF[table.charCodeAt(index)] ?? -1) < 0) return false;
  return packedRun(table, 0) >> 8 === 0;
}

/** The value of the run holding `codePoint`: a binary search over the runs' starts. */
export function valueAt(table: string, codePoint: number): number {
  let low = 0;
  let high = table.length / RUN_WIDTH - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (packedRun(table, middle) >> 8 <= codePoint) low = middle;
    else high = middle - 1;
  }
  return packedRun(table, low) & 0xff;
}
