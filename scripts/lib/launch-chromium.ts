/**
 * Launches the system Chromium with the built extension loaded, for end-to-end tests, the demo
 * and the browser benchmark.
 *
 * ```ts
 * const browser = await launchChromium({ extensionDir: '.output/chrome-mv3' });
 * const page = await browser.context.newPage();
 * console.log(browser.extensionId);          // from the service worker URL
 * console.log(browser.externalRequests);     // requests to hosts other than 127.0.0.1 (all aborted)
 * await browser.close();                     // closes Chromium and deletes the profile
 * ```
 *
 * Pass `extensionDir: null` for the same browser without the extension (baselines).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Request, type Worker } from 'playwright-core';

/**
 * Where the built Chrome extension lives (`npm run build`). `$UNSPUN_EXTENSION_DIR` points
 * elsewhere, e.g. at a copy of a build that a concurrent `npm run build` cannot change mid-run.
 */
export const DEFAULT_EXTENSION_DIR =
  process.env.UNSPUN_EXTENSION_DIR ?? resolve(dirname(fileURLToPath(import.meta.url)), '../../.output/chrome-mv3');

/**
 * Debian's `/usr/bin/chromium` is a shell wrapper that adds its own flags; the real binary is
 * preferred so the flags below are exactly the ones Chromium runs with.
 */
const CHROMIUM_CANDIDATES = ['/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** Returns the Chromium binary: `$CHROMIUM_PATH` when set, otherwise the first system install found. */
export function findChromium(): string {
  const fromEnvironment = process.env.CHROMIUM_PATH;
  if (fromEnvironment) {
    if (!existsSync(fromEnvironment)) throw new Error(`CHROMIUM_PATH=${fromEnvironment} does not exist`);
    return fromEnvironment;
  }
  const found = CHROMIUM_CANDIDATES.find((candidate) => existsSync(candidate));
  if (!found) {
    throw new Error(
      `Chromium not found (tried ${CHROMIUM_CANDIDATES.join(', ')}). Install it (apt-get install chromium) or set CHROMIUM_PATH.`,
    );
  }
  return found;
}

/**
 * Flags that keep Chromium quiet and deterministic: no first-run UI, no background downloads,
 * no sync, no component updates, so the only network traffic is what the page and the
 * extension cause.
 */
const QUIET_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface LaunchOptions {
  /** Unpacked extension to load; `null` launches without any extension. Default: `DEFAULT_EXTENSION_DIR`. */
  extensionDir?: string | null;
  /** Default: headless unless `headed` is true. */
  headed?: boolean;
  viewport?: { width: number; height: number };
}

export interface LaunchedChromium {
  context: BrowserContext;
  /** The extension's id, read from its service worker URL; `null` without an extension. */
  extensionId: string | null;
  /** The extension's service worker (to call `chrome.*` APIs from tests); `null` without an extension. */
  serviceWorker: Worker | null;
  /** Every request the browser attempted to a host other than 127.0.0.1; each was aborted. */
  externalRequests: Request[];
  close(): Promise<void>;
}

/** True for URLs the browser may fetch during a local test: the local server and browser-internal schemes. */
export function isLocalUrl(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  if (protocol === 'http:' || protocol === 'https:' || protocol === 'ws:' || protocol === 'wss:') {
    return hostname === '127.0.0.1';
  }
  // chrome-extension:, data:, blob:, about: never leave the machine.
  return true;
}

/**
 * Launches Chromium with a fresh profile. Every request to a host other than 127.0.0.1 is aborted
 * (pages from the corpus carry trackers and ads; tests must never reach the internet) and recorded
 * in `externalRequests`.
 */
export async function launchChromium(options: LaunchOptions = {}): Promise<LaunchedChromium> {
  const extensionDir = options.extensionDir === undefined ? DEFAULT_EXTENSION_DIR : options.extensionDir;
  if (extensionDir && !existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionDir}: run \`npm run build\` first.`);
  }
  const userDataDir = mkdtempSync(join(tmpdir(), 'unspun-chromium-'));
  const args = [...QUIET_FLAGS];
  if (extensionDir) args.push(`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`);

  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: findChromium(),
      headless: !options.headed,
      args,
      // Playwright disables extensions by default; keep its other defaults.
      ignoreDefaultArgs: extensionDir ? ['--disable-extensions'] : [],
      viewport: options.viewport ?? { width: 1280, height: 900 },
    });
  } catch (error) {
    rmSync(userDataDir, { recursive: true, force: true });
    throw error;
  }

  const externalRequests: Request[] = [];
  await context.route(
    (url) => !isLocalUrl(url.href),
    async (route) => {
      externalRequests.push(route.request());
      await route.abort('blockedbyclient');
    },
  );

  let serviceWorker: Worker | null = null;
  let extensionId: string | null = null;
  if (extensionDir) {
    serviceWorker =
      context.serviceWorkers().find((worker) => worker.url().startsWith('chrome-extension://')) ??
      (await context.waitForEvent('serviceworker', {
        predicate: (worker) => worker.url().startsWith('chrome-extension://'),
        timeout: 30_000,
      }));
    extensionId = new URL(serviceWorker.url()).host;
  }

  return {
    context,
    extensionId,
    serviceWorker,
    externalRequests,
    async close() {
      await context.close().catch(() => undefined);
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
