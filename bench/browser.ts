/**
 * The browser benchmark: real Chromium with and without the built extension, on large pages of
 * the real-page corpus served from 127.0.0.1 (every other host is aborted by the launcher).
 *
 * Per load, an init script (main world, before any page script) records long tasks, the
 * navigation timings and the moment the first highlight appears in `CSS.highlights` (a rAF
 * loop). Loads alternate between the two browsers so drift hits both. As many traced loads
 * per page again charge main-thread tasks to the extension by script URL (see trace.ts); the
 * page's figures come from its median traced load, as every other figure is a median of loads.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { join, relative, resolve } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { launchChromium, type LaunchedChromium } from '../scripts/lib/launch-chromium';
import { startStaticServer } from '../scripts/lib/static-server';
import { summarize, type Summary } from './stats';
import { extensionTasks, startTrace, stopTrace, type ExtensionHotSpot, type ExtensionTasks } from './trace';

/**
 * Runs in the page's main world before its own scripts. `CSS.highlights` is one registry per
 * document, shared with the content script's isolated world.
 */
const RECORDER = `(() => {
  const record = { longTasks: [], firstHighlight: null };
  Object.defineProperty(window, '__unspunBench', { value: record });
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) record.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  // A highlight counts once it holds a range: the extension registers its (empty) highlights up front.
  const poll = () => {
    if (globalThis.CSS && CSS.highlights) {
      for (const highlight of CSS.highlights.values()) {
        if (highlight.size > 0) { record.firstHighlight = performance.now(); return; }
      }
    }
    requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
})();`;

interface LoadRecord {
  loadMs: number;
  domContentLoadedMs: number;
  firstHighlightMs: number | null;
  longestTaskMs: number;
}

export interface PageResult {
  page: string;
  htmlBytes: number;
  loads: number;
  withExtension: {
    loadMs: Summary;
    /** DOMContentLoaded (start) → first highlight, per load that highlighted. */
    firstHighlightAfterDclMs: Summary | null;
    highlightedLoads: number;
    longestTaskMs: Summary;
  };
  withoutExtension: { loadMs: Summary; longestTaskMs: Summary };
  /** median load time with / median without. */
  loadRatio: number;
  /** The traced load with the median extension work in one task (of `extensionWorkPerTracedLoad`). */
  trace: ExtensionTasks | null;
  /** The most extension work in one task, in each traced load with the extension. */
  extensionWorkPerTracedLoad: number[];
}

export interface BrowserResults {
  chromium: string;
  pages: PageResult[];
  /** Longest task in which extension script ran (the whole task charged), over all pages. */
  longestExtensionTaskMs: number | null;
  /** Most extension script time inside one task, worst page (its median traced load): the extension's own part of its longest task. */
  longestExtensionScriptInTaskMs: number | null;
  /** The same in the worst single traced load of any page. */
  longestExtensionScriptInTaskAnyLoadMs: number | null;
  /** Longest `longtask` entry seen with and without the extension, over all loads and pages. */
  longestTaskWithExtensionMs: number;
  longestTaskWithoutExtensionMs: number;
  /** Worst page's median DOMContentLoaded → first highlight. */
  firstHighlightWorstMs: number | null;
  /** Sum over pages of median load time with / without. */
  loadRatio: number;
  /** Requests to hosts other than 127.0.0.1 that pages attempted (all aborted). */
  abortedExternalRequests: number;
  /** Where the extension's main-thread time went in the traced loads (all pages), in the original sources. */
  extensionProfile: { where: string; ms: number; share: number }[];
}

export interface BrowserInput {
  extensionDir: string;
  pagesDir: string;
  pages: string[];
  loads: number;
  /** Wait after load (and after the first highlight) so the extension's remaining work is observed. */
  settleMs: number;
  highlightTimeoutMs: number;
  /** For naming source files in the extension profile. */
  repositoryRoot: string;
  log: (line: string) => void;
}

async function loadOnce(context: BrowserContext, url: string, withExtension: boolean, input: BrowserInput): Promise<LoadRecord> {
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    if (withExtension) {
      await page
        .waitForFunction(() => (window as unknown as { __unspunBench: { firstHighlight: number | null } }).__unspunBench.firstHighlight !== null, null, {
          timeout: input.highlightTimeoutMs,
          polling: 50,
        })
        .catch(() => undefined);
    }
    await page.waitForTimeout(input.settleMs);
    return await page.evaluate(() => {
      const record = (window as unknown as { __unspunBench: { longTasks: { duration: number }[]; firstHighlight: number | null } }).__unspunBench;
      const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return {
        loadMs: navigation.loadEventEnd,
        domContentLoadedMs: navigation.domContentLoadedEventStart,
        firstHighlightMs: record.firstHighlight,
        longestTaskMs: record.longTasks.reduce((longest, task) => Math.max(longest, task.duration), 0),
      };
    });
  } finally {
    await page.close();
  }
}

