/**
 * What the end-to-end tests share beyond `scripts/lib/extension-page.ts` (re-exported here):
 * one browser and server per test file, the extension's errors and network requests, and where
 * the fixtures and the shared corpus are. Everything reads state the browser really has; nothing
 * talks to extension code except through the messages the popup and keyboard commands use.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, CDPSession, Page, Request } from 'playwright-core';
import { launchChromium, type LaunchedChromium } from '../../scripts/lib/launch-chromium';
import { startStaticServer, type StaticServer } from '../../scripts/lib/static-server';
import { waitForTab } from '../../scripts/lib/extension-page';
import { sharedDirectoryPath } from '../../scripts/shared-directory';

export * from '../../scripts/lib/extension-page';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURE_PAGES = resolve(REPO_ROOT, 'tests/fixtures/pages');
export const CORPUS_PAGES = resolve(sharedDirectoryPath(), 'corpus/pages');

/** Errors the extension caused on a page: uncaught exceptions and console errors from its scripts. */
export function collectExtensionErrors(page: Page, extensionId: string): string[] {
  const errors: string[] = [];
  const origin = `chrome-extension://${extensionId}`;
  page.on('pageerror', (error) => {
    if (`${error.stack ?? ''}${error.message}`.includes(origin)) errors.push(`uncaught: ${error.stack ?? error.message}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error' && (message.location().url.startsWith(origin) || message.text().includes(origin))) {
      errors.push(`console: ${message.text()}`);
    }
  });
  return errors;
}

/** Console errors logged by the extension's service worker (across restarts of the worker). */
export function collectServiceWorkerErrors(browser: LaunchedChromium): string[] {
  const errors: string[] = [];
  const origin = `chrome-extension://${browser.extensionId}/`;
  browser.context.on('console', (message) => {
    if (message.type() === 'error' && message.worker()?.url().startsWith(origin)) errors.push(`service worker: ${message.text()}`);
  });
  return errors;
}

/**
 * Records every request made in the browser and tells which ones the extension made: from its
 * service worker, from its own pages (popup, options), or (on pages we serve ourselves, which
 * load nothing but themselves) any request that is not the page or the browser's favicon probe.
 */
export class RequestLog {
  readonly requests: Array<{ url: string; fromWorker: boolean; frameUrl: string; resourceType: string }> = [];

  constructor(context: BrowserContext) {
    context.on('request', (request: Request) => {
      let frameUrl = '';
      try {
        frameUrl = request.frame().url();
      } catch {
        // Requests from a service worker have no frame.
      }
      this.requests.push({
        url: request.url(),
        fromWorker: request.serviceWorker() !== null,
        frameUrl,
        resourceType: request.resourceType(),
      });
    });
  }

  /** Network requests (http, https, ws) the extension made, given the page URLs the test itself opened. */
  byExtension(openedUrls: string[]): string[] {
    const opened = new Set(openedUrls);
    return this.requests
      .filter(({ url }) => /^(https?|wss?):/.test(url))
      .filter(({ url, fromWorker, frameUrl }) => {
        if (fromWorker || frameUrl.startsWith('chrome-extension://')) return true;
        const path = new URL(url).pathname;
        return !opened.has(url) && path !== '/favicon.ico';
      })
      .map(({ url, resourceType }) => `${resourceType} ${url}`);
  }
}

/** True when the shared corpus is present; under CI its absence is an error, elsewhere the caller skips. */
export function corpusAvailable(): boolean {
  if (existsSync(CORPUS_PAGES)) return true;
  if (process.env.CI === 'true') throw new Error(`CI=true but the shared corpus is missing at ${CORPUS_PAGES}`);
  return false;
}

export interface Session {
  browser: LaunchedChromium;
  server: StaticServer;
  requests: RequestLog;
  /** Page URLs the test opened itself (everything else on the local server was fetched by someone else). */
  opened: string[];
  /** Errors the service worker logged during the session. */
  workerErrors: string[];
  /** Opens a fixture page in a new tab and waits until its content script answers; returns the page and its tab id. */
  openFixture(name: string): Promise<{ page: Page; tabId: number; url: string; cdp: CDPSession; errors: string[] }>;
  close(): Promise<void>;
}

/** One browser with the built extension and one local server for a whole test file (CI has two cores). */
export async function startSession(): Promise<Session> {
  const server = await startStaticServer({ root: FIXTURE_PAGES });
  const browser = await launchChromium();
  const requests = new RequestLog(browser.context);
  const opened: string[] = [];
  const workerErrors = collectServiceWorkerErrors(browser);
  return {
    browser,
    server,
    requests,
    opened,
    workerErrors,
    async openFixture(name) {
      const page = await browser.context.newPage();
      const errors = collectExtensionErrors(page, browser.extensionId!);
      const url = server.url(name);
      opened.push(url);
      await page.goto(url);
      const tabId = await waitForTab(browser, url);
      const cdp = await browser.context.newCDPSession(page);
      return { page, tabId, url, cdp, errors };
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}
