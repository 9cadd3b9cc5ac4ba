/**
 * Launches the system Firefox (stock ESR or release, no download) with the built Firefox add-on
 * installed, for end-to-end tests. Playwright cannot drive a stock Firefox, so this uses
 * puppeteer-core over WebDriver BiDi, which Firefox speaks natively (no geckodriver).
 *
 * ```ts
 * const firefox = await launchFirefox();             // .output/firefox-mv2, installed as a temporary add-on
 * const page = await firefox.browser.newPage();
 * console.log(firefox.extensionOrigin);              // moz-extension://<fixed uuid>
 * console.log(firefox.externalRequests);             // every attempt to reach a host other than 127.0.0.1 (all refused)
 * console.log(firefox.consoleErrors);                // the add-on's uncaught errors, console.error of pages and the add-on
 * await firefox.close();                             // closes Firefox and deletes the profile
 * ```
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { pollUntil } from './poll';

/** Where `npm run build:firefox` writes the add-on; `$UNSPUN_FIREFOX_EXTENSION_DIR` points elsewhere. */
export const DEFAULT_FIREFOX_EXTENSION_DIR =
  process.env.UNSPUN_FIREFOX_EXTENSION_DIR ??
  resolve(dirname(fileURLToPath(import.meta.url)), '../../.output/firefox-mv2');

const FIREFOX_CANDIDATES = ['/usr/bin/firefox-esr', '/usr/bin/firefox'];

/**
 * Returns the Firefox binary: `$FIREFOX_PATH` when set (an error if it does not exist: a typo
 * must not silently test another browser), otherwise the first system install found, otherwise
 * `undefined` so callers can decide between skipping and failing.
 */
export function findFirefox(): string | undefined {
  const fromEnvironment = process.env.FIREFOX_PATH;
  if (fromEnvironment) {
    if (!existsSync(fromEnvironment)) throw new Error(`FIREFOX_PATH=${fromEnvironment} does not exist`);
    return fromEnvironment;
  }
  return FIREFOX_CANDIDATES.find((candidate) => existsSync(candidate));
}

/** The message tests and scripts show when no Firefox is installed. */
export const FIREFOX_MISSING = `Firefox not found (tried $FIREFOX_PATH, ${FIREFOX_CANDIDATES.join(', ')}): apt-get install firefox-esr, or set FIREFOX_PATH.`;

/**
 * Preferences that keep Firefox from reaching the network on its own, so that whatever the
 * recording proxy sees was caused by the page or the add-on. puppeteer and Firefox's remote agent
 * set many of these already; they are repeated here so the guarantee does not depend on either.
 */
