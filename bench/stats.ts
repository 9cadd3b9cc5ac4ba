/** Small statistics for noisy machines: medians and ranges, never means. */

export interface Summary {
  median: number;
  min: number;
  max: number;
  /** (max − min) / median: how much the rounds disagreed. */
  relativeSpread: number;
  samples: number[];
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function summarize(values: readonly number[]): Summary {
  const middle = median(values);
  const min = Math.min(...values);
  const max = Math.max(...values);
  return { median: middle, min, max, relativeSpread: middle > 0 ? (max - min) / middle : 0, samples: [...values] };
}

/** Milliseconds of one call, with the high-resolution clock. */
export function timeMs(run: () => void): number {
  const start = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export function megabytesPerSecond(bytes: number, milliseconds: number): number {
  return bytes / 1e6 / (milliseconds / 1000);
}
