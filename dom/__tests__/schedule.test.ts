import { describe, expect, it } from 'vitest';
import { CancelledError, runInSlices, sliceDeadline, stepFromGenerator } from '../schedule';

function busyWait(ms: number) {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

describe('sliced work', () => {
  it('runs long work in several slices and lets other tasks run in between', async () => {
    let units = 0;
    const sliceLengths: number[] = [];
    let otherTaskRuns = 0;
    const ticker = setInterval(() => otherTaskRuns++, 0);
    await runInSlices(
      (shouldYield) => {
        const start = performance.now();
        while (units < 60) {
          busyWait(1);
          units++;
          if (shouldYield()) break;
        }
        sliceLengths.push(performance.now() - start);
        return units >= 60;
      },
      () => false,
      5,
    );
    clearInterval(ticker);
    expect(units).toBe(60);
    expect(sliceLengths.length).toBeGreaterThan(5);
    // Other work got turns while ours was in progress.
    expect(otherTaskRuns).toBeGreaterThan(0);
  });

  it('stops with CancelledError once cancelled', async () => {
    let slices = 0;
    const run = runInSlices(
      () => {
        slices++;
        return false;
      },
      () => slices >= 3,
    );
    await expect(run).rejects.toBeInstanceOf(CancelledError);
    expect(slices).toBe(3);
  });

  it('drives a generator until it is done, checking the deadline between steps', () => {
    function* count(out: number[]) {
      for (let i = 0; i < 10; i++) {
        out.push(i);
        yield;
      }
    }
    const out: number[] = [];
    const step = stepFromGenerator(count(out));
    expect(step(() => true)).toBe(false);
    expect(out).toEqual([0]);
    expect(step(() => false)).toBe(true);
    expect(out).toHaveLength(10);
  });

  it('reports a slice deadline as passed only after its budget', () => {
    const shouldYield = sliceDeadline(20);
    expect(shouldYield()).toBe(false);
    busyWait(25);
    expect(shouldYield()).toBe(true);
  });
});
