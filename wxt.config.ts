import { readFileSync } from 'node:fs';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';

/**
 * Ships each rule pack as `JSON.parse("…")` instead of a JavaScript object literal. A megabyte
 * of object literals costs V8 a long parse when the content script loads on every page and a
 * long evaluation when the engine first runs; a string is scanned quickly and JSON.parse is
 * several times faster than evaluating the same literal.
 */
function packsAsJsonStrings(): Plugin {
  const prefix = '\0unspun-pack:';
  return {
    name: 'unspun:packs-as-json-strings',
    enforce: 'pre',
    apply: 'build',
    async resolveId(source, importer) {
      if (!/[\\/]rules[\\/][^\\/]+\.json$/.test(source) || source.endsWith('pack.schema.json')) return null;
      const resolved = await this.resolve(source, importer, { skipSelf: true });
      // The id must not end in .json, or the built-in JSON plugin parses the module again.
      return resolved ? `${prefix}${resolved.id}.js` : null;
    },
    load(id) {
      if (!id.startsWith(prefix)) return null;
      const path = id.slice(prefix.length, -'.js'.length);
      this.addWatchFile(path);
      // The benchmark measures bundle sizes without the packs by building with this set.
      if (process.env.UNSPUN_BUILD_WITHOUT_PACKS === '1') return 'export default JSON.parse("{}");';
      // Validate here so a broken pack fails the build, not the reader's page.
      const text = JSON.stringify(JSON.parse(readFileSync(path, 'utf8')));
      return `export default JSON.parse(${JSON.stringify(text)});`;
    },
  };
}

/**
 * Turns webextension-polyfill's UMD wrapper into an ES module with a default export. Imported
 * as CommonJS, the bundler's interop copies every property of the module's exports, and where
 * the browser has a native `browser` (Chrome today, Firefox) the exports are that object: the
 * copy touches every API namespace, which Chrome builds on first access, 3–15 ms at the start
 * of every page. The polyfill itself runs unchanged. The build fails if its wrapper ever changes.
 */
function polyfillAsEsModule(): Plugin {
  const umdHead = /^\(function \(global, factory\) \{[\s\S]*?\}\)\(typeof globalThis !== "undefined" \? globalThis : typeof self !== "undefined" \? self : this, function \(module\) \{/;
  return {
    name: 'unspun:polyfill-as-es-module',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]webextension-polyfill[\\/]dist[\\/]browser-polyfill\.js$/.test(id)) return null;
      if (!umdHead.test(code)) throw new Error('webextension-polyfill: its UMD wrapper changed; update polyfillAsEsModule in wxt.config.ts');
      return {
        code: `const polyfillModule = { exports: {} };\n(function (factory) { factory(polyfillModule); })(function (module) {${code.replace(umdHead, '')}\nexport default polyfillModule.exports;\n`,
        map: null,
      };
    },
  };
}

// See README "Permissions" for why each permission is needed.
export default defineConfig({
  srcDir: '.',
  modules: ['@wxt-dev/webextension-polyfill'],
  webExt: { disabled: true },
  vite: () => ({
    plugins: [preact(), packsAsJsonStrings(), polyfillAsEsModule()],
  }),
  manifest: ({ browser }) => ({
    name: 'Unspun',
    description: 'See loaded words and unsourced claims in the news you read. Nothing leaves your browser.',
    permissions: ['storage'],
    commands: {
      'next-flag': {
        suggested_key: { default: 'Alt+Shift+N' },
        description: 'Jump to the next flag on the page',
      },
      'previous-flag': {
        suggested_key: { default: 'Alt+Shift+P' },
        description: 'Jump to the previous flag on the page',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'unspun@unspun.dev',
              strict_min_version: '128.0',
              // Firefox asks extensions to declare what they collect: nothing.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