const QUIET_PREFERENCES: Record<string, string | number | boolean> = {
  // Telemetry, health report, studies and experiments.
  'toolkit.telemetry.enabled': false,
  'toolkit.telemetry.unified': false,
  'toolkit.telemetry.archive.enabled': false,
  'toolkit.telemetry.server': '',
  'datareporting.policy.dataSubmissionEnabled': false,
  'datareporting.healthreport.uploadEnabled': false,
  'app.normandy.enabled': false,
  'app.normandy.api_url': '',
  'app.shield.optoutstudies.enabled': false,
  'browser.ping-centre.telemetry': false,
  'browser.newtabpage.activity-stream.telemetry': false,
  'browser.newtabpage.activity-stream.feeds.telemetry': false,
  'browser.newtabpage.enabled': false,
  'browser.discovery.enabled': false,
  // Updates of Firefox, add-ons, system add-ons, media plugins (OpenH264 would be downloaded).
  'app.update.auto': false,
  'app.update.disabledForTesting': true,
  'extensions.update.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'extensions.systemAddon.update.enabled': false,
  'extensions.blocklist.enabled': false,
  'media.gmp-manager.updateEnabled': false,
  'media.gmp-gmpopenh264.enabled': false,
  'media.gmp-widevinecdm.enabled': false,
  // Remote settings (blocklists, certificate lists, translation models, search config): this
  // dummy URL makes Firefox skip all remote-settings activity, but release builds honour it only
  // with MOZ_DISABLE_NONLOCAL_CONNECTIONS=1 in the environment (see launchFirefox).
  'services.settings.server': 'data:,#remote-settings-dummy/v1',
  'browser.translations.enable': false,
  'browser.ml.enable': false,
  'browser.search.update': false,
  'browser.region.update.enabled': false,
  'browser.region.network.url': '',
  'browser.search.geoip.url': '',
  'geo.provider.network.url': '',
  // Connectivity probes, captive portal, push, DNS over HTTPS, Safe Browsing, accounts.
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'dom.push.connection.enabled': false,
  'network.trr.mode': 5,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'browser.safebrowsing.downloads.enabled': false,
  'browser.safebrowsing.downloads.remote.enabled': false,
  'browser.safebrowsing.blockedURIs.enabled': false,
  'browser.safebrowsing.provider.mozilla.updateURL': '',
  'browser.safebrowsing.provider.google4.updateURL': '',
  'identity.fxaccounts.enabled': false,
  'security.OCSP.enabled': 0,
  // Speculative connections and prefetching.
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
  'network.predictor.enabled': false,
  'network.http.speculative-parallel-limit': 0,
  'browser.urlbar.speculativeConnect.enabled': false,
  'browser.places.speculativeConnect.enabled': false,
  // No first-run pages or default-browser prompt.
  'browser.shell.checkDefaultBrowser': false,
  'browser.startup.homepage_override.mstone': 'ignore',
  'startup.homepage_welcome_url': 'about:blank',
  'browser.aboutwelcome.enabled': false,
  // Console calls of web pages and add-on pages (the background page too, which WebDriver BiDi
  // does not report) are printed on stdout, where launchFirefox reads the errors.
  'devtools.console.stdout.content': true,
};

/**
 * Sends every request to a host other than 127.0.0.1 to a local proxy that records and refuses
 * it: the Firefox counterpart of aborting such requests in Chromium. It also catches requests
 * the add-on's background page makes, which WebDriver BiDi does not report. Firefox never proxies
 * 127.0.0.1 (`network.proxy.allow_hijacking_localhost` stays false), so the test server is reached
 * directly.
 */
function proxyPreferences(port: number): Record<string, string | number | boolean> {
  return {
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': port,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': port,
    'network.proxy.share_proxy_settings': true,
    'network.proxy.no_proxies_on': '',
    'network.proxy.allow_hijacking_localhost': false,
    // Host names go to the proxy unresolved: no DNS lookup leaves the machine either.
    'network.proxy.socks_remote_dns': true,
  };
}

interface RecordingProxy {
  port: number;
  /** `GET http://host/path` for plain requests, `CONNECT host:443` for TLS and wss. */
  requests: string[];
  close(): Promise<void>;
}

