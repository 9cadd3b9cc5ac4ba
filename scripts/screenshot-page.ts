/**
 * Looks at what a reader sees: serves a page on 127.0.0.1, loads the built extension in
 * Chromium, waits for the highlights, opens the card on a highlighted phrase and saves
 * screenshots in light and dark. Also reports long main-thread tasks with and without the
 * extension, so the "no task over 50 ms" promise can be checked on the largest pages.
 *
 *   npm run build
 *   npx tsx scripts/screenshot-page.ts [article.html | corpus:guardian-1] [--out DIR]
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { launchChromium } from './lib/launch-chromium';
import { startStaticServer } from './lib/static-server';
import { sharedDirectoryPath } from './shared-directory';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const FIXTURES = resolve(REPO, 'tests/fixtures/pages');
const CORPUS = resolve(sharedDirectoryPath(), 'corpus/pages');

const args = process.argv.slice(2);
const target = args.find((arg) => !arg.startsWith('--')) ?? 'article.html';
const outIndex = args.indexOf('--out');
const outDir = resolve(outIndex >= 0 ? args[outIndex + 1] : '/tmp/unspun-screenshots');
const fromCorpus = target.startsWith('corpus:');
const root = fromCorpus ? CORPUS : FIXTURES;
const path = fromCorpus ? `${target.slice('corpus:'.length)}/source.html` : target;
const label = target.replace(/[^a-z0-9-]+/gi, '_');

/** Records long tasks in the page from the very start, before any script of the page or ours. */
const LONG_TASK_RECORDER = `
  window.__longTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longTasks.push({ start: Math.round(entry.startTime), duration: Math.round(entry.duration) });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
`;

/** A dark site: the page's own colours inverted to light text on near-black. */
const DARK_PAGE_CSS = `html, body, article, header, footer, section, main, div { background: #121212 !important; color: #e8e8e8 !important; } a { color: #8ab4f8 !important; }`;

async function waitForHighlights(page: Page, timeout = 30_000): Promise<number> {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    const count = await page.evaluate(() => {
      let total = 0;
      for (const [name, highlight] of CSS.highlights) if (name.startsWith('unspun-')) total += highlight.size;
      return total;
    });
    if (count > 0) return count;
    await page.waitForTimeout(200);
  }
  return 0;
}

async function clickFirstPhrase(page: Page): Promise<string | null> {
  const point = await page.evaluate(() => {
    for (const name of ['unspun-loaded-term', 'unspun-vague-attribution', 'unspun-scare-quote', 'unspun-unsourced-assertion']) {
      const highlight = CSS.highlights.get(name);
      if (!highlight) continue;
      for (const range of highlight as Iterable<Range>) {
        (range.startContainer.parentElement as Element).scrollIntoView({ block: 'center' });
        const rect = range.getClientRects()[0];
        if (rect) return { x: rect.left + Math.min(rect.width / 2, 12), y: rect.top + rect.height / 2, text: range.toString() };
      }
    }
    return null;
  });
  if (!point) return null;
  await page.mouse.click(point.x, point.y);
  await page.waitForTimeout(600);
  return point.text;
}

async function longTasks(page: Page): Promise<Array<{ start: number; duration: number }>> {
  return page.evaluate(() => (window as unknown as { __longTasks: Array<{ start: number; duration: number }> }).__longTasks ?? []);
}

async function run(withExtension: boolean) {
  const server = await startStaticServer({ root });
  const browser = await launchChromium({ extensionDir: withExtension ? undefined : null, viewport: { width: 1280, height: 900 } });
  try {
    await browser.context.addInitScript(LONG_TASK_RECORDER);
    const page = await browser.context.newPage();
    await page.goto(server.url(path), { waitUntil: 'load' });
    const highlights = withExtension ? await waitForHighlights(page) : 0;
    // Let the sliced work and any follow-up finish before reading the long-task log.
    await page.waitForTimeout(1500);
    const tasks = await longTasks(page);
    if (!withExtension) return { highlights, tasks };

    await page.emulateMedia({ colorScheme: 'light' });
    const phrase = await clickFirstPhrase(page);
    await page.screenshot({ path: `${outDir}/${label}-light.png` });

    await page.emulateMedia({ colorScheme: 'dark' });
    await page.addStyleTag({ content: DARK_PAGE_CSS });
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${outDir}/${label}-dark.png` });
    return { highlights, tasks, phrase };
  } finally {
    await browser.close();
    await server.close();
  }
}

mkdirSync(outDir, { recursive: true });
const without = await run(false);
const withExtension = await run(true);
console.log(`page: ${target}`);
console.log(`highlighted ranges: ${withExtension.highlights}; card opened on: ${JSON.stringify(withExtension.phrase)}`);
console.log(`long tasks without the extension: ${JSON.stringify(without.tasks)}`);
console.log(`long tasks with the extension:    ${JSON.stringify(withExtension.tasks)}`);
console.log(`screenshots: ${outDir}/${label}-light.png, ${outDir}/${label}-dark.png`);
