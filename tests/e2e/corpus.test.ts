/**
 * Robustness on real pages: every page of ../shared/corpus (real news and non-news pages, served
 * from 127.0.0.1 with every other host blocked) and the repo's own fixtures. For each page: no
 * uncaught error from the extension, the visible text identical with and without the extension,
 * analysis finished, and flags per 1,000 words recorded in test-results/corpus.json.
 * Two browsers run side by side here: one without the extension gives the baseline text.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, type LaunchedChromium } from '../../scripts/lib/launch-chromium';
import { startStaticServer, type StaticServer } from '../../scripts/lib/static-server';
import type { PageReport } from '../../utils/messages';
import {
  CORPUS_PAGES,
  FIXTURE_PAGES,
  REPO_ROOT,
  RequestLog,
  collectExtensionErrors,
  collectServiceWorkerErrors,
  corpusAvailable,
  getReport,
  sendToTab,
  waitForReport,
  waitForTab,
} from './helpers';

/** Pages that are not news: a reader would not want a pile of flags there. */
const NON_NEWS = new Set(['wikipedia', 'mozilla-1', 'medium-1', 'ehow-1', 'lwn-1']);
/**
 * The most flags per 1,000 words a non-news page may get once the reader asks for an analysis
 * (most of them are not detected as articles, so by default they get none at all).
 * Measured on 2026-11-28 with all built-in packs: news pages 0–23.1 per 1,000 words, median 8.0
 * (bbc-1 3.2, cnn 8.0, wapo-1 11.8, yahoo-1 23.1); non-news ehow-1 0, wikipedia 2.0, medium-1
 * 3.4–4.2, lwn-1 5.4–5.9 (the packs were still growing), and mozilla-1 12.8, where all three
 * flags are the product name "Awesome Bar". The limit is the news median: a non-news page must
 * never read as loaded as a typical news article. The packs are young, so the honest pages keep
 * some room below it; a product name taken for praise is a false positive the limit should catch.
 */
const SPARSE_LIMIT = 8;

const hasCorpus = corpusAvailable();
if (!hasCorpus) {
  console.warn(`corpus tests skipped: no shared corpus at ${CORPUS_PAGES} (set CI=true to make this a failure)`);
}

const corpusPages = hasCorpus
  ? readdirSync(CORPUS_PAGES, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort()
  : [];

interface PageResult {
  page: string;
  source: 'corpus' | 'fixture';
  news: boolean;
  detectedAsArticle: boolean;
  analyzed: boolean;
  words: number;
  flags: number;
  flagsPer1000Words: number;
  byKind: Record<string, number>;
  extensionErrors: string[];
  visibleTextUnchanged: boolean;
}

const results: PageResult[] = [];
let plain: LaunchedChromium;
let withExtension: LaunchedChromium;
let corpusServer: StaticServer;
let fixtureServer: StaticServer;
let requests: RequestLog;
let workerErrors: string[];

/** Visible text once the page has loaded and painted; page scripts cannot reach the network here. */
async function visibleText(page: Page): Promise<string> {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  return page.evaluate(() => document.body?.innerText ?? '');
}

async function openPlain(url: string): Promise<string> {
  const page = await plain.context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 45_000 });
    return await visibleText(page);
  } finally {
    await page.close();
  }
}

/** Opens the page with the extension, lets it analyze (asking, as the popup would, on a non-article) and measures. */
async function measure(name: string, url: string, source: PageResult['source']): Promise<{ result: PageResult; text: string }> {
  const page = await withExtension.context.newPage();
  const errors = collectExtensionErrors(page, withExtension.extensionId!);
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 45_000 });
    const tabId = await waitForTab(withExtension, url, 30_000);
    // The content script decides quickly whether this is an article; an article is analyzed by itself.
    let report: PageReport = await waitForReport(withExtension, tabId, (report) => report.analyzed || !report.isArticle, 30_000);
    const detectedAsArticle = report.isArticle;
    if (!report.analyzed) {
      await sendToTab(withExtension, tabId, { type: 'analyze-page' });
      report = await waitForReport(withExtension, tabId, (report) => report.analyzed, 30_000);
    }
    const text = await visibleText(page);
    report = await getReport(withExtension, tabId);
    const byKind: Record<string, number> = {};
    for (const flag of report.flags) byKind[flag.kind] = (byKind[flag.kind] ?? 0) + 1;
    return {
      text,
      result: {
        page: name,
        source,
        news: source === 'corpus' && !NON_NEWS.has(name),
        detectedAsArticle,
        analyzed: report.analyzed,
        words: report.words,
        flags: report.flags.length,
        flagsPer1000Words: report.words ? Math.round((report.flags.length / report.words) * 10_000) / 10 : 0,
        byKind,
        extensionErrors: errors,
        visibleTextUnchanged: false,
      },
    };
  } finally {
    await page.close();
  }
}

