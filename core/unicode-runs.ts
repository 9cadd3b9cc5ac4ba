/**
 * Run-length tables of character properties over all of Unicode: the code points where a
 * value changes, and the value from each on. core/unicode-data.ts holds them as text, written
 * by `npm run unicode` from Unicode-property regular expressions (scripts/lib/unicode-reference.ts);
 * the core looks characters up here instead of compiling those expressions in every page.
 *
 * Text form: per run, the distance from the previous run's start, then the value, each a
 * number in base 32, most significant digit first, continuation digits from `MORE_DIGITS` and
 * the last digit from `LAST_DIGIT` (plain ASCII letters and digits: nothing to escape).
 */
const MORE_DIGITS = 'abcdefghijklmnopqrstuvwxyz012345';
const LAST_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ6789+/';

export interface RunTable {
  starts: Int32Array;
  values: Uint8Array;
}

function encodeNumber(value: number): string {
  let digits = LAST_DIGITS[value % 32];
  for (let rest = Math.floor(value / 32); rest > 0; rest = Math.floor(rest / 32)) digits = MORE_DIGITS[rest % 32] + digits;
  return digits;
}

export function encodeRuns(runs: ReadonlyArray<readonly [start: number, value: number]>): string {
  let previous = 0;
  return runs
    .map(([start, value]) => {
      if (value < 0 || value > 255) throw new RangeError(`a run value must fit in a byte, not ${value}`);
      const text = encodeNumber(start - previous) + encodeNumber(value);
      previous = start;
      return text;
    })
    .join('');
}

/** Digit value per character code, plus 32 for a last digit; -1 for anything else. */
const DIGIT_OF = new Int8Array(128).fill(-1);
for (let digit = 0; digit < 32; digit++) {
  DIGIT_OF[MORE_DIGITS.charCodeAt(digit)] = digit;
  DIGIT_OF[LAST_DIGITS.charCodeAt(digit)] = digit + 32;
}

export function decodeRuns(text: string): RunTable {
  const numbers: number[] = [];
  let pending = 0;
  for (let index = 0; index < text.length; index++) {
    const digit = DIGIT_OF[text.charCodeAt(index)] ?? -1;
    if (digit < 0) throw new Error(`not a run table: ${JSON.stringify(text[index])} at ${index}`);
    if (digit < 32) pending = pending * 32 + digit;
    else {
      numbers.push(pending * 32 + digit - 32);
      pending = 0;
    }
  }
  const starts = new Int32Array(numbers.length >> 1);
  const values = new Uint8Array(numbers.length >> 1);
  let start = 0;
  for (let run = 0; run < starts.length; run++) {
    start += numbers[run * 2];
    starts[run] = start;
    values[run] = numbers[run * 2 + 1];
  }
  return { starts, values };
}

/** The value of the run holding `codePoint`: a binary search over the starts. */
export function valueAt(table: RunTable, codePoint: number): number {
  const { starts } = table;
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle] <= codePoint) low = middle;
    else high = middle - 1;
  }
  return table.values[low];
}
