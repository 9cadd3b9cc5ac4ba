/**
 * Cooperative scheduling: long work (walking a 1 MB page, analysing its text, painting
 * highlights) runs in short slices and gives the main thread back to the page in between,
 * so no task of ours comes near the 50 ms "long task" line.
 */

/** Time a slice may run before it yields; well under 50 ms so input stays responsive. */
export const SLICE_BUDGET_MS = 10;

/**
 * Slice time for work done ahead of need while the page loads. Each turn waits behind the
 * page's queued tasks (100 ms and more on a busy page), so 10 ms slices would get through
 * little before the page is parsed; 30 ms is still well under the 50 ms long-task line.
 */
export const AHEAD_OF_NEED_BUDGET_MS = 30;

/** Thrown (and swallowed by callers) when a sliced job is abandoned: new run, reload, navigation. */
export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}

interface SchedulerWithYield {
  yield?: () => Promise<void>;
  postTask?: (callback: () => void, options: object) => Promise<void>;
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

/** Yields for work begun ahead of need, which becomes urgent once it is needed. */
export interface AheadOfNeedYielder {
  /** Gives the page its turn: behind the page's tasks already queued until `hurry`, then as `yieldToPage`. */
  pause(): Promise<void>;
  /** The work is needed now: later pauses resume ahead of the page's queued tasks. */
  hurry(): void;
  /** The slice budget: `AHEAD_OF_NEED_BUDGET_MS` until `hurry`, then `SLICE_BUDGET_MS`. */
  budgetMs(): number;
}

/**
 * For work done while the page is still loading. Until `hurry()`, a pause is a new ordinary
 * task (`scheduler.postTask`, or `setTimeout`), queued behind the parser's and the page's
 * tasks, so the page's loading and ours take turns. (`scheduler.yield()` would put our
 * continuation first, ahead of the page.) Background priority was tried: a loading page is
 * never idle, so the work then waited for DOMContentLoaded and gained nothing.
 */
export function createAheadOfNeedYielder(global: typeof globalThis = globalThis): AheadOfNeedYielder {
  const scheduler = (global as unknown as { scheduler?: SchedulerWithYield }).scheduler;
  let urgent = false;
  const queueBehindPage =
    scheduler && typeof scheduler.postTask === 'function'
      ? () => scheduler.postTask!(() => undefined, {})
      : () => new Promise<void>((resolve) => global.setTimeout(resolve, 0));
  return {
    pause: () => (urgent ? yieldToPage(global) : queueBehindPage()),
    hurry: () => void (urgent = true),
    budgetMs: () => (urgent ? SLICE_BUDGET_MS : AHEAD_OF_NEED_BUDGET_MS),
  };
}

/** A deadline checker for one slice: `shouldYield()` turns true once the budget is spent. */
export function sliceDeadline(budgetMs = SLICE_BUDGET_MS): () => boolean {
  const end = performance.now() + budgetMs;
  return () => performance.now() >= end;
}

/**
 * Runs `step` in slices of `budgetMs` (read before each slice when a function) until it
 * reports it is finished, yielding between slices (with `pause`, `yieldToPage` unless given). `isCancelled` is checked after every yield so stale
 * work stops promptly.
 */
export async function runInSlices(
  step: (shouldYield: () => boolean) => boolean,
  isCancelled: () => boolean,
  budgetMs: number | (() => number) = SLICE_BUDGET_MS,
  pause: () => Promise<void> = yieldToPage,
): Promise<void> {
  for (;;) {
    if (isCancelled()) throw new CancelledError();
    if (step(sliceDeadline(typeof budgetMs === 'function' ? budgetMs() : budgetMs))) return;
    await pause();
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
