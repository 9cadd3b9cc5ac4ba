/**
 * The popup and options page against a real tab: the flag list, jumping to a flag, rule-set and
 * site switches that change the page live and persist, "Analyze this page" on non-articles, and
 * no network traffic from any part of the extension.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { BUILTIN_PACKS } from '../../core/builtin-packs';
import type { PageReport } from '../../utils/messages';
import {
  allHighlightedText,
  extensionWorker,
  getReport,
  openPopup,
  readHighlights,
  readSettings,
  startSession,
  waitForCard,
  waitForReport,
  waitForTab,
  type Session,
} from './helpers';

let session: Session;
let page: Page;
let cdp: CDPSession;
let tabId: number;
let report: PageReport;
let errors: string[];

beforeAll(async () => {
  session = await startSession();
  ({ page, cdp, tabId, errors } = await session.openFixture('article.html'));
  report = await waitForReport(session.browser, tabId, (report) => report.analyzed && report.flags.length > 0);
});

afterAll(async () => {
  await session?.close();
});

/** A pack that produced a flag on the article, with the texts of its flags. */
function packOnPage(): { id: string; name: string; texts: string[] } {
  const packId = report.flags.find((flag) => flag.kind === 'loaded-term')?.packId ?? report.flags[0].packId;
  const pack = BUILTIN_PACKS.find((pack) => pack.id === packId)!;
  return { id: pack.id, name: pack.name, texts: report.flags.filter((flag) => flag.packId === packId).map((flag) => flag.text) };
}

