/**
 * Sizes of the built extension's bundles, minified and gzipped, with the rule packs counted
 * apart.
 *
 * Packs: the built-in packs are bundled into the content script (and the popup/options, which
 * list them). Their share is measured by building the extension a second time with every
 * `rules/*.json` import replaced by `{}` (a Vite plugin, bench/build-extension.ts) and taking the difference. That is exact for the code a
 * reader downloads, unlike subtracting the gzip of the JSON files, since gzip of a whole is
 * not the sum of gzips of its parts. The JSON figure is reported too, for reference.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSize {
  /** Files the entry loads (its own file and the shared chunks it imports). */
  files: string[];
  bytes: number;
  gzipBytes: number;
  /** True when every JS file of the bundle looks minified (long lines on average). */
  minified: boolean;
}

export interface BundleResults {
  method: string;
  withPacks: Record<string, BundleSize>;
  withoutPacks: Record<string, BundleSize> | null;
  /** gzip of each rules/*.json pack re-serialised without whitespace, summed. */
  packsJsonGzipBytes: number;
  packsJsonBytes: number;
  buildWithoutPacksError?: string;
}

const ENTRIES: Record<string, string[]> = {
  content: ['content-scripts/content.js'],
  background: ['background.js'],
  popup: ['popup.html'],
  options: ['options.html'],
};

/** Relative paths of every JS/CSS file an entry loads: <script>/<link> of an HTML page, then static imports. */
function filesOf(outDir: string, entry: string): string[] {
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file) || !existsSync(join(outDir, file))) continue;
    seen.add(file);
    const source = readFileSync(join(outDir, file), 'utf8');
    const references: string[] = [];
    if (file.endsWith('.html')) {
      for (const match of source.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="([^"]+)"/g)) references.push(match[1]!);
    } else if (file.endsWith('.js')) {
      for (const match of source.matchAll(/(?:\bimport|\bfrom)\s*\(?\s*["']([^"']+\.(?:js|css))["']/g)) references.push(match[1]!);
    }
    for (const reference of references) {
      if (/^[a-z-]+:/.test(reference)) continue;
      const path = reference.startsWith('/') ? reference.slice(1) : relative(outDir, resolve(outDir, dirname(file), reference));
      if (/\.(js|css)$/.test(path)) queue.push(path);
    }
  }
  return [...seen].filter((file) => /\.(js|css)$/.test(file)).sort();
}

function looksMinified(source: string): boolean {
  // Minifiers emit few, very long lines; readable output averages well under 100 characters a line.
  const lines = source.split('\n').length;
  return source.length / lines > 200;
}

export function measureBundles(outDir: string): Record<string, BundleSize> {
  const result: Record<string, BundleSize> = {};
  for (const [name, entryFiles] of Object.entries(ENTRIES)) {
    const files = entryFiles.flatMap((entry) => filesOf(outDir, entry));
    if (files.length === 0) continue;
    let bytes = 0;
    let gzipBytes = 0;
    let minified = true;
    for (const file of files) {
      const content = readFileSync(join(outDir, file));
      bytes += content.length;
      // Each file is fetched on its own, so each is compressed on its own.
      gzipBytes += gzipSync(content, { level: 9 }).length;
      if (file.endsWith('.js') && !looksMinified(content.toString('utf8'))) minified = false;
    }
    result[name] = { files, bytes, gzipBytes, minified };
  }
  return result;
}

export function packsJsonSizes(rulesDir: string): { bytes: number; gzipBytes: number } {
  let bytes = 0;
  let gzipBytes = 0;
  for (const file of readdirSync(rulesDir).filter((name) => name.endsWith('.json') && name !== 'pack.schema.json')) {
    const compact = Buffer.from(JSON.stringify(JSON.parse(readFileSync(join(rulesDir, file), 'utf8'))));
    bytes += compact.length;
    gzipBytes += gzipSync(compact, { level: 9 }).length;
  }
  return { bytes, gzipBytes };
}

/** Production build into `outBase/chrome-mv3`, optionally with the packs replaced by `{}`, in a child process. */
export function buildExtension(repositoryRoot: string, outBase: string, withoutPacks: boolean): { outDir: string } | { error: string } {
  const script = join(repositoryRoot, 'bench', 'build-extension.ts');
  const run = spawnSync(process.execPath, [...process.execArgv, script, outBase, ...(withoutPacks ? ['--without-packs'] : [])], {
    cwd: repositoryRoot,
    encoding: 'utf8',
    timeout: 300_000,
  });
  const outDir = join(outBase, 'chrome-mv3');
  if (run.status !== 0 || !existsSync(join(outDir, 'manifest.json'))) {
    return { error: `build failed (exit ${run.status}): ${(run.stderr || run.stdout || '').trim().split('\n').slice(-8).join(' / ')}` };
  }
  return { outDir };
}

export function bundleResults(repositoryRoot: string, outDir: string, withoutPacksDir: string | { error: string }): BundleResults {
  const packs = packsJsonSizes(join(repositoryRoot, 'rules'));
  const withPacks = measureBundles(outDir);
  const base: BundleResults = {
    method:
      'min+gz = each built file gzipped (level 9) on its own and summed per entry; without packs = a second build with every rules/*.json import replaced by {}',
    withPacks,
    withoutPacks: null,
    packsJsonGzipBytes: packs.gzipBytes,
    packsJsonBytes: packs.bytes,
  };
  if (typeof withoutPacksDir !== 'string') return { ...base, buildWithoutPacksError: withoutPacksDir.error };
  return { ...base, withoutPacks: measureBundles(withoutPacksDir) };
}
