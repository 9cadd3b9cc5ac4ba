/**
 * `npm run demo`: builds the extension, opens the bundled sample article in Chromium with the
 * extension loaded (headed when a display exists, headless otherwise), clicks the first highlight
 * and saves screenshots of the page with the card open and of the popup for that tab.
 *
 *   npm run demo              build, then run
 *   npm run demo -- --no-build   reuse .output/chrome-mv3
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KIND_LABELS } from '../core/labels';
import type { FlagKind } from '../core/flag';
import { launchChromium } from './lib/launch-chromium';
import { startStaticServer } from './lib/static-server';
import {
  firstHighlightPoint,
  openPopup,
  waitForCard,
  waitForReport,
  waitForTab,
} from './lib/extension-page';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUTPUT_DIR = resolve(REPO_ROOT, 'demo-output');

async function main(): Promise<void> {
  if (!process.argv.includes('--no-build')) {
    const build = spawnSync('npm', ['run', 'build'], { cwd: REPO_ROOT, stdio: 'inherit' });
    if (build.status !== 0) throw new Error(`npm run build failed (exit ${build.status})`);
  }
  mkdirSync(OUTPUT_DIR, { recursive: true });

  const server = await startStaticServer({ root: resolve(REPO_ROOT, 'demo') });
  const headed = Boolean(process.env.DISPLAY);
  const browser = await launchChromium({ headed, viewport: { width: 1280, height: 860 } });
  try {
    const page = await browser.context.newPage();
    const articleUrl = server.url('sample-article.html');
    await page.goto(articleUrl);
    const tabId = await waitForTab(browser, articleUrl);
    const report = await waitForReport(browser, tabId, (report) => report.analyzed);
    if (report.flags.length === 0) throw new Error('the extension found no flags on the sample article');

    // The reader's first gesture: click the first highlighted phrase and read the card.
    const cdp = await browser.context.newCDPSession(page);
    const point = await firstHighlightPoint(page);
    await page.mouse.click(point.x, point.y);
    await waitForCard(page, cdp, (card) => card.open);
    const pageShot = resolve(OUTPUT_DIR, 'page-with-card.png');
    await page.screenshot({ path: pageShot });

    const popup = await openPopup(browser, tabId);
    // The popup lists the page's flags once it has the report; wait for the first one to show.
    await popup.getByText(report.flags[0].text.slice(0, 40), { exact: false }).first().waitFor({ timeout: 10_000 });
    const popupShot = resolve(OUTPUT_DIR, 'popup.png');
    await popup.screenshot({ path: popupShot, fullPage: true });

    const counts = new Map<FlagKind, number>();
    for (const flag of report.flags) counts.set(flag.kind, (counts.get(flag.kind) ?? 0) + 1);
    const summary = [...counts].map(([kind, count]) => `${KIND_LABELS[kind]} ${count}`).join(', ');
    console.log(`\nPage with card: ${pageShot}\nPopup:          ${popupShot}`);
    console.log(`${report.flags.length} flags in ${report.words} words (${summary})`);
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