async function tracedLoad(context: BrowserContext, url: string, input: BrowserInput): Promise<ExtensionTasks> {
  const page = await context.newPage();
  const session = await context.newCDPSession(page);
  try {
    await startTrace(session);
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    await page
      .waitForFunction(() => (window as unknown as { __unspunBench: { firstHighlight: number | null } }).__unspunBench.firstHighlight !== null, null, {
        timeout: input.highlightTimeoutMs,
        polling: 50,
      })
      .catch(() => undefined);
    await page.waitForTimeout(input.settleMs);
    return extensionTasks(await stopTrace(session));
  } finally {
    await session.detach().catch(() => undefined);
    await page.close();
  }
}

/**
 * Sums the hot spots of all traced loads and names them in the original sources through the
 * build's hidden source maps (`file:function:line`, "→ callee" when the time was spent inside a
 * browser built-in the extension called).
 */
function resolveHotSpots(spots: readonly ExtensionHotSpot[], extensionDir: string, repositoryRoot: string): BrowserResults['extensionProfile'] {
  const maps = new Map<string, SourceMap | null>();
  const mapFor = (url: string): SourceMap | null => {
    const path = new URL(url).pathname;
    if (!maps.has(path)) {
      const file = join(extensionDir, `${path}.map`);
      maps.set(path, existsSync(file) ? new SourceMap(JSON.parse(readFileSync(file, 'utf8'))) : null);
    }
    return maps.get(path)!;
  };
  const totals = new Map<string, number>();
  let all = 0;
  for (const spot of spots) {
    const map = mapFor(spot.url);
    const entry = map?.findEntry(spot.line, spot.column) as { originalSource?: string; originalLine?: number; name?: string } | undefined;
    let where: string;
    if (entry?.originalSource) {
      const source = entry.originalSource.replace(/^file:\/\//, '');
      const file = source.startsWith('/') ? relative(repositoryRoot, source) : relative(repositoryRoot, resolve(extensionDir, 'content-scripts', source));
      where = `${file.replace(/^(\.\.\/)+/, '')}:${entry.name || spot.functionName || '(anonymous)'}:${(entry.originalLine ?? 0) + 1}`;
    } else {
      where = `${new URL(spot.url).pathname.slice(1)}:${spot.functionName || '(anonymous)'}:${spot.line + 1}:${spot.column + 1}`;
    }
    if (spot.callee) where += ` → ${spot.callee}`;
    totals.set(where, (totals.get(where) ?? 0) + spot.ms);
    all += spot.ms;
  }
  return [...totals.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 15)
    .map(([where, ms]) => ({ where, ms, share: all > 0 ? ms / all : 0 }));
}

export async function runBrowserBench(input: BrowserInput): Promise<BrowserResults> {
  if (!existsSync(join(input.extensionDir, 'manifest.json'))) {
    throw new Error(`no built extension at ${input.extensionDir} (run npm run build)`);
  }
  const server = await startStaticServer({ root: input.pagesDir });
  let withExtension: LaunchedChromium | undefined;
  let withoutExtension: LaunchedChromium | undefined;
  try {
    withExtension = await launchChromium({ extensionDir: input.extensionDir });
    withoutExtension = await launchChromium({ extensionDir: null });
    const browserVersion = withExtension.context.browser()?.version() ?? 'unknown';
    for (const context of [withExtension.context, withoutExtension.context]) await context.addInitScript(RECORDER);

    // Warm-up: the first navigation of a fresh profile pays for process start-up, which no reader sees per page.
    const firstUrl = server.url(`${input.pages[0]}/source.html`);
    await loadOnce(withExtension.context, firstUrl, true, input);
    await loadOnce(withoutExtension.context, firstUrl, false, input);

    const records = new Map<string, { with: LoadRecord[]; without: LoadRecord[] }>();
    for (const page of input.pages) records.set(page, { with: [], without: [] });
    for (let load = 0; load < input.loads; load++) {
      for (const page of input.pages) {
        const url = server.url(`${page}/source.html`);
        const entry = records.get(page)!;
        // Alternate which browser goes first so neither always gets the warmer machine.
        const order = load % 2 === 0 ? (['with', 'without'] as const) : (['without', 'with'] as const);
        for (const mode of order) {
          const record = await loadOnce(mode === 'with' ? withExtension.context : withoutExtension.context, url, mode === 'with', input);
          entry[mode].push(record);
        }
      }
      input.log(`browser: load round ${load + 1}/${input.loads} done`);
    }

    const pages: PageResult[] = [];
    for (const page of input.pages) {
      const url = server.url(`${page}/source.html`);
      const traces: ExtensionTasks[] = [];
      for (let load = 0; load < input.loads; load++) {
        try {
          traces.push(await tracedLoad(withExtension.context, url, input));
        } catch (error) {
          input.log(`browser: trace of ${page} failed: ${(error as Error).message}`);
        }
      }
      const byWork = [...traces].sort((a, b) => a.mostExtensionScriptInOneTaskMs - b.mostExtensionScriptInOneTaskMs);
      const trace = byWork[(byWork.length - 1) >> 1] ?? null;
      // Every traced load's samples go into the profile.
      if (trace) trace.hot = traces.flatMap((each) => each.hot);
      const entry = records.get(page)!;
      const highlighted = entry.with.filter((record) => record.firstHighlightMs !== null);
      const withLoad = summarize(entry.with.map((record) => record.loadMs));
      const withoutLoad = summarize(entry.without.map((record) => record.loadMs));
      pages.push({
        page,
        htmlBytes: statSync(join(input.pagesDir, page, 'source.html')).size,
        loads: input.loads,
        withExtension: {
          loadMs: withLoad,
          firstHighlightAfterDclMs: highlighted.length > 0 ? summarize(highlighted.map((record) => record.firstHighlightMs! - record.domContentLoadedMs)) : null,
          highlightedLoads: highlighted.length,
          longestTaskMs: summarize(entry.with.map((record) => record.longestTaskMs)),
        },
        withoutExtension: { loadMs: withoutLoad, longestTaskMs: summarize(entry.without.map((record) => record.longestTaskMs)) },
        loadRatio: withLoad.median / withoutLoad.median,
        trace,
        extensionWorkPerTracedLoad: traces.map((each) => each.mostExtensionScriptInOneTaskMs),
      });
    }
    input.log('browser: traced loads done');

    const traced = pages.filter((page) => page.trace !== null);
    const extensionProfile = resolveHotSpots(traced.flatMap((page) => page.trace!.hot), input.extensionDir, input.repositoryRoot);
    // Per page, the raw (built-file) hot spots are only kept as a short list; the named profile above is the useful one.
    for (const page of traced) page.trace!.hot = page.trace!.hot.slice(0, 5);
    const highlightMedians = pages.map((page) => page.withExtension.firstHighlightAfterDclMs?.median ?? null);
    return {
      chromium: browserVersion,
      pages,
      longestExtensionTaskMs: traced.length > 0 ? Math.max(...traced.map((page) => page.trace!.longestMs)) : null,
      longestExtensionScriptInTaskMs: traced.length > 0 ? Math.max(...traced.map((page) => page.trace!.mostExtensionScriptInOneTaskMs)) : null,
      longestExtensionScriptInTaskAnyLoadMs: traced.length > 0 ? Math.max(...traced.flatMap((page) => page.extensionWorkPerTracedLoad)) : null,
      longestTaskWithExtensionMs: Math.max(...pages.map((page) => page.withExtension.longestTaskMs.max)),
      longestTaskWithoutExtensionMs: Math.max(...pages.map((page) => page.withoutExtension.longestTaskMs.max)),
      // A page that never highlighted counts as a miss, not as "fast".
      firstHighlightWorstMs: highlightMedians.includes(null) ? null : Math.max(...(highlightMedians as number[])),
      loadRatio:
        pages.reduce((sum, page) => sum + page.withExtension.loadMs.median, 0) / pages.reduce((sum, page) => sum + page.withoutExtension.loadMs.median, 0),
      abortedExternalRequests: withExtension.externalRequests.length + withoutExtension.externalRequests.length,
      extensionProfile,
    };
  } finally {
    await withExtension?.close();
    await withoutExtension?.close();
    await server.close();
  }
}

/** The browser results as a plain-text table (for `npm run bench -- --browser-only`). */
export function renderBrowserSummary(results: BrowserResults): string {
  const ms = (value: number | null | undefined) => (value === null || value === undefined ? '—' : `${value.toFixed(0)} ms`);
  const lines = [
    `Chromium ${results.chromium}; medians of ${results.pages[0]?.loads ?? 0} loads per page and mode`,
    ['page', 'load with', 'load without', 'ratio', 'DCL → 1st highlight', 'longtask max with/without', 'extension work in one task, median (each traced load) / longest task it ran in'].join(' | '),
  ];
  for (const page of results.pages) {
    const highlight = page.withExtension.firstHighlightAfterDclMs;
    lines.push(
      [
        page.page,
        ms(page.withExtension.loadMs.median),
        ms(page.withoutExtension.loadMs.median),
        page.loadRatio.toFixed(3),
        highlight ? `${ms(highlight.median)} (${page.withExtension.highlightedLoads}/${page.loads}; ${highlight.samples.map((value) => value.toFixed(0)).join(', ')})` : 'never',
        `${ms(page.withExtension.longestTaskMs.max)} / ${ms(page.withoutExtension.longestTaskMs.max)}`,
        page.trace
          ? `${ms(page.trace.mostExtensionScriptInOneTaskMs)} (${page.extensionWorkPerTracedLoad.map((value) => value.toFixed(0)).join(', ')}) / ${ms(page.trace.longestMs)} (${page.trace.count} tasks)`
          : 'no trace',
      ].join(' | '),
    );
  }
  lines.push(
    `longest extension work in one task: ${ms(results.longestExtensionScriptInTaskMs)} (worst page's median traced load; worst single load ${ms(results.longestExtensionScriptInTaskAnyLoadMs)}); worst page median DCL → first highlight: ${ms(results.firstHighlightWorstMs)}; load ratio: ${results.loadRatio.toFixed(3)}`,
  );
  return lines.join('\n');
}
