/**
 * Hosts the Card in a CLOSED shadow root (WXT `createShadowRootUi`): page styles cannot reach
 * it and page scripts cannot read it. The host is only in the page while a card is open.
 */
import { render } from 'preact';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { Card, type CardProps } from '../Card';

export interface CardOverlay {
  show(props: CardProps): void;
  hide(): void;
  readonly isOpen: boolean;
  /** Whether an event target is the card's host (events from inside a closed root retarget to it). */
  isCardHost(target: EventTarget | null): boolean;
}

export async function createCardOverlay(ctx: ContentScriptContext): Promise<CardOverlay> {
  let container: HTMLElement | undefined;
  let open = false;
  const ui = await createShadowRootUi(ctx, {
    name: 'unspun-card',
    position: 'overlay',
    zIndex: 2147483647,
    mode: 'closed',
    // Keys typed in the card (Esc, Tab, Enter) must not reach the page's own shortcuts.
    isolateEvents: ['keydown', 'keyup', 'keypress'],
    onMount(uiContainer) {
      container = uiContainer;
      return uiContainer;
    },
    onRemove(mounted) {
      if (mounted) render(null, mounted);
    },
  });
  ui.shadowHost.setAttribute('data-unspun-ui', 'card');
  return {
    show(props) {
      if (!open) {
        ui.mount();
        open = true;
      }
      if (container) render(<Card {...props} />, container);
    },
    hide() {
      if (!open) return;
      open = false;
      ui.remove();
    },
    get isOpen() {
      return open;
    },
    isCardHost(target) {
      return target === ui.shadowHost;
    },
  };
}