describe('the popup for an article tab', () => {
  let popup: Page;

  beforeAll(async () => {
    popup = await openPopup(session.browser, tabId);
  });

  it('lists the flags of the page, each with its sentence', async () => {
    const list = popup.locator('.flag-list');
    await expect.poll(() => list.locator('button').count()).toBe(report.flags.length);
    const listed = await list.innerText();
    for (const flag of report.flags) {
      const words = flag.kind === 'unsourced-assertion' && flag.trigger ? flag.trigger.text : flag.text;
      expect(listed).toContain(words);
      expect(listed).toContain(flag.sentence);
    }
  });

  it('clicking a flag scrolls the page to it and opens its card', async () => {
    // A short window, so the last flag starts out below the fold and has to be scrolled to.
    await page.setViewportSize({ width: 1280, height: 320 });
    await page.evaluate(() => window.scrollTo(0, 0));
    const last = [...report.flags].sort((a, b) => b.start - a.start)[0];
    const words = last.kind === 'unsourced-assertion' && last.trigger ? last.trigger.text : last.text;
    // The button whose flagged words (not merely its sentence) are this flag's.
    await popup
      .locator('.flag-list button')
      .filter({ has: popup.locator('mark').getByText(words, { exact: true }) })
      .first()
      .click();
    await expect.poll(async () => (await readHighlights(page))['unspun-focus'].join('')).toBe(last.text);
    const focusInView = await page.evaluate(() => {
      const range = [...(CSS.highlights.get('unspun-focus') as Iterable<Range>)][0];
      const box = range.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= window.innerHeight;
    });
    expect(focusInView).toBe(true);
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    await waitForCard(page, cdp, (card) => card.open && card.text.includes(last.text.slice(0, 30)));
    await page.keyboard.press('Escape');
    await waitForCard(page, cdp, (card) => !card.open);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('switching a rule set off removes its highlights live, and the setting survives a reload', async () => {
    const pack = packOnPage();
    const painted = await allHighlightedText(page);
    expect(painted).toEqual(expect.arrayContaining(pack.texts));
    const otherFlags = report.flags.filter((flag) => flag.packId !== pack.id).length;

    await popup.getByRole('switch', { name: pack.name }).uncheck();
    await expect
      .poll(async () => (await allHighlightedText(page)).filter((text) => pack.texts.includes(text)))
      .toEqual([]);
    expect((await readSettings(session.browser))?.disabledPacks).toContain(pack.id);

    await page.reload();
    await waitForTab(session.browser, session.server.url('article.html'));
    const reloaded = await waitForReport(session.browser, tabId, (report) => report.analyzed);
    expect(reloaded.flags.filter((flag) => flag.packId === pack.id)).toEqual([]);
    expect(reloaded.flags.length).toBe(otherFlags);
    await popup.reload();
    await expect(popup.getByRole('switch', { name: pack.name }).isChecked()).resolves.toBe(false);

    await popup.getByRole('switch', { name: pack.name }).check();
    await expect
      .poll(async () => (await allHighlightedText(page)).filter((text) => pack.texts.includes(text)).length)
      .toBe(pack.texts.length);
  });

  it('"On this site" off clears every highlight and on brings them back', async () => {
    const site = popup.getByRole('switch', { name: /On this site/ });
    await expect(site.isChecked()).resolves.toBe(true);
    await site.uncheck();
    await expect.poll(async () => (await allHighlightedText(page)).length).toBe(0);
    expect((await readSettings(session.browser))?.disabledSites).toContain('127.0.0.1');
    await expect.poll(async () => (await getReport(session.browser, tabId)).siteEnabled).toBe(false);

    await site.check();
    await expect.poll(async () => (await allHighlightedText(page)).length).toBeGreaterThan(0);
    expect((await readSettings(session.browser))?.disabledSites).not.toContain('127.0.0.1');
  });

  afterAll(async () => {
    await popup?.close();
  });
});

describe('a page that is not an article', () => {
  it('gets no highlights until the reader asks with "Analyze this page"', async () => {
    const other = await session.openFixture('not-article.html');
    const before = await waitForReport(session.browser, other.tabId, () => true);
    expect(before).toMatchObject({ isArticle: false, analyzed: false });
    expect(await allHighlightedText(other.page)).toEqual([]);

    const popup = await openPopup(session.browser, other.tabId);
    await popup.getByRole('button', { name: 'Analyze this page' }).click();
    await expect.poll(async () => (await allHighlightedText(other.page)).length).toBeGreaterThan(0);
    const after = await getReport(session.browser, other.tabId);
    expect(after.analyzed).toBe(true);
    expect(after.flags.length).toBeGreaterThan(0);
    await popup.close();
    expect(other.errors).toEqual([]);
  });
});

describe('the options page', () => {
  it('opens and lists the built-in rule sets', async () => {
    const options = await session.browser.context.newPage();
    await options.goto(`chrome-extension://${session.browser.extensionId}/options.html`);
    for (const pack of BUILTIN_PACKS) {
      await options.getByText(pack.name, { exact: true }).first().waitFor();
    }
    await options.close();
  });
});

describe('network', () => {
  it('the extension made no network request: content script, service worker, popup and options page', () => {
    expect(errors).toEqual([]);
    expect(session.workerErrors).toEqual([]);
    expect(session.requests.byExtension(session.opened)).toEqual([]);
    expect(session.browser.externalRequests.map((request) => request.url())).toEqual([]);
    // The log really saw traffic: the pages themselves and the extension's own pages.
    expect(session.requests.requests.some((request) => request.url.startsWith('chrome-extension://'))).toBe(true);
    expect(session.requests.requests.some((request) => request.url.startsWith(session.server.origin))).toBe(true);
  });

  it('the request log would have seen a request from the service worker or an extension page (canary)', async () => {
    // Runs after the assertion above: proves the "no request" result is not blindness.
    const worker = await extensionWorker(session.browser);
    const fromWorker = session.server.url('canary-from-worker.txt');
    await worker.evaluate((url) => fetch(url).then((response) => response.status), fromWorker);
    const popup = await openPopup(session.browser, tabId);
    const fromPopup = session.server.url('canary-from-popup.txt');
    await popup.evaluate((url) => fetch(url).then((response) => response.status), fromPopup);
    await popup.close();
    const seen = session.requests.byExtension(session.opened).join('\n');
    expect(seen).toContain(fromWorker);
    expect(seen).toContain(fromPopup);
  });
});
