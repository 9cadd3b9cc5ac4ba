import { describe, expect, it } from 'vitest';
import { CancelledError, createAheadOfNeedYielder, runInSlices, sliceDeadline, stepFromGenerator } from '../schedule';

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

describe('work begun ahead of need while the page loads', () => {
  const loadingDocument = (readyState: DocumentReadyState) => ({ readyState }) as Document;

  it('waits for the page to be parsed where the browser cannot run it in idle time', async () => {
    const yielder = createAheadOfNeedYielder({ setTimeout, MessageChannel } as unknown as typeof globalThis, loadingDocument('loading'));
    let resumed = false;
    const pause = yielder.pause().then(() => (resumed = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(resumed).toBe(false);
    yielder.hurry();
    await pause;
    expect(resumed).toBe(true);
  });

  it('runs in the page’s idle time until the page has loaded, then ahead of the page’s tasks', async () => {
    const posted: string[] = [];
    let yielded = 0;
    const doc = { readyState: 'interactive' } as { readyState: DocumentReadyState };
    const global = {
      setTimeout,
      TaskController: class {
        readonly signal = {} as AbortSignal;
        constructor(readonly init: { priority: string }) {
          posted.push(`controller ${init.priority}`);
        }
      },
      scheduler: {
        postTask: async (callback: () => void) => {
          posted.push('background task');
          callback();
        },
        yield: async () => void yielded++,
      },
    } as unknown as typeof globalThis;
    const yielder = createAheadOfNeedYielder(global, doc as Document);
    await yielder.pause();
    yielder.hurry();
    await yielder.pause();
    doc.readyState = 'complete';
    await yielder.pause();
    expect(posted).toEqual(['controller background', 'background task', 'background task']);
    expect(yielded).toBe(1);
  });
});
