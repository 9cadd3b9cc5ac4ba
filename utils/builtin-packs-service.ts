/**
 * The background serves the rule packs to content scripts. The built-in rule packs live in the background, not in the content script: bundling them
 * into the content script made its first evaluation twice as long on every page the reader
 * opens, article or not. The content script asks for them (utils/request-builtin-packs.ts)
 * when it first analyzes a page.
 *
 * They travel as one JSON string per pack, not as objects: the browser serializes a message's
 * objects value by value and rebuilds them in the page's main thread, which for a megabyte of
 * small arrays took a long task of its own and made the round trip last 150–250 ms on a
 * busy page; a string crosses as a single value and `JSON.parse` rebuilds it in milliseconds.
 */
import { browser } from '#imports';
import type { Pack } from '../core/schema';
import type { MessageSenderLike } from './flag-count-badge';
import { BackgroundRequestSchema, type BackgroundRequest } from './messages';

/**
 * The answer to a request of `type` from this extension's own pages and content scripts, or
 * undefined for anything else (another request, another extension) so other listeners can
 * answer it. `answer` runs only for such a request, so nothing is serialized in vain.
 */
function answerOwnRequest<T>(
  type: BackgroundRequest['type'],
  message: unknown,
  sender: MessageSenderLike,
  answer: () => T | Promise<T>,
  extensionId: string,
): Promise<T> | undefined {
  const parsed = BackgroundRequestSchema.safeParse(message);
  if (!parsed.success || parsed.data.type !== type || sender.id !== extensionId) return undefined;
  return Promise.resolve(answer());
}

/** The answer to `get-builtin-packs`: each built-in pack's data as shipped, serialized as JSON. */
export function answerBuiltinPacksRequest(
  message: unknown,
  sender: MessageSenderLike,
  packTexts: () => readonly string[],
  extensionId: string = browser.runtime.id,
): Promise<readonly string[]> | undefined {
  return answerOwnRequest('get-builtin-packs', message, sender, packTexts, extensionId);
}

/**
 * The answer to `get-builtin-snapshot`: the built-in packs compiled together (core/snapshot.ts),
 * as JSON text. The background compiles them once, off the page's main thread; a content script
 * whose reader left every built-in pack on and imported none loads this instead of compiling
 * thousands of phrases on each page.
 */
export function answerBuiltinSnapshotRequest(
  message: unknown,
  sender: MessageSenderLike,
  snapshotText: () => string,
  extensionId: string = browser.runtime.id,
): Promise<string> | undefined {
  return answerOwnRequest('get-builtin-snapshot', message, sender, snapshotText, extensionId);
}

/**
 * The answer to `get-imported-packs`: the reader's imported packs that still validate, each as
 * JSON text (validating needs zod, which the content script does not load).
 */
export function answerImportedPacksRequest(
  message: unknown,
  sender: MessageSenderLike,
  validImportedPacks: () => Promise<readonly Pack[]>,
  extensionId: string = browser.runtime.id,
): Promise<readonly string[]> | undefined {
  const texts = async () => (await validImportedPacks()).map((pack) => JSON.stringify(pack));
  return answerOwnRequest('get-imported-packs', message, sender, texts, extensionId);
}