async function startRecordingProxy(): Promise<RecordingProxy> {
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`);
    response.writeHead(403, { 'content-type': 'text/plain' });
    response.end('blocked by the Unspun test proxy');
  });
  server.on('connect', (request, socket) => {
    requests.push(`CONNECT ${request.url}`);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(0, '127.0.0.1', () => resolveListen());
  });
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}

export interface FirefoxLaunchOptions {
  /** Unpacked add-on to install; `null` launches without it. Default: `DEFAULT_FIREFOX_EXTENSION_DIR`. */
  extensionDir?: string | null;
  viewport?: { width: number; height: number };
}

export interface LaunchedFirefox {
  browser: Browser;
  /** The add-on's id (its gecko id), `null` without the add-on. */
  extensionId: string | null;
  /** `moz-extension://<uuid>`: the origin of the add-on's scripts and pages, `null` without the add-on. */
  extensionOrigin: string | null;
  /**
   * Every attempt (by anyone in the browser) to reach a host other than 127.0.0.1; each was
   * refused. A direct connection that bypassed the proxy appears as Firefox's fatal error line
   * (Firefox stops then, so the test fails there too).
   */
  externalRequests: string[];
  /**
   * Errors from the add-on and the pages, as Firefox prints them: uncaught exceptions in the
   * add-on's scripts (`JavaScript error: moz-extension://<uuid>/…`, background page included) and
   * every `console.error` of a web page or an add-on page (Firefox does not say which one logged it).
   */
  consoleErrors: string[];
  /** Opens one of the add-on's pages (e.g. `popup.html?tabId=3`) in a new tab, once its document has loaded. */
  openExtensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

/** Calls `onLine` for each complete line of `stream`, however the chunks are cut. */
function forEachLine(stream: NodeJS.ReadableStream | null | undefined, onLine: (line: string) => void): void {
  let pending = '';
  stream?.on('data', (chunk: Buffer | string) => {
    const lines = (pending + chunk.toString()).split('\n');
    pending = lines.pop() ?? '';
    lines.forEach(onLine);
  });
}

/**
 * Launches headless Firefox with a fresh profile and installs the add-on as a temporary add-on
 * (WebDriver BiDi `webExtension.install`, Firefox 138+), which loads an unsigned, unpacked
 * directory exactly as `about:debugging` does.
 */
export async function launchFirefox(options: FirefoxLaunchOptions = {}): Promise<LaunchedFirefox> {
  const extensionDir = options.extensionDir === undefined ? DEFAULT_FIREFOX_EXTENSION_DIR : options.extensionDir;
  const manifestPath = extensionDir ? join(extensionDir, 'manifest.json') : undefined;
  if (manifestPath && !existsSync(manifestPath)) {
    throw new Error(`No built Firefox add-on at ${extensionDir}: run \`npm run build:firefox\` first.`);
  }
  const executablePath = findFirefox();
  if (!executablePath) throw new Error(FIREFOX_MISSING);

  const geckoId: string | undefined = manifestPath
    ? JSON.parse(readFileSync(manifestPath, 'utf8')).browser_specific_settings?.gecko?.id
    : undefined;
  if (manifestPath && !geckoId) throw new Error(`${manifestPath} has no browser_specific_settings.gecko.id`);
  // Firefox gives each add-on a random internal UUID per profile; fixing it up front tells the
  // tests which moz-extension:// origin is the add-on's.
  const uuid = randomUUID();
  const proxy = await startRecordingProxy();
  const profileDir = mkdtempSync(join(tmpdir(), 'unspun-firefox-'));
  let browser: Browser | undefined;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath,
      headless: true,
      userDataDir: profileDir,
      defaultViewport: options.viewport ?? { width: 1280, height: 900 },
      // Cold starts on a busy two-core machine take 10–20 s.
      timeout: 90_000,
      // Lets WebDriver BiDi open the add-on's own pages (popup, options): without it Firefox
      // refuses to navigate a tab to moz-extension:// URLs. It widens what the test client may do,
      // not what the add-on or the pages may do.
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        ...QUIET_PREFERENCES,
        ...proxyPreferences(proxy.port),
        ...(geckoId ? { 'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: uuid }) } : {}),
      },
      // MOZ_DISABLE_NONLOCAL_CONNECTIONS is what Mozilla's own test harness sets. It lets the
      // remote-settings server be overridden (services/settings/Utils.sys.mjs), and it is a
      // backstop behind the proxy: a direct connection to a non-local address that bypassed the
      // proxy makes Firefox stop at once with "FATAL ERROR: Non-local network connections are
      // disabled…" (verified on 153 ESR), which is recorded below. Proxied attempts go to the
      // local proxy and are unaffected.
      env: { ...process.env, MOZ_CRASHREPORTER_DISABLE: '1', MOZ_DISABLE_NONLOCAL_CONNECTIONS: '1' },
    });
    const extensionOrigin = geckoId ? `moz-extension://${uuid}` : null;
    const consoleErrors: string[] = [];
    const firefoxProcess = browser.process();
    forEachLine(firefoxProcess?.stdout, (line) => {
      if (line.startsWith('console.error:')) consoleErrors.push(line);
    });
    forEachLine(firefoxProcess?.stderr, (line) => {
      // Firefox's own chrome code logs errors here too (e.g. its remote agent); only the add-on's count.
      if (extensionOrigin && line.startsWith('JavaScript error:') && line.includes(extensionOrigin)) consoleErrors.push(line);
      if (line.includes('Non-local network connections are disabled')) proxy.requests.push(line.trim());
    });
    const extensionId = extensionDir ? await browser.installExtension(resolve(extensionDir)) : null;
    if (extensionId !== null && extensionId !== geckoId) {
      throw new Error(`Firefox installed the add-on as ${extensionId}, expected ${geckoId}`);
    }
    const launched = browser;
    return {
      browser: launched,
      extensionId,
      extensionOrigin,
      externalRequests: proxy.requests,
      consoleErrors,
      async openExtensionPage(path) {
        if (!extensionOrigin) throw new Error('launched without the add-on');
        const page = await launched.newPage();
        const url = `${extensionOrigin}/${path.replace(/^\//, '')}`;
        // puppeteer never sees a navigation to moz-extension:// complete (the document loads in the
        // add-on's process), so the tab is navigated without waiting and the document is polled.
        const { connection, context } = bidiOf(page);
        await connection.send('browsingContext.navigate', { context, url, wait: 'none' });
        await pollUntil(
          () => page.evaluate((url) => location.href === url && document.readyState === 'complete', url).catch(() => false),
          (loaded) => loaded,
          20_000,
          () => `${url} did not load`,
        );
        return page;
      },
      async close() {
        await launched.close().catch(() => undefined);
        await proxy.close();
        rmSync(profileDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await browser?.close().catch(() => undefined);
    await proxy.close();
    rmSync(profileDir, { recursive: true, force: true });
    throw error;
  }
}

/** The parts of puppeteer's BiDi objects used below; puppeteer marks them internal, so they are checked at run time. */
interface BidiConnectionLike {
  send(method: string, params: unknown): Promise<{ result: any }>;
}

/** The WebDriver BiDi connection behind a puppeteer page, and the page's browsing context id. */
function bidiOf(page: Page): { connection: BidiConnectionLike; context: string } {
  const connection = (page.browser() as unknown as { connection?: BidiConnectionLike }).connection;
  const context = (page.mainFrame() as unknown as { _id?: string })._id;
  if (!connection || typeof connection.send !== 'function' || typeof context !== 'string') {
    throw new Error('needs a puppeteer WebDriver BiDi page (Firefox); puppeteer-core internals changed?');
  }
  return { connection, context };
}

/**
 * Calls `inPage` in the page's main world with the shadow roots of every element matching
 * `hostSelector`, CLOSED ones included, and returns its JSON-serializable result. Page scripts
 * cannot reach a closed root; WebDriver BiDi can serialize it (`includeShadowTree: "all"`) and
 * pass it back in as an argument, so the test reads the shadow DOM as rendered without changing
 * it. `inPage` must be self-contained (it is sent as source text).
 */
export async function callWithShadowRoots<T>(
  page: Page,
  hostSelector: string,
  inPage: (roots: ShadowRoot[]) => T,
): Promise<T> {
  const { connection, context } = bidiOf(page);
  const hosts = await connection.send('script.evaluate', {
    expression: `[...document.querySelectorAll(${JSON.stringify(hostSelector)})]`,
    target: { context },
    awaitPromise: false,
    resultOwnership: 'none',
    serializationOptions: { includeShadowTree: 'all', maxDomDepth: 1 },
  });
  if (hosts.result.type !== 'success') throw new Error(`finding ${hostSelector} failed: ${JSON.stringify(hosts.result)}`);
  const roots = (hosts.result.result.value as Array<{ value?: { shadowRoot?: { sharedId: string } | null } }>)
    .map((host) => host.value?.shadowRoot?.sharedId)
    .filter((sharedId): sharedId is string => typeof sharedId === 'string')
    .map((sharedId) => ({ sharedId }));
  const called = await connection.send('script.callFunction', {
    functionDeclaration: `(roots) => JSON.stringify((${inPage.toString()})(roots) ?? null)`,
    arguments: [{ type: 'array', value: roots }],
    target: { context },
    awaitPromise: false,
    resultOwnership: 'none',
  });
  if (called.result.type !== 'success') throw new Error(`reading ${hostSelector} failed: ${JSON.stringify(called.result)}`);
  return JSON.parse(called.result.result.value) as T;
}