/** The first place two texts differ, for a readable failure. */
function firstDifference(a: string, b: string): string {
  let index = 0;
  while (index < a.length && a[index] === b[index]) index++;
  return `at ${index}: without ${JSON.stringify(a.slice(index, index + 80))} / with ${JSON.stringify(b.slice(index, index + 80))}`;
}

beforeAll(async () => {
  fixtureServer = await startStaticServer({ root: FIXTURE_PAGES });
  if (hasCorpus) corpusServer = await startStaticServer({ root: CORPUS_PAGES });
  plain = await launchChromium({ extensionDir: null });
  withExtension = await launchChromium();
  requests = new RequestLog(withExtension.context);
  workerErrors = collectServiceWorkerErrors(withExtension);
});

afterAll(async () => {
  await plain?.close();
  await withExtension?.close();
  await fixtureServer?.close();
  await corpusServer?.close();
  if (results.length === 0) return;
  mkdirSync(resolve(REPO_ROOT, 'test-results'), { recursive: true });
  writeFileSync(resolve(REPO_ROOT, 'test-results/corpus.json'), `${JSON.stringify(results, null, 2)}\n`);
  const rows = results.map((result) => ({
    page: result.page,
    kind: result.source === 'fixture' ? 'fixture' : result.news ? 'news' : 'non-news',
    article: result.detectedAsArticle ? 'yes' : 'asked',
    words: result.words,
    flags: result.flags,
    'per 1k words': result.flagsPer1000Words,
    errors: result.extensionErrors.length,
    'text same': result.visibleTextUnchanged ? 'yes' : 'NO',
  }));
  console.log('\nFlags per 1,000 words (test-results/corpus.json)');
  console.table(rows);
});

function checkPage(name: string, url: () => string, source: PageResult['source']) {
  it(`${name}: analysis finishes, the extension raises no error, and the visible text is unchanged`, async () => {
    // Both browsers load the page at the same time: CI has two cores and each load mostly waits.
    const [without, { result, text }] = await Promise.all([openPlain(url()), measure(name, url(), source)]);
    result.visibleTextUnchanged = text === without;
    results.push(result);
    expect(result.analyzed).toBe(true);
    expect(result.extensionErrors).toEqual([]);
    expect(result.visibleTextUnchanged, firstDifference(without, text)).toBe(true);
  });
}

describe('fixture pages', () => {
  for (const name of ['article.html', 'hostile.html', 'dynamic.html', 'not-article.html']) {
    checkPage(name, () => fixtureServer.url(name), 'fixture');
  }
});

describe.skipIf(!hasCorpus)('real pages from ../shared/corpus', () => {
  for (const name of corpusPages) {
    checkPage(name, () => corpusServer.url(`${name}/source.html`), 'corpus');
  }

  it(`non-news pages (${[...NON_NEWS].join(', ')}) stay sparse: at most ${SPARSE_LIMIT} flags per 1,000 words`, () => {
    const nonNews = results.filter((result) => result.source === 'corpus' && NON_NEWS.has(result.page));
    expect(nonNews.map((result) => result.page).sort()).toEqual([...NON_NEWS].sort());
    expect(nonNews.filter((result) => result.flagsPer1000Words > SPARSE_LIMIT)).toEqual([]);
  });

  it('the extension made no network request on any of these pages', () => {
    // Corpus pages fetch their own scripts and images; requests from the extension's worker or pages are its own.
    const fromExtension = requests.requests.filter(
      (request) => /^(https?|wss?):/.test(request.url) && (request.fromWorker || request.frameUrl.startsWith('chrome-extension://')),
    );
    expect(fromExtension).toEqual([]);
  });

  it('the service worker logged no error on any of these pages', () => {
    expect(workerErrors).toEqual([]);
  });
});
