/**
 * Keyboard commands `next-flag` / `previous-flag` (declared in wxt.config.ts) become a
 * `step-flag` request to the content script of the active tab.
 */
import { browser } from '#imports';
import type { ContentRequest } from './messages';

export function stepRequestForCommand(command: string): ContentRequest | undefined {
  if (command === 'next-flag') return { type: 'step-flag', direction: 'next' };
  if (command === 'previous-flag') return { type: 'step-flag', direction: 'previous' };
  return undefined;
}

export interface TabsLike {
  query(queryInfo: { active: boolean; currentWindow: boolean }): Promise<Array<{ id?: number }>>;
  sendMessage(tabId: number, message: unknown): Promise<unknown>;
}

/**
 * Sends the step to the active tab. Returns the tab id it went to, or undefined when there was
 * nothing to send or nobody to receive it (a browser page has no content script: not an error).
 */
export async function sendStepToActiveTab(
  command: string,
  tabs: TabsLike = browser.tabs as unknown as TabsLike,
): Promise<number | undefined> {
  const request = stepRequestForCommand(command);
  if (!request) return undefined;
  const [tab] = await tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return undefined;
  try {
    await tabs.sendMessage(tab.id, request);
    return tab.id;
  } catch {
    return undefined;
  }
}
