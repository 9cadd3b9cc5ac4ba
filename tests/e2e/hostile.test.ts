/**
 * Hostile input stays inert: page text that looks like markup, a pack whose explanation is HTML,
 * a pack with a 10,000-character phrase, and malformed JSON. Nothing executes, nothing becomes
 * markup, bad packs are refused with an error that says where, and nothing is stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  exposeCardRoots,
  highlightPoint,
  openPopup,
  readStorage,
  startSession,
  waitForCard,
  waitForReport,
  type Session,
} from './helpers';

let session: Session;
const dialogs: string[] = [];

beforeAll(async () => {
  session = await startSession();
  // An executed payload would most visibly open a dialog; record any, from any page.
  session.browser.context.on('page', (page) => page.on('dialog', (dialog) => dialogs.push(dialog.message())));
});

afterAll(async () => {
  await session?.close();
});

/** Whether any payload ran in the page's main world, and any element it would have created. */
async function payloadTraces(page: Page): Promise<{ pwned: unknown; injected: number }> {
  return page.evaluate(() => ({
    pwned: (window as any).__unspunPwned,
    injected: document.querySelectorAll('img[src="x"], #story script, b.injected').length,
  }));
}

function validPack(explanation: string, phrase = 'harbour barons') {
  return {
    id: 'e2e-hostile',
    name: 'E2E hostile explanations',
    description: 'A pack imported by the end-to-end tests.',
    version: '1.0.0',
    language: 'en',
    rules: [
      {
        id: 'harbour-barons',
        kind: 'loaded-term',
        category: 'name-calling',
        phrases: [phrase],
        severity: 'high',
        explanation,
        reference: { title: 'Test reference', url: 'https://example.org/reference' },
        examples: { flag: ['The harbour barons won again.'], pass: ['The harbour owners won again.'] },
      },
    ],
  };
}

async function openOptions(): Promise<Page> {
  const options = await session.browser.context.newPage();
  await options.goto(`chrome-extension://${session.browser.extensionId}/options.html`);
  await options.getByLabel('Import a rule pack (JSON file)').waitFor({ state: 'attached' });
  return options;
}

async function importFile(options: Page, name: string, text: string): Promise<void> {
  await options.getByLabel('Import a rule pack (JSON file)').setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
}

describe('page text that looks like markup', () => {
  it('is analyzed and shown as text: nothing executes in the page, the card or the popup', async () => {
    const { page, tabId, cdp, errors } = await session.openFixture('hostile.html');
    const report = await waitForReport(session.browser, tabId, (report) => report.analyzed && report.flags.length > 0);
    const onImgParagraph = report.flags.find((flag) => flag.sentence.includes('<img src=x'));
    expect(onImgParagraph, 'a flag in the sentence that contains the <img> text').toBeDefined();

    const point = await highlightPoint(page, 'unspun-loaded-term', onImgParagraph!.text);
    await page.mouse.click(point.x, point.y);
    await waitForCard(page, cdp, (card) => card.open);

    const popup = await openPopup(session.browser, tabId);
    const listed = popup.locator('.flag-list');
    await expect.poll(() => listed.innerText()).toContain('<img src=x onerror=');
    expect(await popup.locator('img[src="x"], .flag-list script').count()).toBe(0);
    expect(await popup.evaluate(() => (window as any).__unspunPwned)).toBeUndefined();
    await popup.close();

    expect(await payloadTraces(page)).toEqual({ pwned: undefined, injected: 0 });
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('imported packs', () => {
  it('refuses malformed JSON with a clear error and stores nothing', async () => {
    const options = await openOptions();
    await importFile(options, 'broken.json', '{ "id": "broken", "rules": [ ');
    const alert = options.getByRole('alert');
    await expect.poll(() => alert.innerText()).toMatch(/broken\.json was not imported/);
    expect(await alert.innerText()).toMatch(/not valid JSON/);
    expect(await readStorage(session.browser, 'importedPacks')).toBeUndefined();
    await options.close();
  });

  it('refuses a pack with a 10,000-character phrase, naming the phrase by its JSON path', async () => {
    const options = await openOptions();
    const pack = validPack('A made-up label for the owners of the harbour.', 'harbour '.repeat(1251).trim());
    expect(pack.rules[0].phrases[0].length).toBeGreaterThanOrEqual(10_000);
    await importFile(options, 'long-phrase.json', JSON.stringify(pack));
    const alert = options.getByRole('alert');
    await expect.poll(() => alert.innerText()).toMatch(/long-phrase\.json was not imported/);
    expect(await alert.innerText()).toContain('rules[0].phrases[0]');
    expect(await alert.innerText()).toMatch(/at most 120 characters/);
    expect(await readStorage(session.browser, 'importedPacks')).toBeUndefined();
    await options.close();
  });

  it('shows an explanation that contains HTML literally in the card, never as markup', async () => {
    const explanation =
      '<img src=x onerror="window.__unspunPwned=\'pack\'"><b class="injected">Bold claim</b> is a made-up label for harbour owners.';
    const options = await openOptions();
    await importFile(options, 'hostile-pack.json', JSON.stringify(validPack(explanation)));
    await expect.poll(() => options.getByRole('status').first().innerText()).toMatch(/Imported/);
    const stored = (await readStorage(session.browser, 'importedPacks')) as Array<{ id: string }>;
    expect(stored.map((pack) => pack.id)).toEqual(['e2e-hostile']);
    await options.close();

    const { page, tabId, cdp, errors } = await session.openFixture('hostile.html');
    await waitForReport(session.browser, tabId, (report) => report.flags.some((flag) => flag.packId === 'e2e-hostile'));
    const point = await highlightPoint(page, 'unspun-loaded-term', /harbour barons/i);
    await page.mouse.click(point.x, point.y);
    const card = await waitForCard(page, cdp, (card) => card.open && card.text.includes('Bold claim'));
    expect(card.text).toContain('<b class="injected">Bold claim</b>');
    expect(card.text).toContain('<img src=x onerror=');

    await exposeCardRoots(page, cdp);
    const inCard = await page.evaluate(() => {
      const root = document.querySelector('unspun-card')!.shadowRoot!;
      return root.querySelectorAll('img[src="x"], b.injected, script').length;
    });
    expect(inCard).toBe(0);
    expect(await payloadTraces(page)).toEqual({ pwned: undefined, injected: 0 });
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('made no network request and logged no error in the service worker while doing all this', () => {
    expect(session.workerErrors).toEqual([]);
    expect(session.requests.byExtension(session.opened)).toEqual([]);
    expect(session.browser.externalRequests.map((request) => request.url())).toEqual([]);
  });
});
