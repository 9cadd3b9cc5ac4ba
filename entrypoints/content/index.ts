import { createCardOverlay } from '../../components/card/card-overlay';
import { PageSession } from '../../dom/page-session';

/** Thin wiring: everything a reader meets on the page lives in dom/ and components/. */
export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  cssInjectionMode: 'ui',
  async main(ctx) {
    await new PageSession({ ctx, createCardOverlay }).start();
  },
});
