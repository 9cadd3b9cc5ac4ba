/**
 * A reader on a news article in a real, stock Firefox: highlights, the card (mouse and keyboard),
 * a paragraph the page adds later, the popup; no error anywhere, no request beyond the page. The
 * built add-on (.output/firefox-mv2, which `npm run test:e2e` builds before the tests run) is
 * installed as a temporary add-on over WebDriver BiDi. Skipped with a message when no Firefox is
 * installed, except under CI=true, where that is a failure.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { BUILTIN_PACKS } from '../../core/builtin-packs';
import { analyzeText, compilePacks, findRule, KIND_LABELS } from '../../core';
import { callWithShadowRoots, findFirefox, FIREFOX_MISSING, launchFirefox, type LaunchedFirefox } from '../../scripts/lib/launch-firefox';
import { startStaticServer, type StaticServer } from '../../scripts/lib/static-server';
import { FIXTURE_PAGES } from './helpers';

const firefoxPath = findFirefox();
if (!firefoxPath && process.env.CI === 'true') throw new Error(`CI=true but ${FIREFOX_MISSING}`);

/** Highlighted text per kind, from the Custom Highlight API or, where Firefox lacks it (before 140), the `<unspun-mark>` fallback. */
type Painted = { api: 'highlights' | 'marks' | 'none'; byKind: Record<string, string[]> };

function readPainted(page: Page): Promise<Painted> {
  return page.evaluate(() => {
    const kinds = ['loaded-term', 'scare-quote', 'vague-attribution', 'unsourced-assertion'];
    const byKind: Record<string, string[]> = Object.fromEntries(kinds.map((kind) => [kind, []]));
    let api: 'highlights' | 'marks' | 'none' = 'none';
    const registry = typeof CSS !== 'undefined' ? CSS.highlights : undefined;
    for (const kind of kinds) {
      for (const range of (registry?.get(`unspun-${kind}`) ?? []) as Iterable<Range>) {
        byKind[kind].push(range.toString());
        api = 'highlights';
      }
    }
    if (api === 'none') {
      // The fallback wraps each piece of a flag's text in its own mark; join them per flag.
      const perFlag = new Map<string, { kind: string; text: string }>();
      for (const mark of document.querySelectorAll('unspun-mark[data-unspun-flag]')) {
        const id = mark.getAttribute('data-unspun-flag')!;
        const entry = perFlag.get(id) ?? { kind: mark.getAttribute('data-unspun-kind') ?? '', text: '' };
        entry.text += mark.textContent ?? '';
        perFlag.set(id, entry);
      }
      for (const { kind, text } of perFlag.values()) {
        byKind[kind]?.push(text);
        api = 'marks';
      }
    }
    return { api, byKind };
  });
}

/** Highlighted text ("kind: text") whose node lies outside `selector`. */
function paintedOutside(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const inside = document.querySelector(selector);
    const outside: string[] = [];
    const registry = typeof CSS !== 'undefined' ? CSS.highlights : undefined;
    for (const [name, highlight] of (registry ?? new Map()) as Map<string, Iterable<Range>>) {
      if (!name.startsWith('unspun-')) continue;
      for (const range of highlight) {
        if (!inside?.contains(range.commonAncestorContainer)) outside.push(`${name}: ${range.toString()}`);
      }
    }
    for (const mark of document.querySelectorAll('unspun-mark')) {
      if (!inside?.contains(mark)) outside.push(`${mark.getAttribute('data-unspun-kind')}: ${mark.textContent}`);
    }
    return outside;
  }, selector);
}

/** Centre of the painted phrase `text` of `kind`, scrolled into view, in viewport coordinates. */
async function pointOf(page: Page, kind: string, text: string): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(
    (kind, text) => {
      const candidates: Array<{ text: string; rects: () => DOMRectList; element: Element | null }> = [];
      for (const range of (CSS.highlights?.get(`unspun-${kind}`) ?? []) as Iterable<Range>) {
        candidates.push({ text: range.toString(), rects: () => range.getClientRects(), element: range.startContainer.parentElement });
      }
      for (const mark of document.querySelectorAll(`unspun-mark[data-unspun-kind="${kind}"]`)) {
        candidates.push({ text: mark.textContent ?? '', rects: () => mark.getClientRects(), element: mark });
      }
      const found = candidates.find((candidate) => candidate.text === text);
      if (!found) return null;
      found.element?.scrollIntoView({ block: 'center' });
      const rect = found.rects()[0];
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    },
    kind,
    text,
  );
  if (!point) throw new Error(`no ${kind} highlight reading "${text}"`);
  return point;
}

