import { describe, expect, it } from 'vitest';
import { extensionTasks } from '../trace';

const PID = 10;
const MAIN = 1;
const OTHER = 2;
const EXTENSION_URL = 'chrome-extension://abcdefghijklmnop/content-scripts/content.js';

const threadName = (tid: number, name: string) => ({ name: 'thread_name', cat: '__metadata', ph: 'M', ts: 0, pid: PID, tid, args: { name } });
const task = (ts: number, durationMs: number, tid = MAIN) => ({ name: 'RunTask', cat: 'toplevel', ph: 'X', ts, dur: durationMs * 1000, pid: PID, tid });

describe('extensionTasks', () => {
  it('charges a task to the extension when it evaluated the content script, and not the page’s own longer task', () => {
    const events = [
      threadName(MAIN, 'CrRendererMain'),
      task(1_000, 120),
      { name: 'EvaluateScript', cat: 'devtools.timeline', ph: 'X', ts: 1_100, dur: 100_000, pid: PID, tid: MAIN, args: { data: { url: 'http://127.0.0.1/page.html' } } },
      task(200_000, 70),
      { name: 'EvaluateScript', cat: 'devtools.timeline', ph: 'X', ts: 200_100, dur: 60_000, pid: PID, tid: MAIN, args: { data: { url: EXTENSION_URL } } },
    ];
    const result = extensionTasks(events);
    expect(result.longestMs).toBe(70);
    // Evaluating (parsing, compiling, running) the content script is the extension's own work.
    expect(result.mostExtensionScriptInOneTaskMs).toBe(60);
    expect(result.count).toBe(1);
    expect(result.longestAnyMs).toBe(120);
  });

  it('charges an await continuation (no script URL on any event) to the extension from CPU samples', () => {
    const events = [
      threadName(MAIN, 'CrRendererMain'),
      task(1_000, 90),
      { name: 'RunMicrotasks', cat: 'v8', ph: 'X', ts: 1_010, dur: 89_000, pid: PID, tid: MAIN, args: {} },
      { name: 'Profile', cat: 'disabled-by-default-v8.cpu_profiler', ph: 'P', id: '0x1', ts: 0, pid: PID, tid: MAIN, args: { data: { startTime: 0 } } },
      {
        name: 'ProfileChunk',
        cat: 'disabled-by-default-v8.cpu_profiler',
        ph: 'P',
        id: '0x1',
        ts: 95_000,
        pid: PID,
        tid: 99,
        args: {
          data: {
            cpuProfile: {
              nodes: [
                { id: 1, callFrame: { functionName: '(root)' } },
                { id: 2, parent: 1, callFrame: { functionName: 'analyzeSlice', url: EXTENSION_URL, lineNumber: 3, columnNumber: 7 } },
                { id: 3, parent: 2, callFrame: { functionName: 'getComputedStyle', url: '' } },
              ],
              // One sample at 11 ms (inside the task, in extension code calling a built-in), one at 50 ms.
              samples: [3, 2],
            },
            timeDeltas: [11_000, 39_000],
          },
        },
      },
      // A page task on another (non-main) thread is never counted.
      task(1_000, 500, OTHER),
    ];
    const result = extensionTasks(events);
    expect(result.longestMs).toBe(90);
    expect(result.longestExtensionScriptMs).toBeCloseTo(10 + 39, 5);
    expect(result.mostExtensionScriptInOneTaskMs).toBeCloseTo(10 + 39, 5);
    expect(result.hot.map((spot) => [spot.functionName, spot.callee])).toEqual([
      ['analyzeSlice', ''],
      ['analyzeSlice', 'getComputedStyle'],
    ]);
  });

  it('reports no extension task for a trace of a page without the extension', () => {
    const result = extensionTasks([threadName(MAIN, 'CrRendererMain'), task(0, 300)]);
    expect(result).toMatchObject({ longestMs: 0, count: 0, longestAnyMs: 300 });
  });
});
