/**
 * `tsx bench/build-extension.ts OUT_DIR [--without-packs]`: a production build of the Chrome
 * extension into OUT_DIR (not .output/, which the E2E tests use). With `--without-packs`,
 * every rule pack (`rules/*.json`) is shipped as `{}`, so bundle sizes without the
 * packs can be measured (see bundles.ts). Run by the benchmark in a child process, because
 * WXT owns the process it builds in.
 */
import { build } from 'wxt';

const outDir = process.argv[2];
const withoutPacks = process.argv.includes('--without-packs');
if (!outDir) {
  console.error('usage: tsx bench/build-extension.ts OUT_DIR [--without-packs]');
  process.exit(2);
}

// wxt.config.ts ships each pack as a JSON string; this switch makes it ship `{}` instead.
if (withoutPacks) process.env.UNSPUN_BUILD_WITHOUT_PACKS = '1';

await build({
  outDir,
  vite: () => ({
    // Source maps as separate files with no reference from the bundles (sizes unchanged), so the
    // browser benchmark can name the content script's hot functions in the original sources.
    build: { sourcemap: 'hidden' as const },
  }),
});
