/**
 * Reading the extension the way a reader meets it, for the end-to-end tests, the demo and the
 * benchmark: highlights painted on the page (CSS Custom Highlight API, read from the page's main
 * world), the page report and keyboard commands (messages sent from the service worker, as the
 * popup and the commands do), the popup opened for a tab, and the card in its closed shadow root
 * (read through DevTools).
 *
 * Page callbacks here define no named helper functions: tsx (which runs the demo) wraps them in
 * an `__name()` call that does not exist in the page.
 */
import type { CDPSession, Page, Worker } from 'playwright-core';
import type { ContentRequest, PageReport } from '../../utils/messages';
import type { Settings } from '../../utils/settings';
import type { LaunchedChromium } from './launch-chromium';
import { pollUntil } from './poll';
export const HIGHLIGHT_NAMES = [
  'unspun-loaded-term',
  'unspun-scare-quote',
  'unspun-vague-attribution',
  'unspun-unsourced-assertion',
  'unspun-quoted',
  'unspun-focus',
] as const;
export type HighlightName = (typeof HIGHLIGHT_NAMES)[number];

/** Highlighted text per highlight name, read from the page's main world (what the reader sees painted). */
export async function readHighlights(page: Page): Promise<Record<HighlightName, string[]>> {
  return page.evaluate((names) => {
    const result: Record<string, string[]> = {};
    for (const name of names) {
      const highlight = CSS.highlights.get(name);
      result[name] = highlight ? [...highlight].map((range) => range.toString()) : [];
    }
    return result;
  }, [...HIGHLIGHT_NAMES]) as Promise<Record<HighlightName, string[]>>;
}

/** All highlighted text except the focus ring, flattened. */
export async function allHighlightedText(page: Page): Promise<string[]> {
  const highlights = await readHighlights(page);
  return HIGHLIGHT_NAMES.filter((name) => name !== 'unspun-focus').flatMap((name) => highlights[name]);
}

/** Highlighted ranges ("name: text") that lie outside the element matching `selector`. */
export async function highlightsOutside(page: Page, selector: string): Promise<string[]> {
  return page.evaluate(
    ({ names, selector }) => {
      const inside = document.querySelector(selector);
      const outside: string[] = [];
      for (const name of names) {
        const highlight = CSS.highlights.get(name);
        if (!highlight) continue;
        for (const range of highlight) {
          const node = (range as Range).commonAncestorContainer;
          if (!inside || !inside.contains(node)) outside.push(`${name}: ${range.toString()}`);
        }
      }
      return outside;
    },
    { names: [...HIGHLIGHT_NAMES], selector },
  );
}

/** The extension's service worker, waiting for it again if Chromium stopped and restarted it. */
export async function extensionWorker(browser: LaunchedChromium): Promise<Worker> {
  const prefix = `chrome-extension://${browser.extensionId}/`;
  const running = browser.context.serviceWorkers().find((worker) => worker.url().startsWith(prefix));
  if (running) return running;
  return browser.context.waitForEvent('serviceworker', { predicate: (worker) => worker.url().startsWith(prefix) });
}

/** Sends a message to a tab's content script from the service worker, as the popup and commands do. */
export async function sendToTab<T = unknown>(browser: LaunchedChromium, tabId: number, message: ContentRequest): Promise<T> {
  const worker = await extensionWorker(browser);
  return worker.evaluate(
    ([tabId, message]) => (globalThis as any).chrome.tabs.sendMessage(tabId, message),
    [tabId, message] as const,
  ) as Promise<T>;
}

/**
 * The id of the tab showing `url`. Tabs are asked for their report (the extension has no
 * `tabs` permission, so it cannot read tab URLs itself); a tab without a content script is skipped.
 */
