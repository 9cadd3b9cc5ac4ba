/**
 * Cooperative scheduling: long work (walking a 1 MB page, analysing its text, painting
 * highlights) runs in short slices and gives the main thread back to the page in between,
 * so no task of ours comes near the 50 ms "long task" line.
 */

/** Time a slice may run before it yields; well under 50 ms so input stays responsive. */
export const SLICE_BUDGET_MS = 10;

/** Thrown (and swallowed by callers) when a sliced job is abandoned: new run, reload, navigation. */
export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}

interface SchedulerWithYield {
  yield?: () => Promise<void>;
}

/**
 * Gives the main thread back to the page. `scheduler.yield()` keeps our continuation at the
 * front of the queue where it exists; elsewhere a MessageChannel message is a macrotask
 * without setTimeout's 4 ms clamp after nesting.
 */
export function yieldToPage(global: typeof globalThis = globalThis): Promise<void> {
  const scheduler = (global as unknown as { scheduler?: SchedulerWithYield }).scheduler;
  if (scheduler && typeof scheduler.yield === 'function') return scheduler.yield();
  if (typeof global.MessageChannel === 'function') {
    return new Promise((resolve) => {
      const channel = new global.MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** A deadline checker for one slice: `shouldYield()` turns true once the budget is spent. */
export function sliceDeadline(budgetMs = SLICE_BUDGET_MS): () => boolean {
  const end = performance.now() + budgetMs;
  return () => performance.now() >= end;
}

/**
 * Runs `step` in slices until it reports it is finished, yielding between slices.
 * `isCancelled` is checked after every yield so stale work stops promptly.
 */
export async function runInSlices(
  step: (shouldYield: () => boolean) => boolean,
  isCancelled: () => boolean,
  budgetMs = SLICE_BUDGET_MS,
): Promise<void> {
  for (;;) {
    if (isCancelled()) throw new CancelledError();
    if (step(sliceDeadline(budgetMs))) return;
    await yieldToPage();
  }
}

/** Resolves once the parser has finished the document's `<head>` (the body has begun), or at DOMContentLoaded. */
export function whenHeadParsed(doc: Document = document): Promise<void> {
  if (doc.body || doc.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      observer.disconnect();
      doc.removeEventListener('DOMContentLoaded', done);
      resolve();
    };
    // Only the root's own children: the observer wakes twice (head, body), not per node parsed.
    const observer = new MutationObserver(() => {
      if (doc.body) done();
    });
    if (doc.documentElement) observer.observe(doc.documentElement, { childList: true });
    doc.addEventListener('DOMContentLoaded', done);
  });
}

/** Resolves once the document is parsed (DOMContentLoaded), at once if it already is. */
export function whenParsed(doc: Document = document): Promise<void> {
  if (doc.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) => doc.addEventListener('DOMContentLoaded', () => resolve(), { once: true }));
}

/**
 * Adapts a generator that `yield`s at safe points into a slice step: the generator keeps its
 * own state between slices and is asked for more only while the slice has time left.
 */
export function stepFromGenerator(generator: Generator<unknown, void, unknown>): (shouldYield: () => boolean) => boolean {
  return (shouldYield) => {
    do {
      if (generator.next().done) return true;
    } while (!shouldYield());
    return false;
  };
}
