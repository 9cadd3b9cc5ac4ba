/**
 * `npm run bench`: how fast Unspun is against the tools people would reach for, how it scales,
 * and what it costs in the browser (issue 7). Prints a table, writes bench/results.json and
 * bench/latest.md. Never part of `npm test`: timings belong here, as ratios measured in one run.
 *
 * Options:
 *   --rounds N        engine rounds (default 3)
 *   --loads N         page loads per page and mode in the browser (default 3)
 *   --pages a,b,c     corpus pages for the browser part (default guardian-1,yahoo-1,msn,nytimes-1,wapo-1)
 *   --skip-browser    engine and bundles only
 *   --browser-only    the browser part only (one build, no engine, bundles or profiles): prints its
 *                     table and writes bench/out/browser-only.json; bench/latest.md is left alone
 *   --no-profile      do not profile missed targets
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { analyzeText, type CompiledRules } from '../core/index';
import { BUILTIN_PACKS } from '../core/builtin-packs';
import { renderBrowserSummary, runBrowserBench, type BrowserInput, type BrowserResults } from '../bench/browser';
import { bundleResults, buildExtension, type BundleResults } from '../bench/bundles';
import { collectGarbage, runEngineBench } from '../bench/engine';
import { profile } from '../bench/profile';
import { evaluateTargets, renderMarkdown, renderText, type Environment, type Results } from '../bench/report';
import { loadSharedWorkloads, SharedDataMissingError } from '../bench/texts';
import { sharedDirectoryPath } from './shared-directory';

const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outBase = join(repositoryRoot, 'bench', 'out');
const log = (line: string) => process.stderr.write(`[bench ${(performance.now() / 1000).toFixed(0)}s] ${line}\n`);

const { values: options } = parseArgs({
  options: {
    rounds: { type: 'string', default: '3' },
    loads: { type: 'string', default: '3' },
    pages: { type: 'string', default: 'guardian-1,yahoo-1,msn,nytimes-1,wapo-1' },
    'skip-browser': { type: 'boolean', default: false },
    'browser-only': { type: 'boolean', default: false },
    'no-profile': { type: 'boolean', default: false },
  },
});

function environment(): Environment {
  const git = (...args: string[]) => {
    try {
      return execFileSync('git', args, { cwd: repositoryRoot, encoding: 'utf8' }).trim();
    } catch {
      return '';
    }
  };
  return {
    node: process.version,
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    platform: `${process.platform} ${process.arch}`,
    date: new Date().toISOString(),
    commit: git('rev-parse', '--short', 'HEAD') || 'unknown',
    dirty: git('status', '--porcelain', '--untracked-files=no') !== '',
    loadAverage: { start: loadavg()[0]!, end: Number.NaN },
  };
}

function browserInput(extensionDir: string, sharedDir: string): BrowserInput {
  return {
    extensionDir,
    pagesDir: join(sharedDir, 'corpus', 'pages'),
    pages: options.pages!.split(',').map((page) => page.trim()).filter(Boolean),
    loads: Math.max(1, Number(options.loads)),
    settleMs: 1000,
    repositoryRoot,
    highlightTimeoutMs: 8000,
    log,
  };
}

/** `--browser-only`: what the extension costs in the page, without waiting for the engine rounds. */
async function browserOnly(sharedDir: string): Promise<void> {
  const pagesDir = join(sharedDir, 'corpus', 'pages');
  if (!existsSync(pagesDir)) {
    console.error(`unspun bench: the corpus pages are missing (${pagesDir}); set UNSPUN_SHARED to their location.`);
    process.exit(2);
  }
  const loadAverageStart = loadavg()[0]!;
  log('build: extension');
  const built = buildExtension(repositoryRoot, join(outBase, 'with-packs'), false);
  if ('error' in built) throw new Error(`build failed: ${built.error}`);
  const browser = await runBrowserBench(browserInput(built.outDir, sharedDir));
  const loadAverage = { start: loadAverageStart, end: loadavg()[0]! };
  mkdirSync(outBase, { recursive: true });
  writeFileSync(join(outBase, 'browser-only.json'), JSON.stringify({ environment: { ...environment(), loadAverage }, browser }, null, 2) + '\n');
  console.log(renderBrowserSummary(browser));
  console.log(`load average ${loadAverage.start.toFixed(1)} at start, ${loadAverage.end.toFixed(1)} at end (${cpus().length} cores)`);
  log('wrote bench/out/browser-only.json');
}

