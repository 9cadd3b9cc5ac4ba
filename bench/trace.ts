/**
 * Which main-thread tasks belong to the extension, from a Chromium performance trace.
 *
 * The page's `longtask` observer sees every long task on the page's main thread, but cannot
 * tell the extension's content script from the page's own scripts (both report "self"). A
 * trace can: each top-level task (`RunTask`) on a renderer main thread contains the script
 * events it ran (`EvaluateScript`, `FunctionCall`, `TimerFire`, `v8.compile`…) with the URL
 * of the script. A task is charged to the extension when any event inside it names a
 * `chrome-extension://` script.
 */
import type { CDPSession } from 'playwright-core';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: Record<string, unknown> } & Record<string, unknown>;
}

const CATEGORIES = ['disabled-by-default-v8.cpu_profiler', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'toplevel', '__metadata'];

export async function startTrace(session: CDPSession): Promise<void> {
  await session.send('Tracing.start', {
    transferMode: 'ReturnAsStream',
    traceConfig: { includedCategories: CATEGORIES, excludedCategories: ['*'] },
  });
}

export async function stopTrace(session: CDPSession): Promise<TraceEvent[]> {
  const complete = new Promise<string>((resolve) => {
    session.once('Tracing.tracingComplete', (event) => resolve(event.stream!));
  });
  await session.send('Tracing.end');
  const stream = await complete;
  const chunks: string[] = [];
  for (;;) {
    const { data, eof, base64Encoded } = await session.send('IO.read', { handle: stream, size: 1 << 20 });
    chunks.push(base64Encoded ? Buffer.from(data, 'base64').toString('utf8') : data);
    if (eof) break;
  }
  await session.send('IO.close', { handle: stream });
  const parsed = JSON.parse(chunks.join('')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  return Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
}

function scriptUrlOf(event: TraceEvent): string | undefined {
  const data = event.args?.data;
  if (!data) return undefined;
  for (const field of ['url', 'scriptName', 'sourceURL']) {
    const value = data[field];
    if (typeof value === 'string' && value) return value;
  }
  const stack = data.stackTrace;
  if (Array.isArray(stack) && stack.length > 0 && typeof stack[0]?.url === 'string') return stack[0].url as string;
  return undefined;
}

export interface ExtensionTasks {
  /** Longest top-level task on a page main thread that ran extension script, in ms (0 when none). */
  longestMs: number;
  /** Sampled time of extension script inside that longest task, in ms. */
  longestExtensionScriptMs: number;
  /**
   * The most extension work in any one task, in ms: its sampled script time (including style and
   * layout it forced) or its longest script event (parse, compile, evaluate), whichever is larger.
   * the extension's own share, for tasks where the page's work and the extension's work
   * (a MutationObserver callback, a microtask) ran in the same task.
   */
  mostExtensionScriptInOneTaskMs: number;
  /** How many tasks ran extension script, and their total duration. */
  count: number;
  totalMs: number;
  /** Longest task on a page main thread overall, for comparison. */
  longestAnyMs: number;
  /** Where the extension's sampled time went, most first. */
  hot: ExtensionHotSpot[];
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { url?: string; functionName?: string; lineNumber?: number; columnNumber?: number };
}

/** A place in extension code where samples landed, before source-map lookup. */
export interface ExtensionHotSpot {
  url: string;
  functionName: string;
  /** 0-based, in the built file. */
  line: number;
  column: number;
  /** The browser built-in the extension code was inside when sampled (e.g. a DOM call), if any. */
  callee: string;
  ms: number;
}

interface ExtensionSample {
  time: number;
  interval: number;
  /** Key of the innermost extension frame on the stack (plus the built-in it called). */
  spot: string;
}

/**
 * Sample times on each thread at which extension script was on the stack, from the V8 sampling
 * profiler's trace events (`Profile` starts a profile; `ProfileChunk`s add nodes, samples and
 * time deltas). Samples catch what trace events miss: the continuation of an `await`
 * (`scheduler.yield`, a promise) runs as a bare microtask with no script URL on it.
 */
function extensionSamples(events: readonly TraceEvent[]): Map<string, ExtensionSample[]> {
  const profiles = new Map<string, { thread: string; time: number; nodes: Map<number, ProfileNode>; innermost: Map<number, ProfileNode | null> }>();
  const samplesByThread = new Map<string, ExtensionSample[]>();
  const sorted = events.filter((event) => event.name === 'Profile' || event.name === 'ProfileChunk').sort((a, b) => a.ts - b.ts);
  for (const event of sorted) {
    const id = `${event.pid}:${(event as { id?: string }).id}`;
    const data = event.args?.data as
      | { startTime?: number; cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] }; timeDeltas?: number[] }
      | undefined;
    if (event.name === 'Profile') {
      profiles.set(id, { thread: `${event.pid}:${event.tid}`, time: data?.startTime ?? event.ts, nodes: new Map(), innermost: new Map() });
      continue;
    }
    const profile = profiles.get(id);
    if (!profile || !data?.cpuProfile) continue;
    for (const node of data.cpuProfile.nodes ?? []) profile.nodes.set(node.id, node);
    const innermostExtensionFrame = (nodeId: number): ProfileNode | null => {
      const known = profile.innermost.get(nodeId);
      if (known !== undefined) return known;
      const node = profile.nodes.get(nodeId);
      let result: ProfileNode | null = null;
      if (node) {
        if ((node.callFrame.url ?? '').startsWith('chrome-extension://')) result = node;
        else if (node.parent !== undefined) result = innermostExtensionFrame(node.parent);
      }
      profile.innermost.set(nodeId, result);
      return result;
    };
    const samples = data.cpuProfile.samples ?? [];
    const deltas = data.timeDeltas ?? [];
    let list = samplesByThread.get(profile.thread);
    if (!list) samplesByThread.set(profile.thread, (list = []));
    samples.forEach((nodeId, index) => {
      const delta = deltas[index] ?? 0;
      profile.time += delta;
      const frame = innermostExtensionFrame(nodeId);
      if (!frame) return;
      const leaf = profile.nodes.get(nodeId)!;
      const callee = leaf === frame ? '' : leaf.callFrame.functionName || '(anonymous)';
      const { url = '', functionName = '', lineNumber = 0, columnNumber = 0 } = frame.callFrame;
      list.push({ time: profile.time, interval: delta, spot: JSON.stringify([url, functionName, lineNumber, columnNumber, callee]) });
    });
  }
  for (const list of samplesByThread.values()) list.sort((a, b) => a.time - b.time);
  return samplesByThread;
}