/** Painted flags (not the focus ring or quoted shading) in page order: by start, the longer first. */
function paintedInPageOrder(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const kinds = ['loaded-term', 'scare-quote', 'vague-attribution', 'unsourced-assertion'];
    const ranges: Range[] = [];
    for (const kind of kinds) ranges.push(...((CSS.highlights?.get(`unspun-${kind}`) ?? []) as Iterable<Range>));
    if (ranges.length > 0) {
      ranges.sort(
        (a, b) => a.compareBoundaryPoints(Range.START_TO_START, b) || b.compareBoundaryPoints(Range.END_TO_END, a),
      );
      return ranges.map((range) => range.toString());
    }
    // Fallback marks: a flag's first mark in document order stands for it (an enclosing flag's comes first).
    const texts = new Map<string, string>();
    for (const mark of document.querySelectorAll('unspun-mark[data-unspun-flag]')) {
      const id = mark.getAttribute('data-unspun-flag')!;
      if (!kinds.includes(mark.getAttribute('data-unspun-kind') ?? '')) continue;
      texts.set(id, (texts.get(id) ?? '') + (mark.textContent ?? ''));
    }
    return [...texts.values()];
  });
}

/** The text under the focus ring (the flag whose card is open), from either highlighting mechanism. */
function focusedFlagText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const ranges = [...((CSS.highlights?.get('unspun-focus') ?? []) as Iterable<Range>)];
    if (ranges.length > 0) return ranges.map((range) => range.toString()).join('');
    return [...document.querySelectorAll('unspun-mark[data-unspun-focus]')].map((mark) => mark.textContent).join('');
  });
}

interface CardState {
  /** How many card hosts (`<unspun-card>`) are in the page. */
  hosts: number;
  /** Whether page scripts can reach the card's shadow root (they must not: it is closed). */
  rootVisibleToPage: boolean;
  /** Whether a card is on screen (rendered elements with a non-empty box). */
  open: boolean;
  /** The card's visible text. */
  text: string;
  /** Accessible text of the focused element inside the card (its label or text), '' when focus is elsewhere. */
  focused: string;
}

/** Reads the card in its closed shadow root, as rendered, over WebDriver BiDi. */
async function readCard(page: Page): Promise<CardState> {
  const hosts = await page.evaluate(() => [...document.querySelectorAll('unspun-card')].map((host) => host.shadowRoot !== null));
  const rendered = await callWithShadowRoots(page, 'unspun-card', (roots) => {
    for (const root of roots) {
      const visible = [...root.querySelectorAll('*')].filter((element) => {
        if (['STYLE', 'SCRIPT', 'LINK', 'HTML', 'HEAD', 'BODY'].includes(element.tagName)) return false;
        const box = element.getBoundingClientRect();
        return box.width > 0 && box.height > 0 && element.checkVisibility({ visibilityProperty: true, opacityProperty: true });
      });
      if (visible.length === 0) continue;
      const outermost = visible.filter((element) => !visible.some((other) => other !== element && other.contains(element)));
      const active = root.activeElement as HTMLElement | null;
      return {
        open: true,
        text: outermost.map((element) => (element as HTMLElement).innerText).join('\n'),
        focused: active ? (active.getAttribute('aria-label') ?? active.innerText ?? '').trim() : '',
      };
    }
    return { open: false, text: '', focused: '' };
  });
  return { hosts: hosts.length, rootVisibleToPage: hosts.some(Boolean), ...rendered };
}

/**
 * The explanation the card should show for `word` in `sentence`: the built-in rule the analysis
 * core picks for it (all packs are on by default), read from the packs rather than copied here.
 */
