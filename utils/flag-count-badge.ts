/**
 * The toolbar badge: how many flags the content script found in a tab. The background only
 * believes a count that parses as a `flag-count` message and comes from this extension's own
 * content script in a tab; anything else is dropped without touching the badge.
 */
import { browser } from '#imports';
import { BackgroundRequestSchema } from './messages';

/** The part of `runtime.MessageSender` the check needs. */
export interface MessageSenderLike {
  id?: string;
  tab?: { id?: number };
}

/** The part of `browser.action` (MV3) or `browser.browserAction` (Firefox MV2) the badge needs. */
export interface BadgeApi {
  setBadgeText(details: { tabId?: number; text: string | null }): Promise<void> | void;
  setBadgeBackgroundColor(details: { tabId?: number; color: string }): Promise<void> | void;
}

/** Badges have room for about four characters. */
export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 999 ? '999+' : String(count);
}

/** The tab and count a message reports, or undefined when it must not be trusted. */
export function trustedFlagCount(
  message: unknown,
  sender: MessageSenderLike,
  extensionId: string,
): { tabId: number; count: number } | undefined {
  if (sender.id !== extensionId || sender.tab?.id === undefined) return undefined;
  const parsed = BackgroundRequestSchema.safeParse(message);
  if (!parsed.success || parsed.data.type !== 'flag-count') return undefined;
  return { tabId: sender.tab.id, count: parsed.data.count };
}

export const BADGE_COLOR = '#5b3fa8';

function defaultBadgeApi(): BadgeApi {
  // Firefox's MV2 build has `browserAction`; MV3 builds have `action`.
  return (browser.action ?? (browser as unknown as { browserAction: BadgeApi }).browserAction) as BadgeApi;
}

/**
 * Sets the badge of the sender's tab when the message is a trusted flag count.
 * Returns whether it did, so callers and tests can tell a dropped message from a handled one.
 */
export async function handleFlagCountMessage(
  message: unknown,
  sender: MessageSenderLike,
  extensionId: string = browser.runtime.id,
  badge: BadgeApi = defaultBadgeApi(),
): Promise<boolean> {
  const trusted = trustedFlagCount(message, sender, extensionId);
  if (!trusted) return false;
  await badge.setBadgeBackgroundColor({ tabId: trusted.tabId, color: BADGE_COLOR });
  await badge.setBadgeText({ tabId: trusted.tabId, text: badgeText(trusted.count) });
  return true;
}

/** A tab that starts loading a new page has no flags yet; the old count would mislead. */
export async function clearBadgeOnNavigation(
  tabId: number,
  changeInfo: { status?: string },
  badge: BadgeApi = defaultBadgeApi(),
): Promise<boolean> {
  if (changeInfo.status !== 'loading') return false;
  await badge.setBadgeText({ tabId, text: '' });
  return true;
}