export async function tabIdFor(browser: LaunchedChromium, url: string): Promise<number> {
  const worker = await extensionWorker(browser);
  const tabId = await worker.evaluate(async (url) => {
    const chrome = (globalThis as any).chrome;
    const tabs: Array<{ id: number }> = await chrome.tabs.query({});
    for (const tab of tabs) {
      try {
        const report = await chrome.tabs.sendMessage(tab.id, { type: 'get-report' });
        if (report?.url === url) return tab.id;
      } catch {
        // No content script in that tab (extension pages, about:blank).
      }
    }
    return -1;
  }, url);
  if (tabId < 0) throw new Error(`no tab with a content script reports ${url}`);
  return tabId;
}

export async function getReport(browser: LaunchedChromium, tabId: number): Promise<PageReport> {
  return sendToTab<PageReport>(browser, tabId, { type: 'get-report' });
}

/** Waits until the content script of the tab showing `url` answers, and returns its tab id. */
export async function waitForTab(browser: LaunchedChromium, url: string, timeout = 20_000): Promise<number> {
  let lastError: unknown;
  // The content script answers only once it has started; poll rather than guess a delay.
  const tabId = await pollUntil(
    () =>
      tabIdFor(browser, url).catch((error: unknown) => {
        lastError = error;
        return undefined;
      }),
    (id) => id !== undefined,
    timeout,
    () => `no content script answered for ${url}: ${lastError instanceof Error ? lastError.message : String(lastError)}`,
  );
  return tabId!;
}

/** Waits for the tab's report to satisfy `done`, polling; returns the last report. */
export async function waitForReport(
  browser: LaunchedChromium,
  tabId: number,
  done: (report: PageReport) => boolean,
  timeout = 20_000,
): Promise<PageReport> {
  const report = await pollUntil(
    () => getReport(browser, tabId).catch(() => undefined),
    (report) => report !== undefined && done(report),
    timeout,
    (report) => `report never satisfied the condition; last: ${JSON.stringify(report)?.slice(0, 500)}`,
  );
  return report!;
}

export async function readSettings(browser: LaunchedChromium): Promise<Partial<Settings> | undefined> {
  const worker = await extensionWorker(browser);
  return worker.evaluate(async () => (await (globalThis as any).chrome.storage.local.get('settings')).settings);
}

export async function writeSettings(browser: LaunchedChromium, settings: Settings): Promise<void> {
  const worker = await extensionWorker(browser);
  await worker.evaluate((settings) => (globalThis as any).chrome.storage.local.set({ settings }), settings);
}

export async function readStorage(browser: LaunchedChromium, key: string): Promise<unknown> {
  const worker = await extensionWorker(browser);
  return worker.evaluate(async (key) => (await (globalThis as any).chrome.storage.local.get(key))[key], key);
}

