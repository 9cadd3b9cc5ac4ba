/**
 * The content script's side of `get-imported-packs` (the background's is in
 * builtin-packs-service.ts): the background validates the stored packs with the pack schema,
 * so the content script, which runs on every page, carries no zod.
 */
import { browser } from '#imports';
import type { Pack } from '../core/schema';
import type { BackgroundRequest } from './messages';

/** The reader's imported packs that validate, as the background checked them. */
export async function requestImportedPacks(): Promise<Pack[]> {
  const request: BackgroundRequest = { type: 'get-imported-packs' };
  const texts: unknown = await browser.runtime.sendMessage(request);
  if (!Array.isArray(texts) || !texts.every((text) => typeof text === 'string')) {
    throw new Error('the background did not send the imported rule packs');
  }
  return (texts as string[]).map((text) => JSON.parse(text) as Pack);
}
