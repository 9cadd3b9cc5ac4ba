/**
 * axe-core on what the extension shows: the popup, the options page and an open card. The card
 * lives in a closed shadow root, which axe cannot enter by itself; the test exposes that root to
 * the main world through DevTools (see `exposeCardRoots`) so axe checks the real, styled card.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Result } from 'axe-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  exposeCardRoots,
  highlightPoint,
  openPopup,
  startSession,
  waitForCard,
  waitForReport,
  type Session,
} from './helpers';

let session: Session;

beforeAll(async () => {
  session = await startSession();
});

afterAll(async () => {
  await session?.close();
});

/** Serious and critical violations, each as "rule-id (impact): target — summary". */
function seriousViolations(violations: Result[]): string[] {
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) =>
      violation.nodes.map(
        (node) => `${violation.id} (${violation.impact}): ${JSON.stringify(node.target)} — ${node.failureSummary}`,
      ),
    );
}

describe('accessibility (axe-core)', () => {
  it('the options page has no serious or critical violations', async () => {
    const options = await session.browser.context.newPage();
    await options.goto(`chrome-extension://${session.browser.extensionId}/options.html`);
    await options.getByLabel('Import a rule pack (JSON file)').waitFor({ state: 'attached' });
    const results = await new AxeBuilder({ page: options }).analyze();
    expect(results.passes.length).toBeGreaterThan(0);
    expect(seriousViolations(results.violations)).toEqual([]);
    await options.close();
  });

  describe('with an article open', () => {
    let article: Page;
    let tabId: number;

    beforeAll(async () => {
      const opened = await session.openFixture('article.html');
      article = opened.page;
      tabId = opened.tabId;
      await waitForReport(session.browser, tabId, (report) => report.analyzed && report.flags.length > 0);
    });

    it('the popup with a page report has no serious or critical violations', async () => {
      const popup = await openPopup(session.browser, tabId);
      await popup.locator('.flag-list button').first().waitFor();
      const results = await new AxeBuilder({ page: popup }).analyze();
      expect(results.passes.length).toBeGreaterThan(0);
      expect(seriousViolations(results.violations)).toEqual([]);
      await popup.close();
    });

    it('an open card has no serious or critical violations', async () => {
      const cdp = await session.browser.context.newCDPSession(article);
      const point = await highlightPoint(article, 'unspun-loaded-term', /./);
      await article.mouse.click(point.x, point.y);
      await waitForCard(article, cdp, (card) => card.open);
      expect(await exposeCardRoots(article, cdp)).toBe(1);
      const results = await new AxeBuilder({ page: article }).include('unspun-card').analyze();
      // Proof that axe looked inside the card, not just at its empty host: a node inside a shadow
      // root has a target of the form [["unspun-card", "selector inside"]].
      const checkedInside = results.passes
        .flatMap((pass) => pass.nodes)
        .filter((node) => Array.isArray(node.target[0]));
      expect(checkedInside.length).toBeGreaterThan(0);
      expect(seriousViolations(results.violations)).toEqual([]);
    });
  });
});
