import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// See README "Permissions" for why each permission is needed.
export default defineConfig({
  srcDir: '.',
  modules: ['@wxt-dev/webextension-polyfill'],
  webExt: { disabled: true },
  vite: () => ({
    plugins: [preact()],
    // Rule packs are large JSON: emitted as JSON.parse("…") they parse several times faster
    // than the equivalent object literal when the content script loads its engine.
    json: { stringify: true },
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
