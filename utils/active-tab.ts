/**
 * Which tab the popup speaks for. Opened from the toolbar it is the active tab of the current
 * window; opened as a page with `?tabId=N` (end-to-end tests do this) it is tab N.
 */
import { browser } from '#imports';

export interface TabQueryLike {
  query(queryInfo: { active: boolean; currentWindow: boolean }): Promise<Array<{ id?: number }>>;
}

export function tabIdFromSearch(search: string): number | undefined {
  const value = new URLSearchParams(search).get('tabId');
  if (value === null || !/^\d+$/.test(value)) return undefined;
  return Number(value);
}

export async function resolveTargetTabId(
  search: string = globalThis.location?.search ?? '',
  tabs: TabQueryLike = browser.tabs as unknown as TabQueryLike,
): Promise<number | undefined> {
  const fromUrl = tabIdFromSearch(search);
  if (fromUrl !== undefined) return fromUrl;
  const [tab] = await tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}