/**
 * Top-level tasks (`RunTask`) on renderer main threads (`CrRendererMain`) in which extension
 * script ran: a trace event inside the task names a `chrome-extension://` script, or a CPU
 * sample inside it has extension script on the stack. The whole task is charged: that is how
 * long the page could not respond.
 */
export function extensionTasks(events: readonly TraceEvent[]): ExtensionTasks {
  const mainThreads = new Set<string>();
  for (const event of events) {
    if (event.ph === 'M' && event.name === 'thread_name' && event.args?.name === 'CrRendererMain') mainThreads.add(`${event.pid}:${event.tid}`);
  }
  const samples = extensionSamples(events);
  const byThread = new Map<string, TraceEvent[]>();
  for (const event of events) {
    const thread = `${event.pid}:${event.tid}`;
    if (!mainThreads.has(thread) || event.ph === 'M') continue;
    let list = byThread.get(thread);
    if (!list) byThread.set(thread, (list = []));
    list.push(event);
  }
  const result: ExtensionTasks = { longestMs: 0, longestExtensionScriptMs: 0, mostExtensionScriptInOneTaskMs: 0, count: 0, totalMs: 0, longestAnyMs: 0, hot: [] };
  const spotMicros = new Map<string, number>();
  for (const [thread, threadEvents] of byThread) {
    threadEvents.sort((a, b) => a.ts - b.ts);
    const threadSamples = samples.get(thread) ?? [];
    const tasks = threadEvents.filter((event) => event.name === 'RunTask' && event.ph === 'X' && typeof event.dur === 'number');
    // Tasks on one thread do not overlap, so forward sweeps assign events and samples to tasks.
    let eventCursor = 0;
    let sampleCursor = 0;
    for (const task of tasks) {
      const end = task.ts + task.dur!;
      let fromExtension = false;
      while (eventCursor < threadEvents.length && threadEvents[eventCursor]!.ts < task.ts) eventCursor++;
      // The longest single extension event (EvaluateScript, v8.compile, FunctionCall…): it covers
      // parsing and compiling the content script, which CPU samples do not show as its frames.
      let longestExtensionEventMicros = 0;
      for (let index = eventCursor; index < threadEvents.length && threadEvents[index]!.ts <= end; index++) {
        const event = threadEvents[index]!;
        if (scriptUrlOf(event)?.startsWith('chrome-extension://')) {
          fromExtension = true;
          longestExtensionEventMicros = Math.max(longestExtensionEventMicros, event.dur ?? 0);
        }
      }
      let extensionScriptMicros = 0;
      while (sampleCursor < threadSamples.length && threadSamples[sampleCursor]!.time < task.ts) sampleCursor++;
      for (let index = sampleCursor; index < threadSamples.length && threadSamples[index]!.time <= end; index++) {
        // A sample stands for the time since the previous one; only the part inside this task counts.
        const sample = threadSamples[index]!;
        const micros = Math.min(sample.interval, sample.time - task.ts);
        extensionScriptMicros += micros;
        spotMicros.set(sample.spot, (spotMicros.get(sample.spot) ?? 0) + micros);
        fromExtension = true;
      }
      const ms = task.dur! / 1000;
      result.longestAnyMs = Math.max(result.longestAnyMs, ms);
      if (!fromExtension) continue;
      result.count++;
      result.totalMs += ms;
      result.mostExtensionScriptInOneTaskMs = Math.max(result.mostExtensionScriptInOneTaskMs, Math.max(extensionScriptMicros, longestExtensionEventMicros) / 1000);
      if (ms > result.longestMs) {
        result.longestMs = ms;
        result.longestExtensionScriptMs = extensionScriptMicros / 1000;
      }
    }
  }
  result.hot = [...spotMicros.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 200)
    .map(([spot, micros]) => {
      const [url, functionName, line, column, callee] = JSON.parse(spot) as [string, string, number, number, string];
      return { url, functionName, line, column, callee, ms: micros / 1000 };
    });
  return result;
}