async function main(): Promise<void> {
  const sharedDir = sharedDirectoryPath();
  if (options['browser-only']) return browserOnly(sharedDir);
  let workloads;
  try {
    workloads = loadSharedWorkloads(sharedDir);
  } catch (error) {
    if (error instanceof SharedDataMissingError || !existsSync(sharedDir)) {
      console.error(
        `unspun bench: the shared texts are missing (${(error as Error).message}). The benchmark compares analyzers on ` +
          `the PTC dev articles and the real-page corpus in ${sharedDir}; without them it means nothing. Set UNSPUN_SHARED to their location.`,
      );
      process.exit(2);
    }
    throw error;
  }
  const env = environment();
  const rounds = Math.max(1, Number(options.rounds));
  log(`engine: ${rounds} rounds over ${workloads.ptc.texts.length + workloads.corpus.texts.length} texts (alex takes most of the time)`);
  const engine = runEngineBench({ packs: [...BUILTIN_PACKS], comparison: [workloads.ptc, workloads.corpus], rounds, log });

  // Bundles: two production builds into bench/out (the E2E tests own .output/).
  let bundles: BundleResults | null = null;
  let bundlesError: string | undefined;
  let extensionDir: string | undefined;
  log('build: extension with and without packs');
  const built = buildExtension(repositoryRoot, join(outBase, 'with-packs'), false);
  if ('error' in built) {
    bundlesError = built.error;
  } else {
    extensionDir = built.outDir;
    const withoutPacks = buildExtension(repositoryRoot, join(outBase, 'without-packs'), true);
    bundles = bundleResults(repositoryRoot, built.outDir, 'error' in withoutPacks ? withoutPacks : withoutPacks.outDir);
  }

  let browser: BrowserResults | null = null;
  let browserError: string | undefined;
  if (options['skip-browser']) {
    browserError = 'skipped (--skip-browser)';
  } else if (!extensionDir) {
    browserError = `no extension build: ${bundlesError}`;
  } else if (!existsSync(join(extensionDir, 'content-scripts', 'content.js'))) {
    browserError = 'the build has no content script (entrypoints/content) yet';
  } else {
    try {
      browser = await runBrowserBench(browserInput(extensionDir, sharedDir));
    } catch (error) {
      browserError = (error as Error).message.split('\n')[0];
      log(`browser: failed: ${browserError}`);
    }
  }
  if (browserError) log(`browser: not measured: ${browserError}`);

  const targets = evaluateTargets(engine.results, browser, bundles, browserError, bundlesError);
  const profiles: Results['profiles'] = [];
  if (!options['no-profile']) {
    const missed = new Set(targets.filter((target) => target.pass === false).map((target) => target.id));
    const profileOf = async (reason: string, name: string, compiled: CompiledRules, texts: readonly string[], passes = 2) => {
      log(`profile: ${reason}`);
      collectGarbage();
      const summary = await profile(() => {
        for (let pass = 0; pass < passes; pass++) for (const text of texts) analyzeText(text, compiled);
      }, join(outBase, `${name}.cpuprofile`), repositoryRoot);
      profiles.push({ reason, ...summary });
    };
    const ptcTexts = workloads.ptc.texts.map((item) => item.text);
    if (missed.has('vs-alex') || missed.has('vs-write-good') || missed.has('vs-floor')) {
      await profileOf('Unspun core on ptc-dev (a throughput target was missed)', 'unspun-ptc-dev', engine.compiled, ptcTexts);
    }
    if (missed.has('rules-x10')) await profileOf('Unspun core with ×10 rules on ptc-dev', 'unspun-rules-x10', engine.compiledX10, ptcTexts);
    if (missed.has('text-x10')) {
      const megabytes = (Buffer.byteLength(engine.largestAnalyzedText, 'utf8') / 1e6).toFixed(1);
      await profileOf(`Unspun core on the ${megabytes} MB generated text (text scaling missed)`, 'unspun-large-text', engine.compiled, [engine.largestAnalyzedText], 1);
    }
  }

  env.loadAverage.end = loadavg()[0]!;
  const results: Results = {
    environment: env,
    ratioToAlex: engine.results.ratios.alex.median,
    ratioToWriteGood: engine.results.ratios.writeGood.median,
    ratioToFloor: engine.results.ratios.floor.median,
    engine: engine.results,
    browser,
    ...(browserError ? { browserError } : {}),
    bundles,
    ...(bundlesError ? { bundlesError } : {}),
    targets,
    profiles,
  };
  mkdirSync(join(repositoryRoot, 'bench'), { recursive: true });
  writeFileSync(join(repositoryRoot, 'bench', 'results.json'), JSON.stringify(results, null, 2) + '\n');
  writeFileSync(join(repositoryRoot, 'bench', 'latest.md'), renderMarkdown(results));
  console.log(renderText(results));
  log('wrote bench/results.json and bench/latest.md');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