/** Opens the popup as a page, for the tab `tabId` (the popup reads `?tabId=` when it is not a real popup). */
export async function openPopup(browser: LaunchedChromium, tabId: number): Promise<Page> {
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 380, height: 700 });
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tabId=${tabId}`);
  return popup;
}

interface CdpNode {
  nodeId: number;
  backendNodeId: number;
  nodeName: string;
  nodeType: number;
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
  contentDocument?: CdpNode;
}

function findNodes(node: CdpNode, name: string, found: CdpNode[] = []): CdpNode[] {
  if (node.nodeName === name) found.push(node);
  for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) findNodes(child, name, found);
  return found;
}

/**
 * Makes the card's CLOSED shadow root readable from the page's main world for the test only:
 * DevTools can see closed roots (`pierce: true`), so the root is resolved into a main-world handle
 * and set as the host's own `shadowRoot` property. The card itself is untouched; page scripts
 * still cannot reach it in real use. Returns how many card hosts were found.
 */
export async function exposeCardRoots(page: Page, cdp: CDPSession): Promise<number> {
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as unknown as { root: CdpNode };
  const hosts = findNodes(root, 'UNSPUN-CARD');
  for (const host of hosts) {
    const shadow = host.shadowRoots?.[0];
    if (!shadow) continue;
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
    await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId!,
      functionDeclaration:
        'function () { Object.defineProperty(this.host, "shadowRoot", { value: this, configurable: true }); }',
    });
  }
  return hosts.length;
}

export interface CardState {
  /** Whether a card is on screen (present, rendered and with a non-empty box). */
  open: boolean;
  /** The card's visible text (`innerText` of its rendered elements). */
  text: string;
  /** Whether keyboard focus is inside the card. */
  focusInside: boolean;
  /** Accessible text of the focused element inside the card (its label or text), '' if none. */
  focused: string;
}

/** Reads the open card (see `exposeCardRoots`). */
export async function readCard(page: Page, cdp: CDPSession): Promise<CardState> {
  await exposeCardRoots(page, cdp);
  return page.evaluate(() => {
    const closed = { open: false, text: '', focusInside: false, focused: '' };
    for (const host of document.querySelectorAll('unspun-card')) {
      const root = host.shadowRoot;
      if (!root) continue;
      const elements = [...root.querySelectorAll('*')].filter(
        (element) => !['STYLE', 'SCRIPT', 'LINK', 'HTML', 'HEAD', 'BODY'].includes(element.tagName),
      );
      const visible = elements.filter((element) => {
        const box = element.getBoundingClientRect();
        return box.width > 0 && box.height > 0 && element.checkVisibility({ visibilityProperty: true, opacityProperty: true });
      });
      if (visible.length === 0) continue;
      const outermost = visible.filter((element) => !visible.some((other) => other !== element && other.contains(element)));
      return {
        open: true,
        text: outermost.map((element) => (element as HTMLElement).innerText).join('\n'),
        focusInside: root.activeElement !== null,
        focused: root.activeElement
          ? (root.activeElement.getAttribute('aria-label') ?? (root.activeElement as HTMLElement).innerText ?? '').trim()
          : '',
      };
    }
    return closed;
  });
}

/** Polls the card until `done`; CDP reads are cheap, and the card renders asynchronously. */
export async function waitForCard(
  page: Page,
  cdp: CDPSession,
  done: (card: CardState) => boolean,
  timeout = 10_000,
): Promise<CardState> {
  return pollUntil(
    () => readCard(page, cdp),
    done,
    timeout,
    (card) => `card never reached the expected state; last: ${JSON.stringify(card)}`,
  );
}

/** Centre of the first highlighted range (in `name`) whose text matches, in viewport coordinates, after scrolling it into view. */
export async function highlightPoint(page: Page, name: HighlightName, text: string | RegExp): Promise<{ x: number; y: number }> {
  const source = typeof text === 'string' ? { string: text } : { regexp: text.source, flags: text.flags };
  const point = await page.evaluate(
    ({ name, source }) => {
      const pattern = 'string' in source ? null : new RegExp(source.regexp, source.flags);
      const highlight = CSS.highlights.get(name);
      if (!highlight) return null;
      for (const range of highlight as Iterable<Range>) {
        const value = range.toString();
        if (pattern ? !pattern.test(value) : value !== (source as { string: string }).string) continue;
        range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
        const rect = range.getClientRects()[0];
        return { x: rect.left + Math.min(rect.width / 2, 20), y: rect.top + rect.height / 2 };
      }
      return null;
    },
    { name, source },
  );
  if (!point) throw new Error(`no ${name} highlight matching ${text}`);
  return point;
}

/** Centre of the highlight that comes first in the document (focus ring and quoted shading aside), scrolled into view. */
export async function firstHighlightPoint(page: Page): Promise<{ x: number; y: number; text: string }> {
  const point = await page.evaluate((names) => {
    const ranges: Range[] = [];
    for (const name of names) {
      const highlight = CSS.highlights.get(name);
      if (highlight) ranges.push(...(highlight as Iterable<Range>));
    }
    ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
    const first = ranges[0];
    if (!first) return null;
    first.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    const rect = first.getClientRects()[0];
    return { x: rect.left + Math.min(rect.width / 2, 20), y: rect.top + rect.height / 2, text: first.toString() };
  }, HIGHLIGHT_NAMES.filter((name) => name !== 'unspun-focus' && name !== 'unspun-quoted'));
  if (!point) throw new Error('the page has no highlights');
  return point;
}
