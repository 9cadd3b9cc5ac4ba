import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { badgeText, clearBadgeOnNavigation, handleFlagCountMessage } from '../flag-count-badge';

const extensionId = fakeBrowser.runtime.id;
const fromOurContentScript = { id: extensionId, tab: { id: 7 } };

async function badgeOf(tabId: number) {
  return fakeBrowser.action.getBadgeText({ tabId });
}

describe('toolbar badge', () => {
  beforeEach(() => fakeBrowser.reset());

  it("shows a tab's flag count sent by this extension's content script", async () => {
    expect(await handleFlagCountMessage({ type: 'flag-count', count: 12 }, fromOurContentScript)).toBe(true);
    expect(await badgeOf(7)).toBe('12');
  });

  it('shows nothing for a page without flags', async () => {
    await handleFlagCountMessage({ type: 'flag-count', count: 0 }, fromOurContentScript);
    expect(await badgeOf(7)).toBe('');
  });

  it.each([
    ['another extension', { type: 'flag-count', count: 3 }, { id: 'someone-else', tab: { id: 7 } }],
    ['an extension page (no tab)', { type: 'flag-count', count: 3 }, { id: extensionId }],
    ['a negative count', { type: 'flag-count', count: -1 }, fromOurContentScript],
    ['a fractional count', { type: 'flag-count', count: 2.5 }, fromOurContentScript],
    ['a count given as text', { type: 'flag-count', count: '3' }, fromOurContentScript],
    ['an unknown message type', { type: 'set-badge', text: 'hi' }, fromOurContentScript],
    ['something that is not an object', 'flag-count', fromOurContentScript],
  ])('ignores a message from %s', async (_name, message, sender) => {
    expect(await handleFlagCountMessage(message, sender)).toBe(false);
    expect(await badgeOf(7)).toBe('');
  });

  it('clears the count when the tab starts loading a new page', async () => {
    await handleFlagCountMessage({ type: 'flag-count', count: 5 }, fromOurContentScript);
    await clearBadgeOnNavigation(7, { status: 'complete' });
    expect(await badgeOf(7)).toBe('5');
    await clearBadgeOnNavigation(7, { status: 'loading' });
    expect(await badgeOf(7)).toBe('');
  });

  it('fits large counts in the badge', () => {
    expect(badgeText(999)).toBe('999');
    expect(badgeText(1000)).toBe('999+');
  });
});
