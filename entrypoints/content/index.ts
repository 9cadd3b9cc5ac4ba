import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { PageSession } from '../../dom/page-session';

/** The card's UI (Preact) is loaded when the reader first opens a card, not with every page. */
const createCardOverlay = async (ctx: ContentScriptContext) => (await import('../../components/card/card-overlay')).createCardOverlay(ctx);

/** Thin wiring: everything a reader meets on the page lives in dom/ and components/. */
export default defineContentScript({
  matches: ['<all_urls>'],
  // From the start of the document: on a page whose <head> declares an article, the background
  // compiles the rule packs while the rest of it loads (see PageSession.start).
  runAt: 'document_start',
  cssInjectionMode: 'ui',
  async main(ctx) {
    await new PageSession({ ctx, createCardOverlay }).start();
  },
});
