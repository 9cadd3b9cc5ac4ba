/**
 * The built-in rule packs live in the background, not in the content script: bundling them
 * into the content script made its first evaluation twice as long on every page the reader
 * opens, article or not. The content script asks for them when it first analyzes a page.
 */
import { browser } from '#imports';
import { withDefaults } from '../core/pack-defaults';
import type { Pack } from '../core/schema';
import type { MessageSenderLike } from './flag-count-badge';
import { BackgroundRequestSchema } from './messages';

/**
 * The background's answer to `get-builtin-packs` from this extension (the pack data as
 * shipped), or undefined for any other message so other listeners can answer it.
 */
export function answerBuiltinPacksRequest(
  message: unknown,
  sender: MessageSenderLike,
  packs: readonly unknown[],
  extensionId: string = browser.runtime.id,
): Promise<readonly unknown[]> | undefined {
  const parsed = BackgroundRequestSchema.safeParse(message);
  if (!parsed.success || parsed.data.type !== 'get-builtin-packs' || sender.id !== extensionId) return undefined;
  return Promise.resolve(packs);
}

/** Asks the background for the built-in packs (validated there by the build and the tests). */
export async function requestBuiltinPacks(): Promise<Pack[]> {
  const packs: unknown = await browser.runtime.sendMessage({ type: 'get-builtin-packs' });
  if (!Array.isArray(packs)) throw new Error('the background did not send the built-in rule packs');
  return packs.map(withDefaults);
}