function explanationFor(sentence: string, word: string): string {
  const compiled = compilePacks(BUILTIN_PACKS);
  const flag = analyzeText(sentence, compiled).flags.find((flag) => flag.text === word);
  if (!flag) throw new Error(`the core flags no "${word}" in "${sentence}"`);
  const found = findRule(BUILTIN_PACKS, flag.packId, flag.ruleId);
  if (!found) throw new Error(`no built-in rule ${flag.packId}/${flag.ruleId}`);
  return found.rule.explanation;
}

describe.runIf(firefoxPath)('in Firefox, on a news article', () => {
  let firefox: LaunchedFirefox;
  let server: StaticServer;
  let page: Page;
  const pageErrors: string[] = [];
  let articleUrl: string;

  beforeAll(async () => {
    server = await startStaticServer({ root: FIXTURE_PAGES });
    firefox = await launchFirefox();
    page = await firefox.browser.newPage();
    page.on('pageerror', (error) => pageErrors.push(`uncaught: ${String(error)}`));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(`console: ${message.text()} (${message.location().url ?? ''})`);
    });
    articleUrl = server.url('article.html');
    await page.goto(articleUrl);
  });

  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });

  it('highlights the loaded terms, the vague attribution, the scare quote and the unsourced claim', async () => {
    await expect
      .poll(async () => (await readPainted(page)).byKind['unsourced-assertion'], { timeout: 20_000, interval: 200 })
      .toContain('The project will obviously destroy the character of the waterfront.');
    const painted = await readPainted(page);
    expect(painted.byKind['loaded-term']).toEqual(expect.arrayContaining(['slammed', 'reckless']));
    expect(painted.byKind['vague-attribution'].join(' | ')).toMatch(/Critics say/);
    expect(painted.byKind['scare-quote'].join(' | ')).toMatch(/renewal/);
    // Firefox has had the CSS Custom Highlight API since 140: there the page's DOM stays untouched.
    const major = Number((await firefox.browser.version()).match(/firefox\/(\d+)/i)?.[1]);
    if (major >= 140) expect(painted.api).toBe('highlights');
  });

  it('does not mark attributed statements as unsourced claims, and paints nothing outside the article body', async () => {
    const painted = await readPainted(page);
    expect(Object.values(painted.byKind).flat().length).toBeGreaterThan(0);
    const unsourced = painted.byKind['unsourced-assertion'].join(' | ');
    expect(unsourced).not.toMatch(/According to a report/);
    expect(unsourced).not.toMatch(/Mayor Elena Ruiz said/);
    expect(await paintedOutside(page, '#story')).toEqual([]);
  });

  it("clicking a highlighted word opens a card with the rule's explanation, out of the page scripts' reach", async () => {
    expect((await readCard(page)).open).toBe(false);
    const point = await pointOf(page, 'loaded-term', 'slammed');
    await page.mouse.click(point.x, point.y);
    await expect.poll(async () => (await readCard(page)).open, { timeout: 10_000, interval: 100 }).toBe(true);
    const card = await readCard(page);
    expect(card.hosts).toBe(1);
    expect(card.rootVisibleToPage).toBe(false);
    expect(card.text).toContain('slammed');
    expect(card.text).toContain(KIND_LABELS['loaded-term']);
    expect(card.text).toContain(explanationFor('Opponents slammed the decision as a reckless handout to developers.', 'slammed'));
  });

  it('Esc closes the card', async () => {
    expect((await readCard(page)).open).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await readCard(page)).open, { timeout: 10_000, interval: 100 }).toBe(false);
  });

  it('the card works from the keyboard: it takes focus, Tab reaches "Next", Enter moves to the next flag', async () => {
    const inPageOrder = await paintedInPageOrder(page);
    const following = inPageOrder[inPageOrder.indexOf('slammed') + 1];
    const point = await pointOf(page, 'loaded-term', 'slammed');
    await page.mouse.click(point.x, point.y);
    await expect.poll(async () => (await readCard(page)).open, { timeout: 10_000, interval: 100 }).toBe(true);
    let card = await readCard(page);
    expect(card.focused).not.toBe('');
    for (let presses = 0; presses < 20 && !/^Next/.test(card.focused); presses++) {
      await page.keyboard.press('Tab');
      card = await readCard(page);
    }
    expect(card.focused).toMatch(/^Next/);
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedFlagText(page), { timeout: 10_000, interval: 100 }).toBe(following);
    await expect.poll(async () => (await readCard(page)).text, { timeout: 10_000, interval: 100 }).toContain(following);
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await readCard(page)).open, { timeout: 10_000, interval: 100 }).toBe(false);
  });

  it('highlights a paragraph the page adds to the article after load', async () => {
    await page.evaluate(() => {
      const added = document.createElement('p');
      added.id = 'p-added';
      added.textContent = 'Late on Tuesday, protesters called the vote a witch hunt against the old harbour traders.';
      document.getElementById('story')!.append(added);
    });
    await expect
      .poll(async () => (await readPainted(page)).byKind['loaded-term'], { timeout: 15_000, interval: 200 })
      .toContain('witch hunt');
    expect(await paintedOutside(page, '#story')).toEqual([]);
  });

  describe('the popup for the article tab', () => {
    let popup: Page;

    beforeAll(async () => {
      // The add-on has no `tabs` permission, so tab URLs are unknown to it: ask each tab's
      // content script for its report, as the end-to-end tests for Chromium do.
      const lookup = await firefox.openExtensionPage('options.html');
      const tabId = await lookup.evaluate(async (url) => {
        const { tabs } = (globalThis as any).browser;
        for (const tab of await tabs.query({})) {
          const report = await tabs.sendMessage(tab.id, { type: 'get-report' }).catch(() => undefined);
          if (report?.url === url) return tab.id as number;
        }
        return -1;
      }, articleUrl);
      await lookup.close();
      expect(tabId).toBeGreaterThanOrEqual(0);
      popup = await firefox.openExtensionPage(`popup.html?tabId=${tabId}`);
      await popup.setViewport({ width: 380, height: 700 });
    });

    it('lists every flag painted on the page', async () => {
      const painted = await paintedInPageOrder(page);
      await expect
        .poll(() => popup.evaluate(() => document.querySelectorAll('.flag-list button').length), { timeout: 10_000 })
        .toBe(painted.length);
      const listed = await popup.evaluate(() => (document.querySelector('.flag-list') as HTMLElement).innerText);
      for (const text of painted) expect(listed).toContain(text);
    });

    it('clicking a flag in the popup opens its card on the page', async () => {
      const buttons = await popup.$$('.flag-list button');
      const marked = await Promise.all(buttons.map((button) => button.evaluate((element) => element.querySelector('mark')?.textContent)));
      const button = buttons[marked.indexOf('Critics say')];
      if (!button) throw new Error(`the popup lists no flag reading "Critics say" (it lists ${marked.join(', ')})`);
      await button.click();
      await expect.poll(() => focusedFlagText(page), { timeout: 10_000, interval: 100 }).toBe('Critics say');
      await expect.poll(async () => (await readCard(page)).text, { timeout: 10_000, interval: 100 }).toContain('Critics say');
      await page.keyboard.press('Escape');
    });
  });

  it('raised no error, in the page or in the background, and made no network request beyond the page itself', () => {
    expect(pageErrors).toEqual([]);
    expect(firefox.consoleErrors).toEqual([]);
    // The page loads nothing but itself; Firefox may ask for the favicon. Anything else on the
    // local server was fetched by the add-on.
    expect(server.requestedPaths.filter((path) => path !== '/article.html' && path !== '/favicon.ico')).toEqual([]);
    // Every other host goes through the recording proxy, the add-on's background page included.
    expect(firefox.externalRequests).toEqual([]);
  });
});

// Without Firefox the skip is reported with its reason instead of passing silently.
if (!firefoxPath) {
  console.warn(`tests/e2e/firefox.test.ts skipped: ${FIREFOX_MISSING}`);
  it.skip(`in Firefox: skipped, ${FIREFOX_MISSING}`, () => undefined);
}
